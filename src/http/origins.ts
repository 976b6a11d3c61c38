// Which public address a request came in on. The site is served under one primary origin, any number of
// mirrors (for readers whose access to the primary is blocked) and optionally an onion address. A request's
// Host picks the origin; an unknown Host is refused, so a forged Host can never reach links, feeds or caches.
// So is a request with two Hosts: a proxy in front may have routed it by the other one.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type OriginKind = 'primary' | 'mirror' | 'onion';

export interface RequestOrigin {
  /** e.g. "https://mirror-one.example": where navigation and assets on this response point. */
  url: string;
  kind: OriginKind;
}

export interface OriginConfig {
  primary: string;
  mirrors: string[];
  onion: string | undefined;
  /** Whether search engines may index mirrors (default: no, so the primary stays the one indexed copy). */
  indexMirrors: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    origin: RequestOrigin;
  }
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** Host header (lower-case, default port dropped) → origin, or null when the Host is not ours. */
export function originForHost(host: string | undefined, config: OriginConfig): RequestOrigin | null {
  if (!host) return null;
  const h = host.trim().toLowerCase();
  const matches = (origin: string) => {
    const u = new URL(origin);
    return h === u.host || (u.port === '' && h === `${u.hostname}:${u.protocol === 'https:' ? 443 : 80}`);
  };
  if (matches(config.primary)) return { url: config.primary, kind: 'primary' };
  const mirror = config.mirrors.find(matches);
  if (mirror) return { url: mirror, kind: 'mirror' };
  if (config.onion && matches(config.onion)) return { url: config.onion, kind: 'onion' };
  // Direct access on this machine (health checks, a local proxy, development) is served as the primary.
  if (LOOPBACK.test(h)) return { url: config.primary, kind: 'primary' };
  return null;
}

/**
 * originForHost, remembered per Host: the cache's fast path asks on every request. Unknown hosts are not
 * remembered, so a flood of forged Host headers cannot grow the table.
 */
export function originResolver(config: OriginConfig): (host: string | undefined) => RequestOrigin | null {
  const known = new Map<string, RequestOrigin>();
  return (host) => {
    if (!host) return null;
    const hit = known.get(host);
    if (hit) return hit;
    const origin = originForHost(host, config);
    if (origin && known.size < 256) known.set(host, origin);
    return origin;
  };
}

/**
 * RFC 9112 §3.2: a request with more than one Host field must be answered 400. Node's parser does not refuse it and
 * keeps only the first in req.headers, so the fields are counted in rawHeaders ([name, value, name, value, …]).
 */
export function hasDuplicateHost(req: Pick<IncomingMessage, 'rawHeaders'>): boolean {
  let hosts = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') hosts++;
  return hosts > 1;
}

/** `originOf` is the app's one resolver (originResolver), shared with the page cache's fast path. */
export function registerOrigins(app: FastifyInstance, config: OriginConfig, originOf = originResolver(config)) {
  app.decorateRequest('origin', null as unknown as RequestOrigin);
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    if (hasDuplicateHost(req.raw)) throw new AppError('INVALID_QUERY', 'A request must carry exactly one Host header.');
    const origin = originOf(req.headers.host);
    if (!origin) throw new AppError('UNKNOWN_HOST');
    req.origin = origin;
    if (origin.kind === 'mirror' && !config.indexMirrors) reply.header('x-robots-tag', 'noindex');
    if (origin.kind === 'primary' && config.onion) reply.header('onion-location', config.onion + req.url);
  });
}
