// Body limits per route, JSON shape refused before parsing, and who is asking decided before a body is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { jsonShapeProblem, JSON_MAX_DEPTH } from './body-limits.ts';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, signIn, team } from '../../test/support/newsroom.ts';

describe('jsonShapeProblem', () => {
  it('passes ordinary JSON, brackets inside strings and escaped quotes', () => {
    expect(jsonShapeProblem('{"a":[1,2,{"b":"[[[[,,,,"}],"c":"say \\"hi\\" [","d":null}')).toBeNull();
    expect(jsonShapeProblem('[]'.padStart(2, ' '))).toBeNull();
    expect(jsonShapeProblem('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH))).toBeNull();
  });

  it('refuses nesting past the limit and too many values, whatever follows', () => {
    expect(jsonShapeProblem('['.repeat(JSON_MAX_DEPTH + 1) + ']'.repeat(JSON_MAX_DEPTH + 1))).toMatch(/nests deeper than 32/);
    expect(jsonShapeProblem(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`)).toMatch(/nests deeper/);
    expect(jsonShapeProblem(`[${'0,'.repeat(10)}0]`, 32, 10)).toMatch(/more than 10 values/);
    expect(jsonShapeProblem(`[${'0,'.repeat(9)}0]`, 32, 10)).toBeNull();
    // Commas inside strings are text, not values.
    expect(jsonShapeProblem(`["${','.repeat(100)}"]`, 32, 10)).toBeNull();
  });
});

describe.each(dialects)('body limits and early refusals over HTTP on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let people: Awaited<ReturnType<typeof team>>;
  let sectionId: number;

  beforeAll(async () => {
    t = await open();
    sectionId = await makeSection(t.store, 'world', 'World');
    app = await testApp(t.store);
    people = await team(app);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const json = (url: string, payload: string, headers: Record<string, string> = {}, method: 'POST' | 'PUT' = 'POST') =>
    app.inject({ method, url, headers: { 'content-type': 'application/json', ...headers }, payload });

  it('a small route refuses a large body with 413 PAYLOAD_TOO_LARGE, even from a signed-in user', async () => {
    const res = await json('/api/v1/tokens', JSON.stringify({ name: 'x'.repeat(100_000) }), bearer(people.writer.token));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('article saves take a long article (a 3 MB body)', async () => {
    const paragraphs = Array.from({ length: 1_500 }, (_, i) => ({
      type: 'paragraph',
      content: [{ text: `Paragraph ${i}: ${'word '.repeat(400)}` }],
    }));
    const payload = JSON.stringify(articleBody(sectionId, { body: paragraphs }));
    expect(payload.length).toBeGreaterThan(3_000_000);
    const res = await json('/api/v1/articles', payload, bearer(people.writer.token));
    expect(res.statusCode, res.body.slice(0, 200)).toBe(201);
  });

  it('a signed-in user’s deeply nested or huge-count JSON is refused as INVALID_INPUT before parsing', async () => {
    const deep = await json('/api/v1/articles', '['.repeat(5_000) + ']'.repeat(5_000), bearer(people.writer.token));
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/nests deeper/) });
    const many = await json('/api/v1/articles', `[${'"",'.repeat(300_000)}""]`, bearer(people.writer.token));
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toMatch(/more than 200000 values/);
  });

  it('anonymous requests are refused before their body is read: 401 for the API, 413 past the sign-in form’s size', async () => {
    // Malformed JSON would be a 400 if it were parsed: the 401 shows it never was.
    const api = await json('/api/v1/articles', '{"headline": ');
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('NOT_SIGNED_IN');
    const forged = await json('/api/v1/tokens', '{"name": ', bearer('made-up-token'));
    expect(forged.statusCode).toBe(401);
    const signIn = await json('/newsroom/sign-in', JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(20_000) }));
    expect(signIn.statusCode).toBe(413);
    expect(signIn.headers['x-error-code']).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an operation the role does not allow is refused before the body is read (the route table’s op)', async () => {
    // Malformed JSON would be a 400 if it were parsed: the 403 shows the role was checked first.
    const res = await json('/api/v1/sections', '{"name": ', bearer(people.writer.token));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const allowed = await json('/api/v1/sections', '{"name": ', bearer(people.editor.token));
    expect(allowed.statusCode).toBe(400);
  });

  it('a signed-in session’s request from another site is refused before its body is read', async () => {
    const s = await signIn(app, people.editor.user.email);
    const form = { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' };
    const crossSite = await app.inject({
      method: 'POST',
      url: '/newsroom/tokens',
      headers: { ...form, origin: 'https://evil.example' },
      payload: `_csrf=${s.csrf}&name=laptop`,
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.headers['x-error-code']).toBe('CSRF_INVALID');
    const otherPort = await app.inject({
      method: 'POST',
      url: '/newsroom/tokens',
      headers: { ...form, origin: 'http://localhost:8080' },
      payload: `_csrf=${s.csrf}&name=laptop`,
    });
    expect(otherPort.statusCode).toBe(403);
    const fetchMeta = await app.inject({
      method: 'POST',
      url: '/newsroom/tokens',
      headers: { ...form, 'sec-fetch-site': 'cross-site' },
      payload: `_csrf=${s.csrf}&name=laptop`,
    });
    expect(fetchMeta.statusCode).toBe(403);
    // The same form from this site, and a header token that does not match, as before.
    const same = await app.inject({
      method: 'POST',
      url: '/newsroom/tokens',
      headers: { ...form, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: `_csrf=${s.csrf}&name=laptop`,
    });
    expect(same.statusCode).toBe(201);
    const wrongHeader = await json('/api/v1/tokens', '{"name": ', { ...s.headers(false), 'x-csrf-token': 'wrong' });
    expect(wrongHeader.statusCode).toBe(403); // refused before the malformed body was parsed (else 400)
  });
});
