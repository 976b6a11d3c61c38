// Request limits for the doors where one client can cost the server most: search (a full-text query per
// request, never cached) and the JSON API. Static assets, media and cached pages are never counted. Sign-in has
// its own throttle (failed attempts per account and per address, in the database: services/auth).
//
// Counts live in this process's memory: with N worker processes a client may make up to N times the limit,
// since each worker counts only the requests it served. That keeps a limited request free of any shared
// round trip; the limits are there to stop floods, not to meter exactly.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimit } from '../config.ts';
import { AppError } from '../errors.ts';
import { parseIp, unmapped } from '../net/addresses.ts';
import { clientIp } from './auth.ts';

/**
 * One limit over many keys, as a generic cell rate algorithm: each key keeps one number, the time at which
 * it would be back to a full allowance. A key may burst up to `limit` requests, then gets one request every
 * windowMs/limit; a refused request does not count.
 */
export class RateLimiter {
  private readonly due = new Map<string, number>();
  private readonly interval: number;
  private readonly tolerance: number;
  private nextSweep: number;

  constructor(
    readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
    /** Keys kept at most; beyond it the least recently counted are forgotten (a flood of addresses cannot grow memory). */
    private readonly maxKeys = 100_000,
  ) {
    this.interval = rule.windowMs / rule.limit;
    this.tolerance = rule.windowMs - this.interval;
    this.nextSweep = now() + rule.windowMs;
  }

  /** Counts one request for `key`: 0 when allowed, else the milliseconds until one would be. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const due = Math.max(this.due.get(key) ?? now, now);
    const wait = due - now - this.tolerance;
    if (wait > 0) return wait;
    this.due.delete(key); // re-inserted last: the map's order is least recently counted first
    this.due.set(key, due + this.interval);
    return 0;
  }

  /** The wait before `key` may make a request (0: now), without counting one. */
  peek(key: string): number {
    const due = this.due.get(key);
    return due === undefined ? 0 : Math.max(0, due - this.now() - this.tolerance);
  }

  get keys(): number {
    return this.due.size;
  }

  private sweep(now: number) {
    if (now < this.nextSweep && this.due.size < this.maxKeys) return;
    this.nextSweep = now + this.rule.windowMs;
    for (const [key, due] of this.due) if (due <= now) this.due.delete(key);
    if (this.due.size < this.maxKeys) return;
    // Still full of live keys: drop the least recent tenth at once, so this does not run on every request.
    let drop = Math.ceil(this.maxKeys / 10);
    for (const key of this.due.keys()) {
      if (drop-- <= 0) break;
      this.due.delete(key);
    }
  }
}

/**
 * The key for a client address. An IPv6 client usually holds a whole /64 and can pick any address in it, so
 * IPv6 is counted per /64; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function addressKey(address: string): string {
  const ip = parseIp(address);
  if (!ip) return `addr:${address}`;
  const plain = unmapped(ip);
  if (plain.family === 4) return `ip:${[24n, 16n, 8n, 0n].map((s) => (plain.value >> s) & 0xffn).join('.')}`;
  return `ip:${(plain.value >> 64n).toString(16)}::/64`;
}

export interface RateLimitOptions {
  search: RateLimit | null;
  api: RateLimit | null;
  /** Milliseconds since the epoch; replaceable in tests. */
  now?: () => number;
}

const SEARCH = /^\/search(?:[?#]|$)/;
const API = /^\/api\//;
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function refuse(waitMs: number, what: string): void {
  if (waitMs <= 0) return;
  const s = seconds(waitMs);
  throw new AppError('RATE_LIMITED', `Too many ${what} in a short time. Please try again in ${s} second${s === 1 ? '' : 's'}.`, {
    retryAfterSeconds: s,
  });
}

/**
 * Registers the limits. Call before registerAuth, whose onRequest hook checks tokens: an address that spent its
 * allowance is turned away first. API requests are counted (preHandler) per signed-in user or token once
 * authentication has run, anonymous ones per address. A request whose credentials fail is counted against its
 * address when it ends, so sending made-up tokens does not escape the limit.
 */
export function registerRateLimits(app: FastifyInstance, o: RateLimitOptions) {
  const now = o.now ?? Date.now;
  if (o.search) {
    const search = new RateLimiter(o.search, now);
    app.addHook('onRequest', async (req) => {
      if (SEARCH.test(req.url)) refuse(search.take(addressKey(clientIp(req))), 'searches');
    });
  }
  if (o.api) {
    const api = new RateLimiter(o.api, now);
    const counted = new WeakSet<FastifyRequest>();
    // A token is checked only after this hook, so an address that has spent its allowance on failed tokens
    // is turned away here; session cookies are not, so a signed-in editor is not held up by others behind the
    // same address.
    app.addHook('onRequest', async (req) => {
      if (API.test(req.url) && req.headers.authorization) refuse(api.peek(addressKey(clientIp(req))), 'requests');
    });
    app.addHook('preHandler', async (req) => {
      if (!API.test(req.url)) return;
      counted.add(req);
      refuse(api.take(req.user ? `user:${req.user.id}` : addressKey(clientIp(req))), 'requests');
    });
    app.addHook('onResponse', async (req) => {
      if (API.test(req.url) && !counted.has(req)) api.take(addressKey(clientIp(req)));
    });
  }
}
