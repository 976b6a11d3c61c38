// RFC 9112 §3.2: a request with more than one Host header field is answered 400. Node's parser keeps the first
// and does not refuse, so this is checked over real HTTP (raw bytes on a socket, since no client sends two Hosts)
// with the page cache off and on: a cached page is answered before Fastify runs, and must not be served either.
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
}

/** Sends `head` (request line and header lines, no blank line) and reads the response until the server closes. */
function rawRequest(port: number, head: string[]): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => resolve(parseHead(Buffer.concat(chunks).toString('latin1'))));
    socket.write([...head, 'Connection: close', '', ''].join('\r\n'));
  });
}

function parseHead(text: string): RawResponse {
  const [statusLine = '', ...lines] = text.slice(0, text.indexOf('\r\n\r\n')).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0);
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status, headers };
}

/** What each path answers with one Host; the page-cache column says whether a second request is a hit. */
const PATHS: { path: string; status: number; cached: boolean }[] = [
  { path: '/', status: 200, cached: true },
  { path: '/news', status: 200, cached: true },
  { path: '/feed.xml', status: 200, cached: true },
  { path: '/healthz', status: 200, cached: false },
  { path: '/assets/site.css', status: 200, cached: false },
  { path: '/api/v1/articles', status: 401, cached: false },
  { path: '/nowhere-at-all', status: 404, cached: false },
];

describe.each([
  { cache: 'off', mb: '0' },
  { cache: 'on', mb: '16' },
])('two Host headers, page cache $cache', ({ mb }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let port = 0;

  beforeAll(async () => {
    t = await suiteTestDb();
    const news = await makeSection(t.store, 'news', 'News');
    await makeArticle(t.store, { sectionId: news, headline: 'Harbour reopens', hoursAgo: 1 });
    app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: mb, MASTHEAD_MIRRORS: 'https://mirror-one.example' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const get = (path: string, ...headers: string[]) => rawRequest(port, [`GET ${path} HTTP/1.1`, ...headers]);

  it.each(PATHS)('$path: one Host is served, two are refused with 400', async ({ path, status, cached }) => {
    expect((await get(path, 'Host: news.example')).status).toBe(status);
    const again = await get(path, 'Host: news.example');
    expect(again.status).toBe(status);
    if (mb !== '0') expect(again.headers['x-cache'], 'the page is cached now').toBe(cached ? 'HIT' : undefined);
    for (const hosts of [
      ['Host: news.example', 'Host: news.example'],
      ['Host: news.example', 'host: evil.example'],
      ['Host: news.example', 'Host: mirror-one.example'],
      ['Host: evil.example', 'Host: news.example'],
    ]) {
      const res = await get(path, ...hosts);
      expect(res.status, hosts.join(' / ')).toBe(400);
      expect(res.headers['x-cache'], hosts.join(' / ')).toBeUndefined();
    }
  });

  it('refuses two Hosts on a revalidation and a HEAD of a cached page too', async () => {
    const page = await get('/news', 'Host: news.example');
    expect(page.status).toBe(200);
    const etag = page.headers.etag!;
    expect((await get('/news', 'Host: news.example', 'Host: news.example', `If-None-Match: ${etag}`)).status).toBe(400);
    expect((await rawRequest(port, ['HEAD /news HTTP/1.1', 'Host: news.example', 'Host: news.example'])).status).toBe(400);
  });
});
