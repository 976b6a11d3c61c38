// The JSON API under hostile input: every route from the route table gets the corpus in its path parameters,
// query string, headers and body (raw bodies, wrong types, missing and extra fields, string payloads in its text
// fields). Never a 5xx; every 4xx is JSON with a catalogue code and a message; a refused save leaves the article
// as it was, and an accepted one stores the text exactly (trimmed where the schema trims).
//
// Budget: a request costs a few milliseconds, so where many routes share one code path (the id parser, the
// header handling, the body parser) each route gets a share of the corpus (shareOf) and a few representative
// routes get all of it; where the code differs per route (each body schema, each stored text field) every route
// gets its own full set. SQLite gets everything; PostgreSQL gets the storage part (every string payload in every
// text field of an article, wrong types in the article's fields, the stored text of other routes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import sharp from 'sharp';
import { dialects } from '../support/db.ts';
import { bearer } from '../support/newsroom.ts';
import { expectAnswered, report, send, tally, tried } from './harness.ts';
import { apiExample, apiRoutes, getAt, jsonPaths, pathName, registeredRoutes, REMOVE, richArticle, routeKey, setAt, type JsonPath } from './inventory.ts';
import { hostileHeaders, idLike, oversized, rawBodies, rawUrlPieces, sample, shareOf, sqli, strings, traversal, unicode, urlEncode, wrongTypes, xss } from './payloads.ts';
import { storeEveryPayload } from './store-text.ts';
import { buildWorld, type World } from './world.ts';
import type { ApiRoute } from '../../src/api/routes.ts';

/** The article status each route needs to succeed (as in src/api/roles.test.ts). */
const NEEDS: Record<string, 'draft' | 'in_review' | 'published'> = { publish: 'in_review', schedule: 'in_review', draft: 'in_review', unpublish: 'published', corrections: 'published' };

/** Wrong types for every position of every body: small ones here; the big ones go once per route. */
const perField: unknown[] = [null, true, -1, 1.5, '1', '', [], {}, '<script>alert(1)</script>', REMOVE];
const bigValues = wrongTypes.filter((v) => JSON.stringify(v).length >= 1_000);
/** Free text that ends up stored and shown somewhere gets the whole string corpus (less the oversized, sent once). */
const STORED_TEXT = new Set(['name', 'description', 'note', 'alt', 'caption', 'credit']);
/** Routes whose schema another route already shares (transitions, section create/update): one of them gets the full text corpus. */
const SAME_SCHEMA_AS = new Set(['POST /api/v1/articles/:id/publish', 'POST /api/v1/articles/:id/unpublish', 'POST /api/v1/articles/:id/draft', 'POST /api/v1/articles/:id/schedule', 'POST /api/v1/sections']);
const textCorpus = strings.filter((s) => !oversized.includes(s));
/**
 * What PostgreSQL gets: the text that databases treat differently (controls, NUL, surrogates, scripts,
 * combining marks), quotes and SQL, markup, and the length limits.
 */
const storageSet = [...new Set([...unicode, ...xss.slice(0, 12), ...sqli.slice(0, 16), ...oversized.slice(0, 3), ...traversal.slice(0, 4)])];

/** Positions worth a wrong value: every field, but of repeated shapes (inline runs, list items) only the first. */
const distinct = (p: JsonPath) => p.every((k, i) => typeof k !== 'number' || k === 0 || p[i - 1] === 'body');

describe.each(dialects)('hostile input against the API on $name', ({ name, open }) => {
  const full = name === 'sqlite';
  let w: World;
  /** Bulk requests use the admin's session (cookie and CSRF header); tokens are tested on their own below. */
  const admin = () => w.session.headers();

  beforeAll(async () => {
    w = await buildWorld(await open());
  });
  afterAll(async () => {
    report(`api, ${name}`);
    await w?.close();
  });

  /** A fresh world for one route: an article in the status it needs, a token to revoke, a user to re-role. */
  async function stateFor(route: ApiRoute) {
    const action = route.url.split('/').at(-1)!;
    const { id } = await w.app.services.content.create(w.people.writer.actor, richArticle(w, `Target of ${routeKey(route)}`));
    const needs = NEEDS[action] ?? 'draft';
    if (needs !== 'draft') await w.app.services.workflow.submit(w.people.writer.actor, id);
    if (needs === 'published') await w.app.services.workflow.publish(w.people.editor.actor, id);
    const token = await w.app.services.auth.createApiToken(w.people.admin.user.id, 'to revoke');
    return { articleId: id, revision: 1, tokenId: token.id, userId: w.people.writer2.user.id };
  }

  /** For requests that are refused before they touch anything: the world's own draft. */
  const shared = () => ({ articleId: w.draftId, revision: 1, tokenId: 1, userId: w.people.writer2.user.id });

  const json = (method: string, url: string, body: unknown, headers: Record<string, string> = admin()): InjectOptions => ({
    method: method as InjectOptions['method'],
    url,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

  it('covers every API route in the router, and each example request succeeds (with a token and with a session)', async () => {
    const inRouter = registeredRoutes(w.app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map(routeKey)
      .sort();
    expect(inRouter).toEqual(apiRoutes.map(routeKey).sort());
    for (const route of apiRoutes.filter((r) => !r.multipart)) {
      for (const headers of full ? [bearer(w.people.admin.token), admin()] : [admin()]) {
        const ex = apiExample(route, w, await stateFor(route));
        const res = await send(w.app, json(route.method, ex.url, ex.body, headers));
        expect(res.statusCode, `${routeKey(route)}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      }
    }
  });

  it('every string payload in every text field of an article: stored exactly, or refused naming the field with the article unchanged', async () => {
    const route = apiRoutes.find((r) => r.method === 'PUT' && r.url === '/api/v1/articles/:id')!;
    const { articleId } = await stateFor(route);
    await w.app.services.workflow.submit(w.people.writer.actor, articleId);
    await w.app.services.workflow.publish(w.people.editor.actor, articleId);
    const payloads = full ? strings : storageSet;
    const { stored, refused } = await storeEveryPayload(w, articleId, payloads, admin(), full ? { checkPage: (p) => xss.includes(p) } : {});
    // Most of the corpus is legitimate text for a headline or a paragraph; not everything may be refused.
    expect(stored).toBeGreaterThan(payloads.length / 2);
    expect(refused).toBeGreaterThan(0);
  });

  it('every position of every body: wrong types, numbers as strings, missing and extra fields', async () => {
    for (const route of apiRoutes.filter((r) => r.body)) {
      const key = routeKey(route);
      // The article schema: PUT wraps it, so POST only needs its top level. PostgreSQL: the article only.
      if (key === 'POST /api/v1/articles' && !full) continue;
      if (!full && key !== 'PUT /api/v1/articles/:id') continue;
      const state = await stateFor(route);
      const base = () => apiExample(route, w, state);
      const ex = base();
      const paths = jsonPaths(ex.body).filter((p) => distinct(p) && (key === 'POST /api/v1/articles' ? p.length === 1 : full || p.length <= 2));
      for (const p of paths) {
        for (const value of perField) {
          if (value !== REMOVE) tried(value);
          await expectAnswered(w.app, json(route.method, ex.url, setAt(base().body, p, value)), `${pathName(p)} = ${String(value).slice(0, 40)}`);
        }
        const parent = getAt(ex.body, p);
        if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
          const extra = { ...(parent as object), role: 'admin', createdBy: 1, status: 'published', revision: 99, evil: '<script>alert(1)</script>' };
          await expectAnswered(w.app, json(route.method, ex.url, setAt(base().body, p, extra)), `${pathName(p)} with extra fields`);
        }
      }
      for (const value of bigValues) {
        tried(value);
        await expectAnswered(w.app, json(route.method, ex.url, value), 'a big value as the whole body');
        await expectAnswered(w.app, json(route.method, ex.url, setAt(base().body, paths[0]!, value)), `a big value in ${pathName(paths[0]!)}`);
      }
    }
  });

  it('string payloads in the other routes’ fields (the whole corpus where the text is stored and shown)', async () => {
    for (const route of apiRoutes.filter((r) => r.body && !/^\/api\/v1\/articles(\/:id)?$/.test(r.url))) {
      const state = await stateFor(route);
      const ex = apiExample(route, w, state);
      // A fixed address: after the first new user the rest are refused as duplicates (after validation), so
      // names are still checked without paying for a password hash each.
      const body = () => (route.url === '/api/v1/users' ? { ...(ex.body as object), email: 'fixed@news.example' } : apiExample(route, w, state).body);
      const stringPaths = jsonPaths(ex.body).filter((q) => typeof getAt(ex.body, q) === 'string');
      const storedText = SAME_SCHEMA_AS.has(routeKey(route)) ? [] : stringPaths.filter((q) => STORED_TEXT.has(String(q.at(-1))));
      // Stored text: each payload in all such fields at once; a field that refuses it (naming itself) is left
      // out and the rest tried again, so every field that can hold the payload does.
      for (const payload of storedText.length ? (full ? textCorpus : storageSet) : []) {
        tried(payload);
        let fields = storedText;
        while (fields.length) {
          let b = body();
          for (const f of fields) b = setAt(b, f, payload);
          const res = await expectAnswered(w.app, json(route.method, ex.url, b), `${JSON.stringify(payload.slice(0, 40))} in ${fields.map(pathName).join(', ')}`);
          if (res.statusCode < 400) break;
          const field = String(res.json().error.field ?? '');
          if (!fields.some((f) => pathName(f) === field)) break; // refused for another reason (a duplicate, a state)
          fields = fields.filter((f) => pathName(f) !== field);
        }
      }
      for (const p of storedText) for (const payload of oversized) await expectAnswered(w.app, json(route.method, ex.url, setAt(body(), p, payload)), `${pathName(p)}: ${payload.length} characters`);
      // Restricted strings (slugs, e-mail addresses, roles, times): a sample each.
      for (const p of full ? stringPaths.filter((q) => !storedText.includes(q)) : []) {
        for (const payload of sample) {
          tried(payload);
          await expectAnswered(w.app, json(route.method, ex.url, setAt(body(), p, payload)), pathName(p));
        }
      }
    }
  });

  it('restricted fields (slug, links, kinds, ids) take only what they should', async () => {
    const route = apiRoutes.find((r) => r.method === 'PUT' && r.url === '/api/v1/articles/:id')!;
    const state = await stateFor(route);
    const urlish = [...xss, ...traversal, ...sample];
    const restricted: [JsonPath, string[]][] = [
      [['slug'], [...sample, ...traversal, ...idLike, ...sqli.slice(0, 10)]],
      [['body', 0, 'content', 1, 'href'], urlish],
      [['body', 5, 'url'], urlish],
      [['kind'], sample],
      [['body', 4, 'style'], sample],
      [['body', 0, 'type'], sample],
      [['primarySectionId'], sample],
    ];
    for (const [p, payloads] of restricted) {
      for (const payload of full ? payloads : sample) {
        tried(payload);
        const ex = apiExample(route, w, state);
        const res = await expectAnswered(w.app, json('PUT', ex.url, setAt(ex.body, ['article', ...p], payload)), pathName(p));
        if (res.statusCode === 200) {
          state.revision = res.json().revision;
          // A link that got in must be one readers can follow safely; a slug must be a slug (or empty: derived).
          if (pathName(p).endsWith('href')) expect(payload).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
          if (pathName(p) === 'slug') expect(payload.trim()).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        }
      }
    }
  });

  it.skipIf(!full)('path parameters: traversal, injection, odd ids and malformed escapes', async () => {
    const values = [...sample.map(urlEncode), ...rawUrlPieces, ...idLike];
    let i = 0;
    for (const route of apiRoutes.filter((r) => r.url.includes(':'))) {
      const ex = apiExample(route, w, await stateFor(route));
      // The article routes share one id parser: the first gets every value, the rest a share.
      const mine = i++ === 0 || !route.url.startsWith('/api/v1/articles/:id') ? values : shareOf(values, i, 8);
      for (const value of mine) {
        tried(value);
        const url = route.url.replace(/:\w+/, value).replace(/:\w+/g, 'x');
        await expectAnswered(w.app, json(route.method, url, ex.body));
      }
    }
  });

  it.skipIf(!full)('query strings: every payload under the route’s own keys and under unexpected ones', async () => {
    const values = [...sample.map(urlEncode), ...rawUrlPieces];
    let i = 0;
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, await stateFor(route));
      const own = route.query && 'shape' in route.query ? Object.keys((route.query as unknown as { shape: object }).shape) : [];
      const base = ex.url.split('?')[0]!;
      for (const key of [...own, '__proto__', 'a[b][c]']) {
        for (const value of own.includes(key) ? values : shareOf(values, i++, 4)) {
          tried(value);
          await expectAnswered(w.app, json(route.method, `${base}?${key}=${value}&${key}=2`, ex.body));
        }
      }
    }
  });

  it.skipIf(!full)('headers: Host, Accept-Encoding, If-None-Match, Cookie, Authorization and friends', async () => {
    let i = 0;
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, await stateFor(route));
      for (const headers of i++ === 0 ? hostileHeaders : shareOf(hostileHeaders, i, 5)) {
        tried(headers);
        const auth = 'authorization' in headers ? {} : bearer(w.people.admin.token);
        await expectAnswered(w.app, json(route.method, ex.url, ex.body, { ...auth, ...headers }));
      }
    }
  });

  it.skipIf(!full)('raw bodies: malformed JSON, wrong content types, invalid UTF-8, deep nesting, 5 MB', async () => {
    const heavy = new Set(['POST /api/v1/articles', 'PUT /api/v1/articles/:id', 'POST /api/v1/media']);
    let i = 0;
    for (const route of apiRoutes.filter((r) => r.method !== 'GET')) {
      const ex = apiExample(route, w, await stateFor(route));
      for (const body of heavy.has(routeKey(route)) ? rawBodies : shareOf(rawBodies.filter((b) => b.payload.length < 100_000), i++, 8)) {
        tried(body.payload);
        const headers = { ...admin(), ...(body.contentType ? { 'content-type': body.contentType } : {}) };
        await expectAnswered(w.app, { method: route.method, url: ex.url, headers, payload: body.payload }, body.name);
      }
    }
  });

  it.skipIf(!full)('multipart uploads: hostile text fields, file names, part types, counts and sizes', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
    const upload = (parts: { name: string; value: string | Buffer; filename?: string; type?: string }[], note: string) => {
      const boundary = `----hostile${tally.requests}`;
      const chunks = parts.flatMap((p) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`),
        Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
        Buffer.from('\r\n'),
      ]);
      const payload = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
      return expectAnswered(w.app, { method: 'POST', url: '/api/v1/media', headers: { ...admin(), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload }, note);
    };
    const file = (value: Buffer = png, filename = 'square.png', type = 'image/png') => ({ name: 'file', value, filename, type });
    // Text fields of a real picture: stored as sent (trimmed, cut at the library's limits) or refused.
    for (const payload of shareOf([...xss, ...unicode], 0, 12)) {
      tried(payload);
      const res = await upload([{ name: 'alt', value: payload }, { name: 'caption', value: payload }, { name: 'credit', value: payload }, file()], `alt, caption, credit = ${payload.slice(0, 40)}`);
      if (res.statusCode === 201) {
        const utf8 = Buffer.from(payload, 'utf8').toString('utf8'); // multipart text is UTF-8 bytes: a lone surrogate arrives as U+FFFD
        expect(res.json()).toMatchObject({ alt: utf8.trim().slice(0, 500), caption: utf8.trim().slice(0, 1000), credit: utf8.trim().slice(0, 300) });
        expect(res.json().url).toMatch(/^\/media\/[\w./-]+$/);
      }
    }
    // File names and declared types are never trusted: the bytes decide.
    for (const filename of [...traversal, '<img src=x onerror=alert(1)>.png', 'a"; name="alt', '\u202egnp.exe', 'x'.repeat(5_000)]) {
      tried(filename);
      await upload([file(Buffer.from('not a picture at all'), filename, 'image/png')], `not an image named ${filename.slice(0, 40)}`);
    }
    for (const filename of traversal.slice(0, 3)) {
      const res = await upload([file(png, filename)], `a picture named ${filename}`);
      if (res.statusCode === 201) expect(res.json().url).not.toContain('..');
    }
    const odd: [Parameters<typeof upload>[0], string][] = [
      [[], 'no parts'],
      [[file(Buffer.alloc(0))], 'an empty file'],
      [[file(), file()], 'two files'],
      [[{ ...file(), name: 'picture' }], 'the file in the wrong field'],
      [[{ name: 'file', value: 'plain text, no filename' }], 'a text field named file'],
      [[{ name: 'alt', value: 'x'.repeat(10_000) }, file()], 'a field past the field size limit'],
      [[...Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, value: 'v' })), file()], 'more fields than allowed'],
      [[{ name: '<script>', value: 'x' }, { name: '__proto__', value: 'x' }, file()], 'hostile field names'],
      [[file(Buffer.from('GIF89a' + '\u0000'.repeat(20)), 'a.gif', 'image/gif')], 'a truncated GIF header'],
      [[file(Buffer.concat([png.subarray(0, 16), Buffer.from([0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f])]), 'huge.png')], 'a PNG header claiming 2^31 pixels a side'],
      [[file(Buffer.alloc(30 * 1024 * 1024, 1), 'big.png')], 'a 30 MB file'],
    ];
    for (const [parts, note] of odd) await upload(parts, note);
  });

  it.skipIf(!full)('without a token, or with a forged one, every route says who is missing', async () => {
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, shared());
      const forged: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { cookie: 'mh_session=forged' }, { authorization: `Bearer ${w.people.admin.token}x` }];
      for (const headers of forged) {
        const res = await expectAnswered(w.app, json(route.method, ex.url, ex.body, headers));
        expect(res.statusCode, routeKey(route)).toBe(401);
      }
    }
  });

  it.skipIf(!full)('a session without its CSRF token cannot write, whatever the body', async () => {
    const cookieOnly = w.session.headers(false);
    for (const route of apiRoutes.filter((r) => r.method !== 'GET')) {
      const ex = apiExample(route, w, shared());
      for (const body of [ex.body, { ...(ex.body as object), _csrf: '<script>' }, { _csrf: w.session.csrf.slice(1) }]) {
        const res = await expectAnswered(w.app, json(route.method, ex.url, body, cookieOnly));
        expect(res.statusCode, routeKey(route)).toBe(403);
        expect(res.json().error.code).toBe('CSRF_INVALID');
      }
    }
  });
});
