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
export const CACHE_CONTROL = 'public, max-age=30, s-maxage=300, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyRequest {
    cacheHit: boolean;
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

  app.addHook('onRequest', async (req, reply) => {
    if (!cacheable(req)) return;
    const page = cache.get(keyOf(req));
    if (!page) return;
    req.cacheHit = true;
    return reply.send(present(req, reply, page, true));
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
    cache.set(keyOf(req), page);
    return present(req, reply, page, false);
  });
}
