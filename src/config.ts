// Configuration is read once, at boot, from the environment. Every field is typed and commented; a bad value
// stops the process with a message naming the setting (see formatConfigError).
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { allowEntryProblem } from './net/addresses.ts';

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .url({ message: `${name} must be an absolute URL such as https://news.example` })
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { message: `${name} must use http or https` });
const origin = (name: string) => httpUrl(name).transform((u) => new URL(u).origin);

/** "N/window" (window such as 10s, 1m, 1h; a bare N is per minute) → requests per window; "0" → no limit. */
export function parseRateLimit(text: string): RateLimit | null | undefined {
  const m = /^(\d{1,7})(?:\s*\/\s*(\d{1,6})?\s*(s|sec|m|min|h|hour)s?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const limit = Number(m[1]);
  if (limit === 0) return null;
  const unit = { s: 1_000, sec: 1_000, m: 60_000, min: 60_000, h: 3_600_000, hour: 3_600_000 }[(m[3] ?? 'm').toLowerCase() as 's'];
  const count = Number(m[2] ?? 1);
  return count > 0 ? { limit, windowMs: count * unit } : undefined;
}

const rateLimit = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const parsed = parseRateLimit(text);
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be "N/window" such as 60/1m, 10/10s or 1000/1h (a bare N is per minute; 0 turns it off)`,
        });
        return z.NEVER;
      }
      return parsed;
    });

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** TCP port the server listens on. */
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int()
    .min(1, 'PORT must be 1-65535')
    .max(65535, 'PORT must be 1-65535')
    .default(3000),
  /** Interface to bind; 0.0.0.0 serves every interface, 127.0.0.1 only this machine. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** `postgres://…` for PostgreSQL; `sqlite:PATH` (or a bare file path) for the embedded database. */
  DATABASE_URL: z.string().min(1).default('sqlite:./data/masthead.db'),
  /** Where uploaded and generated images are stored. */
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  /** The primary public address; canonical links, share links and feeds use it. Defaults to http://localhost:PORT. */
  MASTHEAD_ORIGIN: origin('MASTHEAD_ORIGIN').optional(),
  /** Alternate public addresses (comma-separated), announced in a site-wide notice for readers who are blocked. */
  MASTHEAD_MIRRORS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin('MASTHEAD_MIRRORS'))),
  /** An optional .onion address; the primary then sends Onion-Location so Tor Browser can switch to it. */
  MASTHEAD_ONION_ORIGIN: z
    .string()
    .trim()
    .optional()
    .refine(
      (u) =>
        u === undefined || u === '' || (URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).hostname.endsWith('.onion')),
      {
        message: 'MASTHEAD_ONION_ORIGIN must be an http(s) URL of a .onion host',
      },
    )
    .transform((u) => (u ? new URL(u).origin : undefined)),
  /** Let search engines index mirrors too (default false: mirrors send X-Robots-Tag: noindex). */
  MASTHEAD_INDEX_MIRRORS: bool.default(false),
  /** The outlet's name, shown in the header and page titles. */
  MASTHEAD_SITE_NAME: z.string().trim().min(1).max(100).default('Meridian World News'),
  /** Language of the site (BCP 47), used in <html lang>. */
  MASTHEAD_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'MASTHEAD_LANGUAGE must be a language tag such as en or en-GB')
    .default('en'),
  /** Newsroom time zone (IANA name): dates in article URLs and on pages are shown in it. */
  MASTHEAD_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'MASTHEAD_TIMEZONE must be an IANA time zone such as Europe/London'),
  /** The outlet's logo (absolute http(s) URL of a PNG, JPEG or WebP); named as the publisher's logo in structured data. */
  MASTHEAD_LOGO_URL: httpUrl('MASTHEAD_LOGO_URL').optional(),
  /** The outlet's published corrections policy page; named as correctionsPolicy in its structured data. */
  MASTHEAD_CORRECTIONS_POLICY_URL: httpUrl('MASTHEAD_CORRECTIONS_POLICY_URL').optional(),
  /** The outlet's published ethics policy page; named as ethicsPolicy in its structured data. */
  MASTHEAD_ETHICS_POLICY_URL: httpUrl('MASTHEAD_ETHICS_POLICY_URL').optional(),
  /** Locale of the content for Open Graph (og:locale), language_TERRITORY such as en_GB or fr_FR. */
  MASTHEAD_LOCALE: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}_[A-Z]{2}$/, 'MASTHEAD_LOCALE must be a locale such as en_GB or fr_FR (language_TERRITORY)')
    .default('en_GB'),
  /** Link to the channel's TV app (for example its Roku channel page), shown in the footer when set. */
  MASTHEAD_TV_APP_URL: httpUrl('MASTHEAD_TV_APP_URL').optional(),
  /** A WebSub hub (e.g. https://pubsubhubbub.appspot.com/): feeds name it, and it is notified when they change. */
  MASTHEAD_WEBSUB_HUB: httpUrl('MASTHEAD_WEBSUB_HUB').optional(),
  /** Load the demo content when the database is empty. Turn off for a real newsroom. */
  MASTHEAD_DEMO_CONTENT: bool.default(true),
  /** The channel's live stream (HLS), played at /live; no live page when unset. */
  MASTHEAD_LIVE_STREAM_URL: httpUrl('MASTHEAD_LIVE_STREAM_URL').optional(),
  /** Text shown under the live player, e.g. today's schedule. */
  MASTHEAD_LIVE_SCHEDULE: z.string().trim().max(2_000).default(''),
  /** Memory for rendered public pages, in MB (0 turns the page cache off). */
  MASTHEAD_PAGE_CACHE_MB: z.coerce.number({ message: 'MASTHEAD_PAGE_CACHE_MB must be a number' }).min(0).max(16_384).default(64),
  /** Searches (/search) each client address may make per window, "N/window" (e.g. 60/1m); 0 turns the limit off. */
  MASTHEAD_RATE_LIMIT_SEARCH: rateLimit('MASTHEAD_RATE_LIMIT_SEARCH', '60/1m'),
  /** API requests (/api/…) per signed-in user or token, or per client address when anonymous; 0 turns it off. */
  MASTHEAD_RATE_LIMIT_API: rateLimit('MASTHEAD_RATE_LIMIT_API', '600/1m'),
  /** Private targets the server may fetch anyway (comma-separated host names, addresses or CIDR ranges), e.g. an intranet WebSub hub. */
  MASTHEAD_FETCH_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = allowEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  /** Serving processes (`serve --workers N` overrides); default one per CPU core. 1 serves in a single process. */
  MASTHEAD_WORKERS: z.coerce
    .number({ message: 'MASTHEAD_WORKERS must be a whole number' })
    .int()
    .min(1)
    .max(256)
    .default(() => os.availableParallelism()),
  /** On SIGTERM, seconds to keep answering while /readyz says 503, so a load balancer stops sending first. */
  MASTHEAD_DRAIN_SECONDS: z.coerce.number({ message: 'MASTHEAD_DRAIN_SECONDS must be a number' }).min(0).max(300).default(0),
  /** On SIGTERM, seconds to wait for in-flight requests and jobs before exiting anyway. */
  MASTHEAD_SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'MASTHEAD_SHUTDOWN_TIMEOUT_SECONDS must be a number' })
    .min(1)
    .max(3_600)
    .default(30),
  /** Port of the Prometheus /metrics listener, separate from the site's (0 turns it off). */
  MASTHEAD_METRICS_PORT: z.coerce
    .number({ message: 'MASTHEAD_METRICS_PORT must be a number' })
    .int()
    .min(0, 'MASTHEAD_METRICS_PORT must be 0-65535')
    .max(65535, 'MASTHEAD_METRICS_PORT must be 0-65535')
    .default(9464),
  /** Interface of the metrics listener; it has no authentication, so keep it on loopback or a private network. */
  MASTHEAD_METRICS_HOST: z.string().trim().min(1, 'MASTHEAD_METRICS_HOST must not be empty').default('127.0.0.1'),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  mediaDir: string;
  origin: string;
  mirrors: string[];
  onion: string | undefined;
  indexMirrors: boolean;
  siteName: string;
  language: string;
  timezone: string;
  tvAppUrl: string | undefined;
  /** WebSub hub for the feeds (src/services/websub), if any. */
  websubHub: string | undefined;
  /** How the outlet describes itself to search engines and social networks (src/seo). */
  outlet: OutletIdentity;
  demoContent: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  live: { streamUrl: string; schedule: string } | undefined;
  pageCacheBytes: number;
  /** The Prometheus metrics listener (src/ops/metrics.ts); undefined when turned off. */
  metrics: { host: string; port: number } | undefined;
  /** Serving processes (src/server/cluster.ts). */
  workers: number;
  /** Graceful shutdown (src/server/lifecycle.ts), in milliseconds. */
  shutdown: { drainMs: number; timeoutMs: number };
  /** Per-window request limits (src/http/rate-limit.ts); null turns one off. */
  rateLimits: { search: RateLimit | null; api: RateLimit | null };
  /** Private hosts, addresses and ranges server-side fetches may reach (src/net/safe-fetch.ts). */
  fetchAllowHosts: string[];
}

export interface RateLimit {
  /** Requests allowed per window (also the largest burst). */
  limit: number;
  windowMs: number;
}

export interface OutletIdentity {
  logoUrl: string | undefined;
  correctionsPolicyUrl: string | undefined;
  ethicsPolicyUrl: string | undefined;
  /** Open Graph locale, e.g. en_GB. */
  locale: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseDatabaseUrl(url: string): Config['database'] {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file === ':memory:') return { kind: 'sqlite', file };
  return { kind: 'sqlite', file: path.resolve(file) };
}

/** Parses the environment; throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${String(i.path[0] ?? 'config')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    mediaDir: path.resolve(e.MEDIA_DIR),
    origin: e.MASTHEAD_ORIGIN ?? `http://localhost:${e.PORT}`,
    mirrors: e.MASTHEAD_MIRRORS,
    onion: e.MASTHEAD_ONION_ORIGIN,
    indexMirrors: e.MASTHEAD_INDEX_MIRRORS,
    siteName: e.MASTHEAD_SITE_NAME,
    language: e.MASTHEAD_LANGUAGE,
    timezone: e.MASTHEAD_TIMEZONE,
    tvAppUrl: e.MASTHEAD_TV_APP_URL,
    websubHub: e.MASTHEAD_WEBSUB_HUB,
    outlet: {
      logoUrl: e.MASTHEAD_LOGO_URL,
      correctionsPolicyUrl: e.MASTHEAD_CORRECTIONS_POLICY_URL,
      ethicsPolicyUrl: e.MASTHEAD_ETHICS_POLICY_URL,
      locale: e.MASTHEAD_LOCALE,
    },
    demoContent: e.MASTHEAD_DEMO_CONTENT,
    logLevel: e.LOG_LEVEL,
    pageCacheBytes: Math.round(e.MASTHEAD_PAGE_CACHE_MB * 1024 * 1024),
    metrics: e.MASTHEAD_METRICS_PORT ? { host: e.MASTHEAD_METRICS_HOST, port: e.MASTHEAD_METRICS_PORT } : undefined,
    workers: e.MASTHEAD_WORKERS,
    shutdown: { drainMs: e.MASTHEAD_DRAIN_SECONDS * 1000, timeoutMs: e.MASTHEAD_SHUTDOWN_TIMEOUT_SECONDS * 1000 },
    rateLimits: { search: e.MASTHEAD_RATE_LIMIT_SEARCH, api: e.MASTHEAD_RATE_LIMIT_API },
    fetchAllowHosts: e.MASTHEAD_FETCH_ALLOW_HOSTS,
    live: e.MASTHEAD_LIVE_STREAM_URL ? { streamUrl: e.MASTHEAD_LIVE_STREAM_URL, schedule: e.MASTHEAD_LIVE_SCHEDULE } : undefined,
  };
}
