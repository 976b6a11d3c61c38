// The three formats: RSS 2.0 (with content:encoded, dc:creator, Media RSS), Atom 1.0 and JSON Feed 1.1. Titles
// and summaries are plain text; content is the article's HTML carried as escaped text; the hero picture is an
// enclosure plus media:content (RSS, Atom) or the item's image (JSON Feed).
//
// RSS 2.0 says <description> (channel and item) is entity-encoded HTML, and readers render it so: plain text goes
// in through htmlOfText. Every other RSS text (title, dc:creator, category, media:* with type plain) is plain text,
// as the RSS Advisory Board advises for titles. Atom says it per element: type="text" everywhere but <content>.
import type { FeedDocument, FeedItemDoc } from './document.ts';
import { FEED_MEDIA_TYPE, type FeedFormat } from '../../domain/feed-urls.ts';
import { el, htmlOfText, xmlDocument, type XmlElement } from './xml.ts';

export const GENERATOR = 'Masthead';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

const iso = (t: string) => new Date(t).toISOString();
const rfc822 = (t: string) => new Date(t).toUTCString();

function mediaContent(item: FeedItemDoc): XmlElement | null {
  const image = item.image;
  if (!image) return null;
  return el(
    'media:content',
    { url: image.url, type: image.mime, medium: 'image', width: image.width, height: image.height },
    image.alt && el('media:description', { type: 'plain' }, image.alt),
    image.credit && el('media:credit', undefined, image.credit),
  );
}

export function rss(doc: FeedDocument): string {
  const item = (i: FeedItemDoc) =>
    el(
      'item',
      undefined,
      el('title', undefined, i.title),
      el('link', undefined, i.url),
      el('guid', { isPermaLink: 'false' }, i.id),
      el('pubDate', undefined, rfc822(i.published)),
      el('description', undefined, htmlOfText(i.summary)),
      el('content:encoded', undefined, i.contentHtml),
      i.authors.map((a) => el('dc:creator', undefined, a.name)),
      i.categories.map((c) => el('category', { domain: c.url }, c.name)),
      i.image && el('enclosure', { url: i.image.url, length: 0, type: i.image.mime }),
      mediaContent(i),
    );
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:dc': NS.dc, 'xmlns:media': NS.media },
      el(
        'channel',
        undefined,
        el('title', undefined, doc.title),
        el('link', undefined, doc.homeUrl),
        el('description', undefined, htmlOfText(doc.description)),
        el('language', undefined, doc.language),
        el('lastBuildDate', undefined, rfc822(doc.updated)),
        el('generator', undefined, GENERATOR),
        el('atom:link', { href: doc.selfUrls.rss, rel: 'self', type: FEED_MEDIA_TYPE.rss }),
        doc.hub && el('atom:link', { href: doc.hub, rel: 'hub' }),
        doc.items.map(item),
      ),
    ),
  );
}

export function atom(doc: FeedDocument): string {
  const entry = (i: FeedItemDoc) =>
    el(
      'entry',
      undefined,
      el('id', undefined, i.id),
      el('title', { type: 'text' }, i.title),
      el('link', { rel: 'alternate', type: 'text/html', href: i.url }),
      i.image && el('link', { rel: 'enclosure', type: i.image.mime, href: i.image.url, title: i.image.alt || undefined }),
      el('published', undefined, iso(i.published)),
      el('updated', undefined, iso(i.updated)),
      i.authors.map((a) => el('author', undefined, el('name', undefined, a.name), el('uri', undefined, a.url))),
      i.categories.map((c) => el('category', { term: c.term, label: c.name })),
      el('summary', { type: 'text' }, i.summary),
      el('content', { type: 'html' }, i.contentHtml),
      mediaContent(i),
    );
  return xmlDocument(
    el(
      'feed',
      { xmlns: NS.atom, 'xmlns:media': NS.media, 'xml:lang': doc.language },
      el('id', undefined, doc.id),
      el('title', { type: 'text' }, doc.title),
      el('subtitle', { type: 'text' }, doc.description),
      el('updated', undefined, iso(doc.updated)),
      el('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
      el('link', { rel: 'self', type: FEED_MEDIA_TYPE.atom, href: doc.selfUrls.atom }),
      doc.hub && el('link', { rel: 'hub', href: doc.hub }),
      el('author', undefined, el('name', undefined, doc.siteName)),
      el('generator', undefined, GENERATOR),
      doc.items.map(entry),
    ),
  );
}

export function jsonFeed(doc: FeedDocument): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrls.json,
    description: doc.description,
    language: doc.language,
    authors: [{ name: doc.siteName }],
    ...(doc.hub ? { hubs: [{ type: 'WebSub', url: doc.hub }] } : {}),
    items: doc.items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      summary: i.summary,
      content_html: i.contentHtml,
      ...(i.image ? { image: i.image.url } : {}),
      date_published: iso(i.published),
      date_modified: iso(i.updated),
      ...(i.authors.length ? { authors: i.authors } : {}),
      ...(i.categories.length ? { tags: i.categories.map((c) => c.name) } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export const writeFeed: Record<FeedFormat, (doc: FeedDocument) => string> = { rss, atom, json: jsonFeed };
