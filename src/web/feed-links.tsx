// Feed discovery: <link rel="alternate"> tags in a page's <head>. Every page names the site's feeds; a section,
// tag or author page adds its own. Addresses are site-relative, so a page read on a mirror finds the mirror's feeds.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FEED_FORMAT_NAME,
  FEED_FORMATS,
  FEED_MEDIA_TYPE,
  feedPath,
  siteFeedBase,
  type FeedBase,
  type FeedFormat,
} from '../domain/feed-urls.ts';

export interface FeedLink {
  type: string;
  href: string;
  title: string;
}

/** The three feeds of one listing, titled "{title} (RSS)", "(Atom)", "(JSON Feed)". */
export function feedLinks(base: FeedBase, title: string): FeedLink[] {
  return FEED_FORMATS.map((f) => ({ type: FEED_MEDIA_TYPE[f], href: feedPath(base, f), title: `${title} (${FEED_FORMAT_NAME[f]})` }));
}

/** The page's own feeds first (readers that take the first one get the most specific), then the site's. */
export function FeedLinks({ siteName, feeds = [] }: { siteName: string; feeds?: FeedLink[] }) {
  return (
    <>
      {[...feeds, ...feedLinks(siteFeedBase, siteName)].map((f) => (
        <link key={f.href} rel="alternate" type={f.type} href={f.href} title={f.title} />
      ))}
    </>
  );
}

/**
 * Serves a section's feed. The reader site's catch-all route finds section paths, so it hands
 * /{section-path}/feed.xml to the feeds' handler (app.ts wires one to the other).
 */
export type SectionFeedHandler = (
  req: FastifyRequest,
  reply: FastifyReply,
  sectionPath: string,
  format: FeedFormat,
) => Promise<FastifyReply>;
