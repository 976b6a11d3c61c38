// The JSON API under hostile request shapes (SQLite; none of this depends on the database): every route of the
// route table, checked against the router, gets the corpus in its path parameters, query string, headers and
// body (raw bodies: malformed JSON, wrong content types, invalid UTF-8, deep nesting, 5 MB), multipart uploads,
// missing and forged credentials and CSRF tokens. Never a 5xx; every 4xx is JSON with a catalogue code and a
// message. Where many routes share one code path (the id parser, header handling, body parsing) each route gets
// a share of the corpus (shareOf) and a representative gets all of it. Stored text: api-storage.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sqliteTestDb } from '../support/db.ts';
import { bearer } from '../support/newsroom.ts';
import { json, sharedState, stateFor } from './api-kit.ts';
import { expectAnswered, report, send, tally, tried } from './harness.ts';
import { apiExample, apiRoutes, registeredRoutes, routeKey } from './inventory.ts';
import { idLike, sample, shareOf, traversal, unicode, urlEncode, xss } from './payloads.ts';
import { hostileHeaders, rawBodies, rawUrlPieces } from './payloads-raw.ts';
import { buildWorld, type World } from './world.ts';

describe('hostile request shapes against the API on sqlite', () => {
  let w: World;
  const admin = () => w.session.headers();

  beforeAll(async () => {
    w = await buildWorld(await sqliteTestDb());
  });
  afterAll(async () => {
    report('api request shapes, sqlite');
    await w?.close();
  });

  it('covers every API route in the router, and each example request succeeds (with a token and with a session)', async () => {
    const inRouter = registeredRoutes(w.app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map(routeKey)
      .sort();
    expect(inRouter).toEqual(apiRoutes.map(routeKey).sort());
    for (const route of apiRoutes.filter((r) => !r.multipart)) {
      for (const headers of [bearer(w.people.admin.token), admin()]) {
        const ex = apiExample(route, w, await stateFor(w, route));
        const res = await send(w.app, json(w, route.method, ex.url, ex.body, headers));
        expect(res.statusCode, `${routeKey(route)}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      }
    }
  });

  it('path parameters: traversal, injection, odd ids and malformed escapes', async () => {
    const values = [...sample.map(urlEncode), ...rawUrlPieces, ...idLike];
    let i = 0;
    for (const route of apiRoutes.filter((r) => r.url.includes(':'))) {
      const ex = apiExample(route, w, await stateFor(w, route));
      // The article routes share one id parser: the first gets every value, the rest a share.
      const mine = i++ === 0 || !route.url.startsWith('/api/v1/articles/:id') ? values : shareOf(values, i, 8);
      for (const value of mine) {
        tried(value);
        const url = route.url.replace(/:\w+/, value).replace(/:\w+/g, 'x');
        await expectAnswered(w.app, json(w, route.method, url, ex.body));
      }
    }
  });

  it('query strings: every payload under the route’s own keys and under unexpected ones', async () => {
    const values = [...sample.map(urlEncode), ...rawUrlPieces];
    let i = 0;
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, await stateFor(w, route));
      const own = route.query && 'shape' in route.query ? Object.keys((route.query as unknown as { shape: object }).shape) : [];
      const base = ex.url.split('?')[0]!;
      for (const key of [...own, '__proto__', 'a[b][c]']) {
        for (const value of own.includes(key) ? values : shareOf(values, i++, 4)) {
          tried(value);
          await expectAnswered(w.app, json(w, route.method, `${base}?${key}=${value}&${key}=2`, ex.body));
        }
      }
    }
  });

  it('headers: Host, Accept-Encoding, If-None-Match, Cookie, Authorization and friends', async () => {
    let i = 0;
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, await stateFor(w, route));
      for (const headers of i++ === 0 ? hostileHeaders : shareOf(hostileHeaders, i, 5)) {
        tried(headers);
        const auth = 'authorization' in headers ? {} : bearer(w.people.admin.token);
        await expectAnswered(w.app, json(w, route.method, ex.url, ex.body, { ...auth, ...headers }));
      }
    }
  });

  it('raw bodies: malformed JSON, wrong content types, invalid UTF-8, deep nesting, 5 MB', async () => {
    const heavy = new Set(['POST /api/v1/articles', 'PUT /api/v1/articles/:id', 'POST /api/v1/media']);
    let i = 0;
    for (const route of apiRoutes.filter((r) => r.method !== 'GET')) {
      const ex = apiExample(route, w, await stateFor(w, route));
      for (const body of heavy.has(routeKey(route))
        ? rawBodies
        : shareOf(
            rawBodies.filter((b) => b.payload.length < 100_000),
            i++,
            8,
          )) {
        tried(body.payload);
        const headers = { ...admin(), ...(body.contentType ? { 'content-type': body.contentType } : {}) };
        await expectAnswered(w.app, { method: route.method, url: ex.url, headers, payload: body.payload }, body.name);
      }
    }
  });

  it('multipart uploads: hostile text fields, file names, part types, counts and sizes', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .png()
      .toBuffer();
    const upload = (parts: { name: string; value: string | Buffer; filename?: string; type?: string }[], note: string) => {
      const boundary = `----hostile${tally.requests}`;
      const chunks = parts.flatMap((p) => [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
        ),
        Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
        Buffer.from('\r\n'),
      ]);
      const payload = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
      return expectAnswered(
        w.app,
        {
          method: 'POST',
          url: '/api/v1/media',
          headers: { ...admin(), 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        },
        note,
      );
    };
    const file = (value: Buffer = png, filename = 'square.png', type = 'image/png') => ({ name: 'file', value, filename, type });
    // Text fields of a real picture: stored as sent (trimmed, cut at the library's limits) or refused.
    for (const payload of shareOf([...xss, ...unicode], 0, 12)) {
      tried(payload);
      const res = await upload(
        [{ name: 'alt', value: payload }, { name: 'caption', value: payload }, { name: 'credit', value: payload }, file()],
        `alt, caption, credit = ${payload.slice(0, 40)}`,
      );
      if (res.statusCode === 201) {
        const utf8 = Buffer.from(payload, 'utf8').toString('utf8'); // multipart text is UTF-8 bytes: a lone surrogate arrives as U+FFFD
        expect(res.json()).toMatchObject({
          alt: utf8.trim().slice(0, 500),
          caption: utf8.trim().slice(0, 1000),
          credit: utf8.trim().slice(0, 300),
        });
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
      [[file(Buffer.from(`GIF89a${'\u0000'.repeat(20)}`), 'a.gif', 'image/gif')], 'a truncated GIF header'],
      [
        [file(Buffer.concat([png.subarray(0, 16), Buffer.from([0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f])]), 'huge.png')],
        'a PNG header claiming 2^31 pixels a side',
      ],
      [[file(Buffer.alloc(30 * 1024 * 1024, 1), 'big.png')], 'a 30 MB file'],
    ];
    for (const [parts, note] of odd) await upload(parts, note);
  });

  it('without a token, or with a forged one, every route says who is missing', async () => {
    for (const route of apiRoutes) {
      const ex = apiExample(route, w, sharedState(w));
      const forged: Record<string, string>[] = [
        {},
        { authorization: 'Bearer nope' },
        { cookie: 'mh_session=forged' },
        { authorization: `Bearer ${w.people.admin.token}x` },
      ];
      for (const headers of forged) {
        const res = await expectAnswered(w.app, json(w, route.method, ex.url, ex.body, headers));
        expect(res.statusCode, routeKey(route)).toBe(401);
      }
    }
  });

  it('a session without its CSRF token cannot write, whatever the body', async () => {
    const cookieOnly = w.session.headers(false);
    for (const route of apiRoutes.filter((r) => r.method !== 'GET')) {
      const ex = apiExample(route, w, sharedState(w));
      for (const body of [ex.body, { ...(ex.body as object), _csrf: '<script>' }, { _csrf: w.session.csrf.slice(1) }]) {
        const res = await expectAnswered(w.app, json(w, route.method, ex.url, body, cookieOnly));
        expect(res.statusCode, routeKey(route)).toBe(403);
        expect(res.json().error.code).toBe('CSRF_INVALID');
      }
    }
  });
});
