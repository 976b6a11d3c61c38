// The page cache: hits, 304s, precompressed bodies, and exact invalidation through domain events. Correctness
// first: after an unpublish returns, no cached page shows the article; origins never share entries.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { PageCache } from './page-cache.ts';
import { cachedPage } from './cached-response.ts';

let t: TestDb;
let app: FastifyInstance;
let europe: number;
let sport: number;
const editor = { id: 0, role: 'editor' as const };

async function publish(headline: string, sectionId: number, tags: string[] = []) {
  const { id } = await app.services.content.create(editor, {
    headline,
    primarySectionId: sectionId,
    tags,
    body: [{ type: 'paragraph', content: [{ text: `${headline}.` }] }],
  });
  await app.services.workflow.publish(editor, id);
  return id;
}
async function urlOf(id: number) {
  const row = (await t.store.articles.byId(id))!;
  return articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
}
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await suiteTestDb();
  await makeSection(t.store, 'news', 'News');
  europe = await makeSection(t.store, 'news/europe', 'Europe');
  sport = await makeSection(t.store, 'sport', 'Sport');
  app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '16', MASTHEAD_MIRRORS: 'https://mirror-one.example' }, () => new Date());
  editor.id = (
    await app.services.auth.createUser({ email: 'ed@example.org', name: 'Ed', role: 'editor', password: 'a long enough password' })
  ).id;
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('page cache', () => {
  it('serves the second request from memory, precompressed, with ETag, Cache-Control and surrogate keys', async () => {
    const id = await publish('Ferry strike ends', europe, ['Transport']);
    const url = await urlOf(id);
    const first = await get(url);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(second.rawPayload).toString()).toBe(first.body);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=300');
    expect(second.headers['cdn-cache-control']).toMatch(/stale-while-revalidate=\d+/);
    expect(second.headers.vary).toBe('Accept-Encoding');
    expect(String(second.headers['surrogate-key']).split(' ')).toContain(`article:${id}`);
    expect(second.headers['cache-tag']).toContain(`article:${id}`);
    const notModified = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
  });

  it('never serves a withdrawn article once the unpublish has returned', async () => {
    const id = await publish('Harbour fees frozen', europe);
    const url = await urlOf(id);
    for (const u of [url, '/', '/news', '/news/europe']) await get(u); // warm
    expect((await get('/')).headers['x-cache']).toBe('HIT');
    await app.services.workflow.unpublish(editor, id);
    expect((await get(url)).statusCode).toBe(410);
    for (const u of ['/', '/news', '/news/europe']) expect((await get(u)).body, u).not.toContain('Harbour fees frozen');
  });

  it('shows a new article at once on home and its section (and their parents), and leaves unrelated pages cached', async () => {
    const sportStory = await publish('Cup final moved to Sunday', sport);
    const sportUrl = await urlOf(sportStory);
    for (const u of ['/', '/news', '/news/europe', '/sport', sportUrl]) await get(u);
    await publish('Border talks resume', europe);
    expect((await get('/')).body).toContain('Border talks resume');
    expect((await get('/news')).body).toContain('Border talks resume');
    expect((await get('/news/europe')).body).toContain('Border talks resume');
    expect((await get('/sport')).headers['x-cache']).toBe('HIT');
    expect((await get(sportUrl)).headers['x-cache']).toBe('HIT');
  });

  it('keeps origins apart: a mirror never gets the primary’s cached page and vice versa', async () => {
    const a = await get('/', { host: 'news.example' });
    const b = await get('/', { host: 'mirror-one.example' });
    expect(b.headers['x-cache']).toBe('MISS');
    expect(b.headers['x-robots-tag']).toBe('noindex');
    expect((await get('/', { host: 'mirror-one.example' })).headers['x-robots-tag']).toBe('noindex');
    expect((await get('/', { host: 'news.example' })).headers['x-robots-tag']).toBeUndefined();
    expect(a.statusCode).toBe(200);
  });

  it('renders a purged hot page once for many concurrent readers (no stampede)', async () => {
    await publish('Storm warning for the coast', europe);
    const results = await Promise.all(Array.from({ length: 12 }, () => get('/news/europe')));
    expect(results.every((r) => r.statusCode === 200 && r.body.includes('Storm warning'))).toBe(true);
    expect(results.filter((r) => r.headers['x-cache'] === 'MISS')).toHaveLength(1);
  });

  it('never caches the newsroom, the API or search', async () => {
    for (const u of ['/search?q=ferry', '/api/openapi.json', '/newsroom/sign-in']) {
      await get(u);
      expect((await get(u)).headers['x-cache'], u).toBeUndefined();
    }
  });
});

describe('PageCache', () => {
  const page = (n: number, keys: string[]) => cachedPage(Buffer.alloc(n), { 'content-type': 'text/html' }, keys);

  it('purges exactly the pages tagged with a key', () => {
    const c = new PageCache(1_000_000);
    c.set('/a', page(10, ['article:1', 'home']));
    c.set('/b', page(10, ['article:2']));
    expect(c.purge(['article:1'])).toBe(1);
    expect(c.get('/a')).toBeUndefined();
    expect(c.get('/b')).toBeDefined();
  });

  it('evicts the least recently used page when over budget', () => {
    const c = new PageCache(5_000); // room for two of these pages, not three
    c.set('/a', page(800, ['x']));
    c.set('/b', page(800, ['x']));
    c.get('/a');
    c.set('/c', page(800, ['x']));
    expect(c.get('/b')).toBeUndefined();
    expect(c.get('/a')).toBeDefined();
    expect(c.stats.bytes).toBeLessThanOrEqual(5_000);
  });
});

describe('cache hits over real HTTP (answered before Fastify)', () => {
  let base: string;
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  // Headers that differ between two responses by nature.
  const stable = (h: Headers) =>
    Object.fromEntries(
      [...h].filter(
        ([name]) => !['date', 'x-request-id', 'x-cache', 'content-length', 'content-encoding', 'connection', 'keep-alive'].includes(name),
      ),
    );

  it('answers a hit with the same headers as the miss that stored it, in every encoding, HEAD and 304 included', async () => {
    const id = await publish('Night trains return', europe);
    const url = base + (await urlOf(id));
    const miss = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const body = await miss.text();
    for (const encoding of ['br', 'gzip', 'identity']) {
      const hit = await fetch(url, { headers: { 'accept-encoding': encoding } });
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(stable(hit.headers)).toEqual(stable(miss.headers));
      expect(await hit.text()).toBe(body); // fetch decodes br and gzip
    }
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-cache')).toBe('HIT');
    const revalidated = await fetch(url, { headers: { 'if-none-match': miss.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(miss.headers.get('etag'));
  });

  it('still refuses a Host that is not ours, and keeps hits per origin', async () => {
    await fetch(`${base}/`);
    expect((await fetch(`${base}/`)).headers.get('x-cache')).toBe('HIT');
    const forged = await new Promise<number>((resolve, reject) => {
      http.get(`${base}/`, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode!)).on('error', reject);
    });
    expect(forged).toBe(421);
  });

  it('never answers an authenticated request from the cache', async () => {
    await fetch(`${base}/`);
    const res = await fetch(`${base}/`, { headers: { authorization: 'Bearer nothing' } });
    expect(res.headers.get('x-cache')).not.toBe('HIT');
  });
});
