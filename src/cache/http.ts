// The page cache at the HTTP edge: public GET pages are served from memory, precompressed, with ETag and
// 304s; CDN-friendly Cache-Control and Surrogate-Key/Cache-Tag headers name what each page shows, so the
// same purge list works for a CDN. The newsroom, the API and per-reader pages are never cached.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from './page-cache.ts';

export const SURROGATE_KEY = 'surrogate-key';
/** Pages that do not name their contents are purged by any change. */
export const FALLBACK_KEY = 'site';
/**
 * Browsers revalidate every time (max-age=0; the ETag makes that a cheap 304), so no reader keeps a page an
 * editor has just withdrawn. Shared caches may keep a page for 5 minutes (s-maxage) because our purges reach
 * them by surrogate key; stale-while-revalidate is given to CDNs only, in the targeted CDN-Cache-Control
 * header (RFC 9213) and Surrogate-Control, since in Cache-Control browsers would apply it too.
 */
export const CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300';
export const CDN_CACHE_CONTROL = 'max-age=300, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyRequest {
    cacheHit: boolean;
    /** Set when this request renders a page others are waiting for. */
    renderDone: (() => void) | null;
    /** The cache's purge count when this request began. */
    cacheEpoch: number;
  }
}

const NEVER = /^\/(newsroom|api\/|healthz|assets\/|media\/|search)/;

function cacheable(req: FastifyRequest): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !NEVER.test(req.url) && !req.headers.authorization;
}

const keyOf = (req: FastifyRequest) => `${req.origin.url}${req.url}`;

function pickEncoding(req: FastifyRequest): 'br' | 'gzip' | 'identity' {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

function present(req: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean): Buffer | string {
  reply.header('etag', page.etag).header('cache-control', CACHE_CONTROL).header('vary', 'Accept-Encoding');
  reply.header('cdn-cache-control', CDN_CACHE_CONTROL).header('surrogate-control', CDN_CACHE_CONTROL);
  reply.header(SURROGATE_KEY, page.keys.join(' ')).header('cache-tag', page.keys.join(','));
  reply.header('x-cache', hit ? 'HIT' : 'MISS');
  for (const [name, value] of Object.entries(page.headers)) reply.header(name, value);
  reply.type(page.contentType);
  if (String(req.headers['if-none-match'] ?? '').split(/,\s*/).includes(page.etag)) {
    reply.code(304);
    return '';
  }
  const encoding = pickEncoding(req);
  if (encoding === 'identity') return page.identity;
  reply.header('content-encoding', encoding);
  return encoding === 'br' ? page.br : page.gzip;
}

export function registerPageCache(app: FastifyInstance, cache: PageCache) {
  app.decorateRequest('cacheHit', false);
  app.decorateRequest('renderDone', null);
  app.decorateRequest('cacheEpoch', 0);
  // Pages being rendered right now: concurrent readers of the same page wait for the one render instead of
  // each rendering it (no stampede when a hot page has just been purged).
  const rendering = new Map<string, Promise<void>>();

  app.addHook('onRequest', async (req, reply) => {
    if (!cacheable(req)) return;
    req.cacheEpoch = cache.epoch;
    const key = keyOf(req);
    let page = cache.get(key);
    if (!page && rendering.has(key)) {
      await rendering.get(key);
      page = cache.get(key);
    }
    if (!page) {
      if (!rendering.has(key)) rendering.set(key, new Promise<void>((resolve) => (req.renderDone = resolve)));
      return;
    }
    req.cacheHit = true;
    return reply.send(present(req, reply, page, true));
  });

  // Whatever the outcome (cached, error, redirect), release the readers waiting on this render.
  app.addHook('onResponse', async (req) => {
    if (!req.renderDone) return;
    rendering.delete(keyOf(req));
    req.renderDone();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.cacheHit || !cacheable(req) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: static files
    const identity = Buffer.from(payload);
    const keys = String(reply.getHeader(SURROGATE_KEY) ?? '').split(/\s+/).filter(Boolean);
    const link = reply.getHeader('link');
    const page: CachedPage = {
      status: 200,
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      etag: `"${crypto.createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      gzip: zlib.gzipSync(identity, { level: 6 }),
      br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
      keys: keys.length ? keys : [FALLBACK_KEY],
      headers: link ? { link: String(link) } : {},
    };
    // Rendered across a purge: it may show what was purged, so serve it this once but do not keep it.
    if (cache.epoch === req.cacheEpoch) cache.set(keyOf(req), page);
    return present(req, reply, page, false);
  });
}
