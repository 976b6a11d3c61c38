// The page cache at the HTTP edge: public GET pages are served from memory, precompressed, with ETag and
// 304s; CDN-friendly Cache-Control and Surrogate-Key/Cache-Tag headers name what each page shows, so the
// same purge list works for a CDN. The newsroom, the API and per-reader pages are never cached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageKey, type CachedPage, type PageCache } from './page-cache.ts';
import { cacheableRequest, cachedPage, notModified, pickVariant } from './cached-response.ts';
import { KEY, SURROGATE_KEY_HEADER } from './keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    cacheHit: boolean;
    /** Set when this request renders a page others are waiting for. */
    renderDone: (() => void) | null;
    /** The cache's purge count when this request began. */
    cacheEpoch: number;
  }
}

const cacheable = (req: FastifyRequest) => cacheableRequest(req.method, req.url, req.headers);
const keyOf = (req: FastifyRequest) => pageKey(req.origin.url, req.url);

/** Sends a cached page through Fastify (used under app.inject() and by readers who waited for a render). */
function present(req: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean): Buffer | string {
  if (notModified(page, req.headers['if-none-match'])) {
    reply.code(304).headers(page.notModified);
    return '';
  }
  const variant = pickVariant(page, req.headers['accept-encoding']);
  const { 'content-length': _length, ...headers } = variant.headers;
  reply.headers(headers).header('x-cache', hit ? 'HIT' : 'MISS');
  return variant.body;
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
    // A page that sets a cookie is someone's own page: never shared.
    if (reply.hasHeader('set-cookie')) return payload;
    const keys = String(reply.getHeader(SURROGATE_KEY_HEADER) ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const page = cachedPage(Buffer.from(payload), reply.getHeaders(), keys.length ? keys : [KEY.unnamed]);
    // Rendered across a purge: it may show what was purged, so serve it this once but do not keep it.
    if (cache.epoch === req.cacheEpoch) cache.set(keyOf(req), page);
    return present(req, reply, page, false);
  });
}
