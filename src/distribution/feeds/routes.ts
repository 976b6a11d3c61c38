// Feed routes: /feed.{xml,atom,json}, /tag/{slug}/feed.*, /author/{slug}/feed.* are registered here; section feeds
// (/{section-path}/feed.*) arrive through the site's catch-all route, which calls `sectionFeed`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSlug } from '../../domain/slug.ts';
import { AppError } from '../../errors.ts';
import { feedDocument } from './document.ts';
import { writeFeed } from './formats.ts';
import { FEED_CONTENT_TYPE, FEED_EXTENSION, FEED_FORMATS, feedPath, sectionFeedBase, type FeedFormat } from '../../domain/feed-urls.ts';
import type { FeedData, FeedListing, FeedService, FeedSite } from './service.ts';
import { articleKeys, authorKey, KEY, sectionKey, setSurrogateKeys, tagKey } from '../../cache/keys.ts';
import type { SectionFeedHandler } from '../../web/feed-links.tsx';

export interface FeedRouteOptions {
  feeds: FeedService;
  site: FeedSite;
  /** The WebSub hub (MASTHEAD_WEBSUB_HUB), if any. */
  hub: string | undefined;
}

/** A feed shows what its listing shows: the listing's key, plus each entry's (cache/keys.ts). */
function listingKey(l: FeedListing): string {
  if (l.kind === 'section') return sectionKey(l.id);
  if (l.kind === 'tag') return tagKey(l.slug);
  if (l.kind === 'author') return authorKey(l.slug);
  return KEY.latest;
}

/** Feeds change when articles do; a few minutes of caching spares the database without delaying news much. */
const CACHE_CONTROL = 'public, max-age=300';

export function feedRoutes(app: FastifyInstance, { feeds, site, hub }: FeedRouteOptions): SectionFeedHandler {
  function send(req: FastifyRequest, reply: FastifyReply, data: FeedData, format: FeedFormat): FastifyReply {
    // Only the primary's feeds are announced to the hub (websub/listener.ts), so only they name it: a subscriber on
    // a mirror or the onion address polls instead of waiting for notices that would never come.
    const advertisedHub = req.origin.kind === 'primary' ? hub : undefined;
    const doc = feedDocument(data, site, { origin: req.origin.url, hub: advertisedHub });
    if (advertisedHub) reply.header('link', `<${advertisedHub}>; rel="hub", <${doc.selfUrls[format]}>; rel="self"`);
    setSurrogateKeys(reply, [listingKey(data.listing), ...articleKeys(data.entries.map((e) => e.article))]);
    return reply.code(200).type(FEED_CONTENT_TYPE[format]).header('cache-control', CACHE_CONTROL).send(writeFeed[format](doc));
  }

  const slugOr404 = (slug: string) => {
    if (!isSlug(slug)) throw new AppError('NOT_FOUND');
    return slug;
  };

  for (const format of FEED_FORMATS) {
    const ext = FEED_EXTENSION[format];
    app.get(`/feed.${ext}`, async (req, reply) => send(req, reply, await feeds.site(), format));
    app.get<{ Params: { slug: string } }>(`/tag/:slug/feed.${ext}`, async (req, reply) =>
      send(req, reply, await feeds.tag(slugOr404(req.params.slug)), format),
    );
    app.get<{ Params: { slug: string } }>(`/author/:slug/feed.${ext}`, async (req, reply) =>
      send(req, reply, await feeds.author(slugOr404(req.params.slug)), format),
    );
  }

  return async (req, reply, sectionPath, format) => {
    try {
      return send(req, reply, await feeds.section(sectionPath), format);
    } catch (err) {
      // A renamed or moved section keeps its feed address working, as its page does.
      if (err instanceof AppError && typeof err.details.movedTo === 'string')
        return reply.redirect(feedPath(sectionFeedBase(err.details.movedTo), format), 301);
      throw err;
    }
  };
}
