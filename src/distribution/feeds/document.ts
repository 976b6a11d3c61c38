// Turns a feed's data into what every format writes, for the address the feed was fetched from: links point at
// that address (a reader on a mirror stays on the mirror) while ids always name the primary.
import { articlePath, authorPath, tagPath } from '../../domain/urls.ts';
import { contentHtml, heroImage, type FeedImage } from './content.tsx';
import { articleFeedId, FEED_FORMATS, feedId, feedPath, type FeedFormat } from '../../domain/feed-urls.ts';
import type { FeedData, FeedSite } from './service.ts';

export interface FeedLinkedName {
  name: string;
  url: string;
}

export interface FeedItemDoc {
  id: string;
  url: string;
  title: string;
  /** Plain text: the standfirst. */
  summary: string;
  /** HTML, to be escaped by the format that carries it. */
  contentHtml: string;
  published: string;
  updated: string;
  authors: FeedLinkedName[];
  /** Tags, with the slug as the term. */
  categories: (FeedLinkedName & { term: string })[];
  image: FeedImage | null;
}

export interface FeedDocument {
  id: string;
  title: string;
  description: string;
  language: string;
  siteName: string;
  homeUrl: string;
  selfUrls: Record<FeedFormat, string>;
  /** The WebSub hub, when this address advertises one. */
  hub: string | undefined;
  updated: string;
  items: FeedItemDoc[];
}

export interface FeedRequest {
  /** The origin the request came in on (req.origin.url). */
  origin: string;
  hub: string | undefined;
}

export function feedDocument(data: FeedData, site: FeedSite, { origin, hub }: FeedRequest): FeedDocument {
  return {
    id: feedId(site.origin, data.base),
    title: data.title,
    description: data.description,
    language: site.language,
    siteName: site.siteName,
    homeUrl: origin + data.homePath,
    selfUrls: Object.fromEntries(FEED_FORMATS.map((f) => [f, origin + feedPath(data.base, f)])) as Record<FeedFormat, string>,
    hub,
    updated: data.updated,
    items: data.entries.map(({ article, body, authors, tags }) => {
      const image = heroImage(article.hero, origin);
      return {
        id: articleFeedId(site.origin, article.id, article.firstPublishedAt),
        url: origin + articlePath(article, site.timezone),
        title: article.headline,
        summary: article.standfirst,
        contentHtml: contentHtml(image, body, data.media, origin),
        published: article.firstPublishedAt,
        updated: article.updatedAt ?? article.firstPublishedAt,
        authors: authors.map((p) => ({ name: p.name, url: origin + authorPath(p.slug) })),
        categories: tags.map((t) => ({ term: t.slug, name: t.name, url: origin + tagPath(t.slug) })),
        image,
      };
    }),
  };
}
