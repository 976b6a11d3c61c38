// For tests: reads an RSS or Atom feed with an independent parser (rss-parser, on xml2js in strict mode, so a
// malformed document fails) into one shape, so both formats can be checked with the same expectations; and lists
// every text of a feed with how the format says a reader shows it (feedTexts), for the escaping checks.
import { createRequire } from 'node:module';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
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

// ---- Every text in an XML feed, and how a reader is told to show it ----

/** How a feed format says an element's text is shown: as plain text, as HTML, or as the article's own HTML. */
export type TextKind = 'text' | 'html' | 'content';

export interface FeedText {
  /** Element names from the root, e.g. "rss/channel/description". */
  path: string;
  kind: TextKind;
  text: string;
}

/** The little of sax (a strict XML parser; a dev dependency) these helpers use; it ships no types. */
interface SaxParser {
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onclosetag: () => void;
  onerror: (err: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, opts: object): SaxParser };

/**
 * RSS 2.0 (and Media RSS) says <description> is entity-encoded HTML and media:* text is HTML only with type="html";
 * every other RSS element is plain text. Atom says it per element, with type="html". content:encoded and Atom
 * <content> carry the article's own HTML.
 */
function kindOf(root: string, name: string, attrs: Record<string, string>): TextKind {
  if (root === 'feed') return attrs.type === 'html' ? (name === 'content' ? 'content' : 'html') : 'text';
  if (name === 'content:encoded') return 'content';
  if (name === 'description') return 'html';
  return name.startsWith('media:') && attrs.type === 'html' ? 'html' : 'text';
}

/** Reads an RSS or Atom document with a strict XML parser into the text of every element that has some. */
export function feedTexts(xml: string): FeedText[] {
  const out: FeedText[] = [];
  const open: { name: string; kind: TextKind; text: string }[] = [];
  const parser = sax.parser(true, {});
  const append = (text: string) => {
    const top = open.at(-1);
    if (top) top.text += text;
  };
  parser.onopentag = ({ name, attributes }) => open.push({ name, kind: kindOf(open[0]?.name ?? name, name, attributes), text: '' });
  parser.ontext = append;
  parser.oncdata = append;
  parser.onclosetag = () => {
    const path = open.map((e) => e.name).join('/');
    const done = open.pop()!;
    if (done.text.trim()) out.push({ path, kind: done.kind, text: done.text });
  };
  parser.onerror = (err) => {
    throw err;
  };
  parser.write(xml).close();
  return out;
}

export interface HtmlElementSeen {
  tag: string;
  attrs: string[];
}

/** The elements an HTML reader builds from `html`, at any depth. */
export function htmlElements(html: string): HtmlElementSeen[] {
  const seen: HtmlElementSeen[] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      seen.push({ tag: child.tagName, attrs: child.attrs.map((a) => a.name) });
      walk(child);
    }
  };
  walk(parseFragment(html));
  return seen;
}

/** What an HTML reader shows for `html`: its text, with character references decoded. */
export function htmlTextContent(html: string): string {
  const text = (node: DefaultTreeAdapterMap['node']): string =>
    'value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';
  return text(parseFragment(html));
}
