// /tv/roku.json and /tv/mrss.xml: video articles for TV apps.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.ts';
import { mrssFeed } from './mrss.ts';
import { KEY, setSurrogateKeys } from '../../cache/keys.ts';
import { rokuFeed } from './roku.ts';

export function tvRoutes(app: FastifyInstance, o: { services: Services; siteName: string; language: string; clock?: () => Date }) {
  const clock = o.clock ?? (() => new Date());

  app.get('/tv/roku.json', async (req, reply) => {
    const [{ items, leftOut }, tree] = await Promise.all([o.services.tv.feedItems(req.origin.url), o.services.reader.sections()]);
    if (leftOut.length) req.log.warn({ leftOut }, 'video articles left out of the TV feeds');
    const withSections = items.map((i) => {
      const root = tree.find(new URL(i.url).pathname.split('/')[1] ?? '');
      return { ...i, sectionSlug: root?.slug ?? 'news', sectionName: root?.name ?? 'News' };
    });
    return setSurrogateKeys(reply, [KEY.tv])
      .type('application/json; charset=utf-8')
      .send(rokuFeed({ providerName: o.siteName, language: o.language, items: withSections, now: clock().toISOString() }));
  });

  app.get('/tv/mrss.xml', async (req, reply) => {
    const { items } = await o.services.tv.feedItems(req.origin.url);
    return setSurrogateKeys(reply, [KEY.tv])
      .type('application/rss+xml; charset=utf-8')
      .send(
        mrssFeed({ title: o.siteName, link: `${req.origin.url}/`, selfUrl: `${req.origin.url}/tv/mrss.xml`, language: o.language, items }),
      );
  });
}
