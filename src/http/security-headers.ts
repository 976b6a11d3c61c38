// Security headers on every response. Three policies: the public site (pages, feeds, sitemaps, assets, media,
// error pages), the newsroom (never framed at all) and the JSON API (loads nothing). Each is computed once per
// (policy, https) when the app is built; a response only copies a ready object.
//
// The Content-Security-Policy allows no inline script: our pages load scripts only from /assets (site.js,
// video.js, the newsroom and editor bundles, hls.js under /assets/vendor). JSON-LD blocks are data, which CSP
// does not execute. No nonces: public pages are cached as bytes and served to many readers, and a nonce that
// many readers share protects nothing. The one inline thing on our pages is the <style> element the rich-text
// editor (Tiptap) adds to the newsroom, allowed by the hash of its exact text (see TIPTAP_STYLE_HASH).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SOCIAL_PROVIDERS } from '../domain/social.ts';

export interface SecurityHeaderOptions {
  /** The live stream (MASTHEAD_LIVE_STREAM_URL): /live plays it, so its origin may be fetched and played. */
  liveStreamUrl?: string;
}

export type HeaderSet = Readonly<Record<string, string>>;

/**
 * sha256 of the base stylesheet @tiptap/core injects into the page (its `style` constant; injectCSS is on
 * by default). src/http/security-headers.test.ts recomputes it from the installed package, so an upgrade that
 * changes the stylesheet fails a test instead of silently unstyling the editor.
 */
export const TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='";

const ONE_YEAR = 365 * 24 * 3600;

const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

type Directives = Record<string, string[]>;

const csp = (d: Directives) =>
  Object.entries(d)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

function siteDirectives(o: SecurityHeaderOptions): Directives {
  const live = o.liveStreamUrl ? [new URL(o.liveStreamUrl).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    // Article videos and caption tracks may be on any https host (a video CDN); hls.js plays them through
    // MediaSource (blob:) and fetches their playlists and segments (connect-src).
    'media-src': ["'self'", 'blob:', 'https:', ...live],
    'connect-src': ["'self'", 'https:', ...live],
    // hls.js moves demuxing into a worker built from a blob.
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    // Social posts in articles: only each network's own embed frame, and only after a reader's click.
    'frame-src': Object.values(SOCIAL_PROVIDERS).map((p) => p.origin),
  };
}

function common(https: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    // Only over https: on plain http (a dev machine, the onion address) browsers ignore it anyway.
    ...(https ? { 'strict-transport-security': `max-age=${ONE_YEAR}; includeSubDomains` } : {}),
  };
}

export interface SecurityHeaders {
  /** Public pages, feeds, sitemaps, assets, media, error pages. The cache fast path sends these too. */
  site(https: boolean): HeaderSet;
  newsroom(https: boolean): HeaderSet;
  api(https: boolean): HeaderSet;
  /** The set for a request path. */
  forPath(url: string, https: boolean): HeaderSet;
}

export function securityHeaders(o: SecurityHeaderOptions = {}): SecurityHeaders {
  const site = siteDirectives(o);
  const build = (extra: Record<string, string>) => ({
    false: Object.freeze({ ...common(false), ...extra }),
    true: Object.freeze({ ...common(true), ...extra }),
  });
  const sets = {
    site: build({ 'content-security-policy': csp(site), 'x-frame-options': 'SAMEORIGIN' }),
    newsroom: build({
      'content-security-policy': csp({
        ...site,
        'style-src': ["'self'", TIPTAP_STYLE_HASH],
        // Pictures chosen for upload are previewed from blob: URLs before they are sent.
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-ancestors': ["'none'"],
      }),
      'x-frame-options': 'DENY',
    }),
    api: build({
      'content-security-policy': csp({
        'default-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      }),
      'x-frame-options': 'DENY',
    }),
  };
  const kindOf = (url: string) => (NEWSROOM.test(url) ? 'newsroom' : API.test(url) ? 'api' : 'site');
  return {
    site: (https) => sets.site[`${https}`],
    newsroom: (https) => sets.newsroom[`${https}`],
    api: (https) => sets.api[`${https}`],
    forPath: (url, https) => sets[kindOf(url)][`${https}`],
  };
}

/** The public site's headers for an origin served over https or not (the cache's fast path uses this). */
export function siteSecurityHeaders(https: boolean, o: SecurityHeaderOptions = {}): HeaderSet {
  return securityHeaders(o).site(https);
}

const NEWSROOM = /^\/newsroom(?:[/?#]|$)/;
const API = /^\/api\//;

const servedOverHttps = (req: FastifyRequest) => Boolean(req.origin?.url.startsWith('https:'));

/**
 * Sets the headers on every response that goes through Fastify. They are set when the request arrives (after
 * the origin is known), so a page stored by the page cache keeps them; a response that failed before that
 * (an unknown Host) gets them as it is sent, without HSTS since no origin of ours was asked for.
 */
export function registerSecurityHeaders(app: FastifyInstance, headers: SecurityHeaders) {
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(headers.forPath(req.url, servedOverHttps(req)));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.headers(headers.forPath(req.url, servedOverHttps(req)));
    return payload;
  });
}

/**
 * Fastify answers a request it cannot even parse (a malformed URL: its frameworkErrors handler) without running
 * any hook, so that handler is wrapped to send the headers itself.
 */
export function withSecurityHeaders<R extends FastifyRequest, P extends FastifyReply>(
  headers: SecurityHeaders,
  handler: (error: FastifyError, req: R, reply: P) => void,
) {
  return (error: FastifyError, req: R, reply: P) => {
    reply.headers(headers.forPath(req.url, false));
    handler(error, req, reply);
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The precomputed header sets, for responses sent outside Fastify's hooks (the cache's fast path). */
    securityHeaders: SecurityHeaders;
  }
}
