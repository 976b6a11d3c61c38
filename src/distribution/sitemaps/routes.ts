// Routes for crawlers: /robots.txt, the sitemap index /sitemap.xml with its files under /sitemaps/, and the
// Google News sitemap /news-sitemap.xml. Whatever Host a request names, the URLs inside point to the primary.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { KEY, setSurrogateKeys } from '../../cache/keys.ts';
import type { Store } from '../../store/index.ts';
import { DEFAULT_LIMITS, robotsTxt, sitemapService, type SitemapLimits, type SitemapSite } from './service.ts';

export interface SitemapDeps {
  store: Store;
  config: SitemapSite;
  clock?: (() => Date) | undefined;
  /** Smaller limits for tests; production uses the protocols' limits. */
  limits?: Partial<SitemapLimits>;
}

const XML = 'application/xml; charset=utf-8';

export function registerSitemaps(app: FastifyInstance, { store, config, clock, limits }: SitemapDeps) {
  const site: SitemapSite = { origin: config.origin, siteName: config.siteName, language: config.language, timezone: config.timezone };
  const sitemaps = sitemapService(store, site, clock, { ...DEFAULT_LIMITS, ...limits });
  const sendXml = (reply: FastifyReply, xml: string, maxAgeSeconds: number) =>
    setSurrogateKeys(reply, [KEY.sitemaps]).type(XML).header('cache-control', `public, max-age=${maxAgeSeconds}`).send(xml);

  app.get('/robots.txt', async (_req, reply) =>
    // The same on mirrors and the onion address: crawlers that find a mirror are told where the primary's sitemaps are.
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(site.origin)),
  );

  app.get('/sitemap.xml', async (_req, reply) => sendXml(reply, await sitemaps.index(), 900));

  app.get('/news-sitemap.xml', async (_req, reply) => sendXml(reply, await sitemaps.news(), 300));

  app.get<{ Params: { name: string } }>('/sitemaps/:name', async (req, reply) => {
    const xml = await sitemaps.file(req.params.name);
    if (xml === null) throw new AppError('NOT_FOUND');
    return sendXml(reply, xml, 900);
  });
}
