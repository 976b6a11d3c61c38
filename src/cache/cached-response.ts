// Cached pages as ready-made responses: each encoding's body with its complete header set, computed once when
// the page is stored, so that a hit costs a Map lookup and one write. The server answers hits with these raw
// Node objects before Fastify routes the request (app.ts); the Fastify hook answers hits under app.inject().
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { CachedPage, PageCache, PageVariant } from './page-cache.ts';

/**
 * Browsers revalidate every time (max-age=0; the ETag makes that a cheap 304), so no reader keeps a page an
 * editor has just withdrawn. Shared caches may keep a page for 5 minutes (s-maxage) because our purges reach
 * them by surrogate key; stale-while-revalidate is given to CDNs only, in the targeted CDN-Cache-Control
 * header (RFC 9213) and Surrogate-Control, since in Cache-Control browsers would apply it too.
 */
export const CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300';
export const CDN_CACHE_CONTROL = 'max-age=300, stale-while-revalidate=600';

/** The newsroom, the API, search, probes and static files are never kept as pages. */
const NEVER = /^\/(newsroom|api\/|healthz|readyz|metrics|assets\/|media\/|search)/;

export function cacheableRequest(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean {
  return (method === 'GET' || method === 'HEAD') && !NEVER.test(url) && !headers.authorization;
}

/** Headers that belong to one response, never to the stored page. */
const PER_RESPONSE = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'date', 'x-request-id', 'x-cache']);

/** Builds the stored form of a page from the first response's body and headers. */
export function cachedPage(identity: Buffer, responseHeaders: Record<string, string | number | string[] | undefined>, keys: string[]): CachedPage {
  const etag = `"${crypto.createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
  const base: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(responseHeaders)) if (value !== undefined && !PER_RESPONSE.has(name)) base[name] = typeof value === 'number' ? String(value) : value;
  Object.assign(base, {
    etag,
    'cache-control': CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'cdn-cache-control': CDN_CACHE_CONTROL,
    'surrogate-control': CDN_CACHE_CONTROL,
    'surrogate-key': keys.join(' '),
    'cache-tag': keys.join(','),
    'x-cache': 'HIT',
  });
  const variant = (body: Buffer, encoding?: string): PageVariant => ({
    body,
    headers: { ...base, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) },
  });
  const { 'content-type': _type, ...notModified } = base;
  return {
    etag,
    keys,
    identity: variant(identity),
    gzip: variant(zlib.gzipSync(identity, { level: 6 }), 'gzip'),
    br: variant(zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), 'br'),
    notModified,
  };
}

export function pickVariant(page: CachedPage, acceptEncoding: string | string[] | undefined): PageVariant {
  const accept = String(acceptEncoding ?? '');
  if (/\bbr\b/.test(accept)) return page.br;
  if (/\bgzip\b/.test(accept)) return page.gzip;
  return page.identity;
}

export function notModified(page: CachedPage, ifNoneMatch: string | undefined): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(/,\s*/).includes(page.etag);
}

/**
 * A responder for the raw server: answers a request from the cache and returns true, or returns false and
 * lets the application handle it. `originOf` maps the Host header to the origin the page was rendered for.
 */
export function cachedResponder(cache: PageCache, originOf: (host: string | undefined) => string | null) {
  return function respond(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    if (!cacheableRequest(req.method, url, req.headers)) return false;
    const origin = originOf(req.headers.host);
    if (!origin) return false;
    const page = cache.get(origin + url);
    if (!page) return false;
    if (notModified(page, req.headers['if-none-match'])) {
      res.writeHead(304, page.notModified);
      res.end();
      return true;
    }
    const variant = pickVariant(page, req.headers['accept-encoding']);
    res.writeHead(200, variant.headers);
    res.end(req.method === 'HEAD' ? undefined : variant.body);
    return true;
  };
}
