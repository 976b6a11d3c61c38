// Builds the Fastify application from config and dependencies. It never listens: main.ts does, and tests use
// app.inject().
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.ts';
import { createServices, type Services } from './services/index.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import { UPLOAD_LIMITS } from './media/upload.ts';
import { registerAuth } from './http/auth.ts';
import { registerSecurityHeaders, securityHeaders, withSecurityHeaders } from './http/security-headers.ts';
import { registerTextGuard } from './http/text-guard.ts';
import { DEFAULT_BODY_LIMIT, registerEarlySizeCheck, registerJsonShapeCheck } from './http/body-limits.ts';
import { registerRateLimits } from './http/rate-limit.ts';
import { parseAllowList } from './net/addresses.ts';
import { originResolver, registerOrigins } from './http/origins.ts';
import { cachedResponder } from './cache/cached-response.ts';
import { cachedServer, hostOrigin } from './cache/cached-server.ts';
import { PageCache } from './cache/page-cache.ts';
import { registerPageCache } from './cache/http.ts';
import { purgeOnEvents } from './cache/invalidation.ts';
import { registerReadiness } from './http/readiness.ts';
import { PURGE_ALL, type PurgeChannel } from './cache/purge-channel.ts';
import { KEY } from './cache/keys.ts';
import { registerApi } from './api/routes.ts';
import { openApiDocument } from './api/openapi.ts';
import { newsroomRoutes } from './newsroom/routes.tsx';
import { tvRoutes } from './distribution/tv/routes.ts';
import { liveRoutes } from './site/live.tsx';
import type { Store } from './store/index.ts';
import { siteRoutes } from './site/routes.tsx';
import { siteFromConfig } from './web/context.ts';
import crypto from 'node:crypto';
import { registerRequestLogging } from './ops/log.ts';
import { errorPages, frameworkErrorPage } from './site/errors.tsx';
import { feedRoutes } from './distribution/feeds/routes.ts'; // feeds: RSS, Atom, JSON Feed
import { feedService } from './distribution/feeds/service.ts'; // feeds
import { registerSitemaps } from './distribution/sitemaps/routes.ts'; // sitemaps: robots.txt, sitemap index, news sitemap

export interface AppDeps {
  config: Config;
  store: Store;
  /** The clock, replaceable in tests. */
  clock?: () => Date;
  /** Which worker process this is (0 when there is one), reported by /readyz. */
  worker?: number;
  /** Carries page-cache purges to the other processes serving the site (src/server/cluster.ts). */
  purgeChannel?: PurgeChannel;
  /** Where JSON log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

export async function buildApp({ config, store, clock, logStream, purgeChannel, worker = 0 }: AppDeps): Promise<FastifyInstance> {
  const site = siteFromConfig(config);

  const origins = { primary: config.origin, mirrors: config.mirrors, onion: config.onion, indexMirrors: config.indexMirrors };
  // One Host → origin resolver for the page cache's fast path and the application alike.
  const resolveOrigin = originResolver(origins);
  const cache = config.pageCacheBytes > 0 ? new PageCache(config.pageCacheBytes) : undefined;
  const security = securityHeaders({ liveStreamUrl: config.live?.streamUrl });
  const app = Fastify({
    // Cache hits are answered before Fastify routes the request: a hit then costs about what a bare Node
    // server returning a string costs (see npm run bench).
    ...(cache && { serverFactory: cachedServer(cachedResponder(cache, hostOrigin(resolveOrigin))) }),
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...(logStream && { stream: logStream }) },
    routerOptions: { maxParamLength: 300 },
    bodyLimit: DEFAULT_BODY_LIMIT, // routes that need more say so (src/http/body-limits.ts)
    // Every log line of a request carries its id; ids are ours, never taken from a client header.
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: withSecurityHeaders(security, frameworkErrorPage(site)),
  });
  registerRequestLogging(app); // first, so even a request answered by an early hook returns its id
  const services = createServices(store, {
    mediaDir: config.mediaDir,
    origin: config.origin,
    timezone: config.timezone,
    websubHub: config.websubHub,
    fetchAllow: parseAllowList(config.fetchAllowHosts),
    clock,
    log: app.log,
  });
  const reader = services.reader;
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    // Assets are not fingerprinted yet, so browsers recheck them hourly.
    maxAge: '1h',
  });
  await app.register(fastifyStatic, {
    root: config.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    // Media file names are content hashes: a changed picture gets a new name, so caching can be forever.
    maxAge: '365d',
    immutable: true,
  });

  app.decorate('services', services);
  registerOrigins(app, origins, resolveOrigin);
  registerSecurityHeaders(app, security); // CSP, framing, HSTS on https origins (src/http/security-headers.ts)
  app.decorate('securityHeaders', security);
  if (cache) {
    registerPageCache(app, cache);
    const purgeHere = (keys: string[]) => {
      // Another process's section change reaches this one as a purge of the navigation key.
      if (keys.includes(PURGE_ALL) || keys.includes(KEY.navigation)) services.reader.forgetSections();
      return keys.includes(PURGE_ALL) ? cache.clear() : cache.purge(keys);
    };
    purgeChannel?.onPurge(purgeHere);
    purgeOnEvents(services.events, store, async (keys) => {
      purgeHere(keys);
      await purgeChannel?.broadcast(keys);
    });
    app.decorate('pageCache', cache);
  }
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  registerJsonShapeCheck(app); // a hostile JSON shape is refused before it is parsed
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMITS.bytes, files: 1, fields: 10, fieldSize: 4096 } });
  registerTextGuard(app); // NUL and broken Unicode in bodies and queries: a clear 400, never a 500 (src/http/text-guard.ts)
  // Before auth's hook, so an address that spent its allowance on made-up tokens is turned away before they are
  // checked; requests are counted (in preHandler) per user or token once auth knows it, anonymous ones per address.
  registerRateLimits(app, { ...config.rateLimits, now: clock && (() => clock().getTime()) });
  registerAuth(app, services.auth); // who is asking, and CSRF, before any body is read (src/http/auth.ts)
  registerEarlySizeCheck(app); // then a body announced as too large is refused unread

  registerReadiness(app, () => store.ping(), worker);
  app.get('/healthz', async (_req, reply) => {
    const database = await store.ping();
    return reply
      .code(database ? 200 : 503)
      .send({ status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down', dialect: store.dialect });
  });

  app.get('/api/openapi.json', async () => openApiDocument(config.origin));
  registerApi(app, services);
  newsroomRoutes(app, { services, site, secureCookies: config.origin.startsWith('https:') });
  tvRoutes(app, { services, siteName: config.siteName, language: config.language, clock }); // TV apps: Roku, MRSS
  liveRoutes(app, { services, site, live: config.live }); // /live and the hls.js asset
  registerSitemaps(app, { store, config, clock }); // sitemaps: /robots.txt, /sitemap.xml, /sitemaps/*, /news-sitemap.xml
  // Feeds: /feed.*, /tag/:slug/feed.*, /author/:slug/feed.* here; /{section-path}/feed.* via the site's catch-all.
  const sectionFeed = feedRoutes(app, { feeds: feedService(store, site, clock), site, hub: config.websubHub });
  siteRoutes(app, { reader, site, sectionFeed });
  errorPages(app, { reader, site });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    /** The rendered-page cache, when enabled. */
    pageCache?: PageCache;
  }
}
