// A body over the size limit is answered 413 with its own stable code, PAYLOAD_TOO_LARGE (JSON under /api, a page
// with the X-Error-Code header elsewhere), whether the size is announced up front or only found while reading.
// Sent by signed-in users: an anonymous request is refused before its body is read (http/auth.ts).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.ts';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { bearer, member, signIn, type Session } from '../../test/support/newsroom.ts';
import { errorCatalogue } from '../errors.ts';

/** Far over any body limit the app sets (MiBs of JSON or form), so the test does not depend on their values. */
const TOO_LARGE = 40 * 1024 * 1024;
const filler = (bytes: number) => 'x'.repeat(bytes);
const jsonOf = (bytes: number) => JSON.stringify({ headline: filler(bytes) });

describe.each(dialects)('a body too large on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let token = '';
  let session: Session;

  beforeAll(async () => {
    t = await open();
    await makeSection(t.store, 'news', 'News');
    app = await testApp(t.store);
    const editor = await member(app, 'editor', 'Big Body Editor');
    token = editor.token;
    session = await signIn(app, editor.user.email);
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const postApi = (payload: string | Readable) =>
    app.inject({ method: 'POST', url: '/api/v1/articles', headers: { ...bearer(token), 'content-type': 'application/json' }, payload });

  const expectApi413 = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }) => {
    expect(res.statusCode).toBe(413);
    expect(res.headers['x-error-code']).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: errorCatalogue.PAYLOAD_TOO_LARGE.message } });
  };

  it('POST /api/v1/articles with a Content-Length over the limit: 413 PAYLOAD_TOO_LARGE as JSON', async () => {
    expectApi413(await postApi(jsonOf(TOO_LARGE)));
  });

  it('POST /api/v1/articles streamed without a length, over the limit: the same', async () => {
    const chunk = filler(1024 * 1024);
    const body = Readable.from(
      (function* () {
        yield '{"headline":"';
        for (let i = 0; i < TOO_LARGE / chunk.length; i++) yield chunk;
        yield '"}';
      })(),
    );
    expectApi413(await postApi(body));
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', `headline=${filler(TOO_LARGE)}`],
    ['JSON', 'application/json', jsonOf(TOO_LARGE)],
  ])('POST /newsroom/articles with %s over the limit: a 413 page coded PAYLOAD_TOO_LARGE', async (_kind, type, payload) => {
    const headers = { ...session.headers(), 'content-type': type };
    const res = await app.inject({ method: 'POST', url: '/newsroom/articles', headers, payload });
    expect(res.statusCode).toBe(413);
    expect(res.headers['x-error-code']).toBe('PAYLOAD_TOO_LARGE');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(errorCatalogue.PAYLOAD_TOO_LARGE.message);
  });

  it('a body within the limit still reaches the route', async () => {
    expect((await postApi(jsonOf(10))).statusCode).not.toBe(413);
  });
});
