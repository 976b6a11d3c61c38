// The reader site under hostile input (SQLite, with the page cache on so ETags and encodings are exercised):
// every public route the router has (pages, catch-all sections and articles, search, feeds, sitemaps, TV feeds,
// live, assets, media) gets the corpus in its path, query string and headers. Never a 5xx; every 4xx is a page
// that says what went wrong; whatever a reader types into search comes back as text, never as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sqliteTestDb } from '../support/db.ts';
import { expectAnswered, report, send, tried } from './harness.ts';
import { catchAllShapes, publicExamples, registeredRoutes } from './inventory.ts';
import { executableParts, visibleStrings } from './page-safety.ts';
import { idLike, oversized, sample, shareOf, strings, urlEncode } from './payloads.ts';
import { hostileHeaders, rawUrlPieces } from './payloads-raw.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
let examples: Record<string, string>;

beforeAll(async () => {
  w = await buildWorld(await sqliteTestDb(), { MASTHEAD_PAGE_CACHE_MB: '8' });
  examples = publicExamples(w);
});
afterAll(async () => {
  report('public routes, sqlite');
  await w?.close();
});

const get = (url: string, headers: Record<string, string> = {}): InjectOptions => ({ method: 'GET', url, headers });
const isHtml = (type: unknown) => String(type ?? '').startsWith('text/html');

describe('hostile input against the public site on sqlite', () => {
  it('covers every public route in the router, and each example answers', async () => {
    const inRouter = registeredRoutes(w.app)
      .filter((r) => r.method === 'GET' && !r.url.startsWith('/newsroom') && !r.url.startsWith('/api/v1/'))
      .map((r) => r.url);
    const missing = inRouter.filter((u) => !(u in examples));
    expect(missing, 'public routes without an example in test/hostile/inventory.ts').toEqual([]);
    for (const [route, url] of Object.entries(examples)) {
      const res = await send(w.app, get(url));
      expect(res.statusCode, `${route} → ${url}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });

  it('path segments: traversal, NUL, overlong UTF-8, injection and odd ids in every kind of public address', async () => {
    const pieces = [...rawUrlPieces, ...sample.map(urlEncode), ...idLike];
    // Shapes with their own code (any path, article ids, section feeds, static assets, media) get every piece;
    // the rest, which reach the same parsers, a share.
    const shapes = catchAllShapes(w);
    for (const [n, shape] of shapes.entries()) {
      for (const piece of [0, 3, 7, 8, 10].includes(n) ? pieces : shareOf(pieces, n, 15)) {
        tried(piece);
        await expectAnswered(w.app, get(shape(piece)));
      }
    }
    // Routes with a parameter: each gets a share, the tag and author pages everything.
    let i = 0;
    for (const route of Object.keys(examples).filter((r) => r.includes(':'))) {
      for (const piece of /^\/(tag|author)\/:slug$/.test(route) ? pieces : shareOf(pieces, i++, 10)) {
        tried(piece);
        await expectAnswered(w.app, get(route.replace(/:\w+/, piece)));
      }
    }
    // Whole raw paths that break URL parsing itself.
    for (const raw of [
      '//',
      '///etc/passwd',
      '/\\..\\..\\',
      '/%2F%2F',
      '/./././',
      '/..;/',
      '/;',
      '/?',
      '/#frag',
      '/ space',
      '/\ttab',
      '/%',
      '/a%2',
      '/%c0',
    ]) {
      tried(raw);
      await expectAnswered(w.app, get(raw));
    }
  });

  it('query strings: page numbers, cursors and unexpected keys on every public page', async () => {
    const values = [...rawUrlPieces, ...sample.map(urlEncode), ...idLike];
    let i = 0;
    for (const [route, example] of Object.entries(examples)) {
      const base = example.split('?')[0]!;
      // One parser reads page numbers and cursors for every listing: the section page gets every value, the
      // other pages a share of them and of unexpected keys.
      const listing = ['/', '/*', '/tag/:slug', '/author/:slug', '/search'].includes(route);
      for (const key of listing ? ['page', 'before', 'after', '__proto__', 'q[]'] : ['page', '__proto__']) {
        for (const value of route === '/*' && key !== '__proto__' ? values : shareOf(values, i++, 6)) {
          tried(value);
          await expectAnswered(w.app, get(`${base}?${key}=${value}&${key}=1`));
        }
      }
    }
  });

  it('headers: Host, Accept-Encoding, If-None-Match, Cookie on every public page, cold and cached', async () => {
    let i = 0;
    for (const url of Object.values(examples)) {
      const warm = await send(w.app, get(url, { 'accept-encoding': 'br' }));
      const etag = String(warm.headers.etag ?? '"none"');
      const sets = i === 0 ? hostileHeaders : shareOf(hostileHeaders, i, 6);
      i++;
      for (const headers of [
        ...sets,
        { 'if-none-match': `${etag}, "junk"` },
        { 'if-none-match': `W/${etag}` },
        { 'if-none-match': etag.slice(0, -1) },
      ]) {
        tried(headers);
        await expectAnswered(w.app, get(url, headers));
        await expectAnswered(w.app, { method: 'HEAD', url, headers });
      }
    }
  });

  it('other methods on public addresses are refused with a page, not a 500', async () => {
    for (const url of Object.values(examples)) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
        const res = await expectAnswered(w.app, { method, url, headers: { 'content-type': 'application/json' }, payload: '{"a":' });
        expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('every string as a search query: a results page that shows the query as text and runs nothing', async () => {
    for (const q of strings) {
      tried(q);
      const res = await expectAnswered(w.app, get(`/search?q=${urlEncode(q)}`));
      if (res.statusCode !== 200) continue;
      expect(isHtml(res.headers['content-type'])).toBe(true);
      expect(executableParts(res.body), `search for ${JSON.stringify(q.slice(0, 60))}`).toEqual([]);
      // What the reader typed is in the search box, as typed (its first 200 characters, the box's length).
      if (!oversized.includes(q) && q.trim() && wellFormed(q))
        expect(visibleStrings(res.body).attributes, `search box for ${JSON.stringify(q.slice(0, 60))}`).toContain(parsed(q.slice(0, 200)));
    }
  });
});

/** Whether a string is valid Unicode (no unpaired surrogates): others cannot arrive through a URL unchanged. */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;

/** An attribute value as the HTML parser gives it back: CR LF and lone CR become LF, NUL becomes U+FFFD. */
const parsed = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd');
