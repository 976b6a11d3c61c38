// Cached pages as ready-made responses: each encoding's body with its complete header set, computed once when
// the page is stored, so that a hit costs a Map lookup and one write. The server answers hits with these raw
// Node objects before Fastify routes the request (app.ts); the Fastify hook answers hits under app.inject().
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { hasDuplicateHost } from '../http/origins.ts';
import { pageKey, type CachedPage, type PageCache, type PageVariant } from './page-cache.ts';

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
export function cachedPage(
  identity: Buffer,
  responseHeaders: Record<string, string | number | string[] | undefined>,
  keys: string[],
): CachedPage {
  const etag = `"${crypto.createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
  const base: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(responseHeaders))
    if (value !== undefined && !PER_RESPONSE.has(name)) base[name] = typeof value === 'number' ? String(value) : value;
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

/** The codings a cached page is stored in, in order of preference when the client weighs them equally. */
const OFFERED = ['br', 'gzip', 'identity'] as const;
export type PageEncoding = (typeof OFFERED)[number];

// RFC 9110 §5.6.2 token, and §12.4.2 qvalue: 0 to 1 with at most three decimals.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const WEIGHT = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i;

/**
 * Accept-Encoding → q-value per coding named (lower-case, "*" included). Elements that do not parse (a bad
 * token or weight, extra parameters) are left out rather than guessed at; a coding named twice keeps its first
 * weight. Fastify does not parse this header, and @fastify/accept-negotiator (under @fastify/static) reads "*" as
 * "br" even when br is refused, so the few lines are ours.
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const element of header.split(',')) {
    const [coding = '', ...params] = element.split(';').map((part) => part.trim());
    if (coding === '' && params.length === 0) continue; // empty list elements are allowed (RFC 9110 §5.6.1)
    if (!TOKEN.test(coding) || params.length > 1) continue;
    const weight = params.length ? WEIGHT.exec(params[0]!.replace(/\s*=\s*/, '=')) : null;
    if (params.length && !weight) continue;
    const name = coding.toLowerCase();
    if (!weights.has(name)) weights.set(name, weight ? Number(weight[1]) : 1);
  }
  return weights;
}

/** Identity, when the client neither names it nor sends "*": acceptable, but below any coding it did name. */
const UNNAMED_IDENTITY = 0.0001;

/**
 * The coding to answer with (RFC 9110 §12.5.3): the highest q-value above 0 among br, gzip and identity, br first
 * on ties. "*" weighs every coding not named; identity is acceptable unless "identity;q=0" or "*;q=0" excludes it.
 * No header is no preference, and we then send identity, which every client reads; when nothing is acceptable
 * we send identity too, as the RFC allows, rather than a 406 page.
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): PageEncoding {
  if (acceptEncoding === undefined) return 'identity';
  const weights = parseAcceptEncoding(Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding);
  const star = weights.get('*');
  const q = (coding: PageEncoding) => weights.get(coding) ?? star ?? (coding === 'identity' ? UNNAMED_IDENTITY : 0);
  let best: PageEncoding = 'identity';
  let bestQ = 0;
  for (const coding of OFFERED) {
    if (q(coding) > bestQ) [best, bestQ] = [coding, q(coding)];
  }
  return best;
}

export function pickVariant(page: CachedPage, acceptEncoding: string | string[] | undefined): PageVariant {
  return page[negotiateEncoding(acceptEncoding)];
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
    // Two Hosts name no one origin: the application refuses the request (400, http/origins.ts).
    if (hasDuplicateHost(req)) return false;
    const origin = originOf(req.headers.host);
    if (!origin) return false;
    const page = cache.get(pageKey(origin, url));
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
