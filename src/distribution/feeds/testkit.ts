// For tests: reads an RSS or Atom feed with an independent parser (rss-parser, on xml2js in strict mode, so a
// malformed document fails) into one shape, so both formats can be checked with the same expectations.
import Parser from 'rss-parser';

export interface ReadItem {
  id: string;
  title: string;
  link: string;
  published: string | undefined;
  updated: string | undefined;
  /** Plain-text summary (RSS <description>, Atom <summary>), as an HTML reader would show it. */
  summary: string;
  /** The content as one XML decoding gives it: HTML source. */
  content: string;
  authors: string[];
  categories: string[];
  /** Enclosures and media:content, as { url, type }. */
  media: { url: string; type: string }[];
}

export interface ReadFeed {
  kind: 'rss' | 'atom';
  title: string;
  description: string;
  link: string;
  self: string | undefined;
  items: ReadItem[];
}

type Raw = Record<string, any>;

const parser = new Parser<Raw, Raw>({
  customFields: {
    feed: ['subtitle'],
    item: [
      ['dc:creator', 'creators', { keepArray: true }],
      ['media:content', 'mediaContent', { keepArray: true }],
      ['author', 'atomAuthors', { keepArray: true }],
      ['category', 'atomCategories', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      'updated',
    ],
  },
});

const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && '_' in v ? String((v as Raw)._) : '');

export async function readFeed(xml: string): Promise<ReadFeed> {
  const kind = /<rss[\s>]/.test(xml) ? 'rss' : 'atom';
  const feed = await parser.parseString(xml);
  const media = (item: Raw) => (item.mediaContent ?? []).map((m: Raw) => ({ url: m.$.url, type: m.$.type }));
  const items = feed.items.map((item: Raw): ReadItem => {
    if (kind === 'rss') {
      return {
        id: text(item.guid),
        title: item.title ?? '',
        link: item.link ?? '',
        published: item.isoDate,
        updated: undefined,
        summary: item.content ?? '',
        content: item['content:encoded'] ?? '',
        authors: (item.creators ?? []).map(text),
        categories: (item.categories ?? []).map(text),
        media: [...(item.enclosure ? [{ url: item.enclosure.url, type: item.enclosure.type }] : []), ...media(item)],
      };
    }
    const enclosures = (item.links ?? []).filter((l: Raw) => l.$.rel === 'enclosure').map((l: Raw) => ({ url: l.$.href, type: l.$.type }));
    return {
      id: item.id ?? '',
      title: item.title ?? '',
      link: item.link ?? '',
      published: item.isoDate,
      updated: item.updated ? new Date(text(item.updated)).toISOString() : undefined,
      summary: item.summary ?? '',
      content: item.content ?? '',
      authors: (item.atomAuthors ?? []).map((a: Raw) => text(a.name?.[0])),
      categories: (item.atomCategories ?? []).map((c: Raw) => c.$.label ?? c.$.term),
      media: [...enclosures, ...media(item)],
    };
  });
  return {
    kind,
    title: feed.title ?? '',
    description: kind === 'rss' ? (feed.description ?? '') : text(feed.subtitle),
    link: feed.link ?? '',
    self: feed.feedUrl,
    items,
  };
}
