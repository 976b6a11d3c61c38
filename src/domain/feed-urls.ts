// The feed URL contract: every listing with a feed has the same three, one per format, at `{base}/feed.{ext}`:
// the site at /feed.xml, a section at /{section-path}/feed.xml, a tag at /tag/{slug}/feed.xml, an author at
// /author/{slug}/feed.xml. Ids are minted here too, so they stay the same whichever address a reader used.

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_EXTENSION: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What `<link rel="alternate" type>` announces (no charset). */
export const FEED_MEDIA_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const FEED_FORMAT_NAME: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** "" for the site, "/news/europe" for a section, "/tag/{slug}", "/author/{slug}". */
export type FeedBase = string;

export const siteFeedBase: FeedBase = '';
export const sectionFeedBase = (sectionPath: string): FeedBase => `/${sectionPath}`;
export const tagFeedBase = (slug: string): FeedBase => `/tag/${slug}`;
export const authorFeedBase = (slug: string): FeedBase => `/author/${slug}`;

export const feedPath = (base: FeedBase, format: FeedFormat) => `${base}/feed.${FEED_EXTENSION[format]}`;

const FORMAT_BY_EXTENSION = new Map(FEED_FORMATS.map((f) => [FEED_EXTENSION[f], f] as const));

export function formatForExtension(ext: string): FeedFormat | undefined {
  return FORMAT_BY_EXTENSION.get(ext);
}

const SECTION_FEED_PATH = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)\/feed\.(xml|atom|json)$/;

/** Recognises /{section-path}/feed.{xml|atom|json}. */
export function parseSectionFeedPath(path: string): { sectionPath: string; format: FeedFormat } | null {
  const m = SECTION_FEED_PATH.exec(path);
  const format = m ? formatForExtension(m[2]!) : undefined;
  return m && format ? { sectionPath: m[1]!, format } : null;
}

/**
 * An article's id in every feed format: a tag URI (RFC 4151) naming the primary host and the day of first
 * publication, neither of which ever changes, so readers see one item whether they subscribed on the primary,
 * a mirror or the onion address, and the id survives slug and section changes.
 */
export function articleFeedId(primaryOrigin: string, articleId: number, firstPublishedAt: string): string {
  const day = new Date(firstPublishedAt).toISOString().slice(0, 10);
  return `tag:${new URL(primaryOrigin).hostname},${day}:article:${articleId}`;
}

/** A feed's own id (Atom <id>): its Atom address on the primary origin, whichever address served it. */
export const feedId = (primaryOrigin: string, base: FeedBase) => primaryOrigin + feedPath(base, 'atom');
