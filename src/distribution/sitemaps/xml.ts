// The sitemap XML, written by hand: every text value goes through xmlText, which drops characters XML 1.0 cannot
// carry and escapes the five markup characters, so a headline can never break or inject markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Everything outside XML 1.0's Char production: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
} as const;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface NewsFacts {
  publicationName: string;
  language: string;
  publicationDate: string;
  title: string;
}

export interface UrlEntry {
  loc: string;
  lastmod?: string | undefined;
  /** Absolute URLs of pictures on the page (image sitemap extension). */
  images?: string[];
  news?: NewsFacts;
}

export interface SitemapRef {
  loc: string;
  lastmod?: string | undefined;
}

const tag = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;

function urlEntry(e: UrlEntry): string {
  const parts = [tag('loc', e.loc)];
  if (e.lastmod) parts.push(tag('lastmod', e.lastmod));
  for (const image of e.images ?? []) parts.push(`<image:image>${tag('image:loc', image)}</image:image>`);
  if (e.news) {
    const n = e.news;
    parts.push(
      '<news:news>' +
        `<news:publication>${tag('news:name', n.publicationName)}${tag('news:language', n.language)}</news:publication>` +
        tag('news:publication_date', n.publicationDate) +
        tag('news:title', n.title) +
        '</news:news>',
    );
  }
  return `  <url>${parts.join('')}</url>\n`;
}

/** A <urlset>; `extensions` names the extension namespaces to declare (whether or not any entry uses them). */
export function urlset(entries: UrlEntry[], extensions: ('image' | 'news')[] = []): string {
  const xmlns = [`xmlns="${NS.sitemap}"`, ...extensions.map((x) => `xmlns:${x}="${NS[x]}"`)].join(' ');
  return `${DECLARATION}<urlset ${xmlns}>\n${entries.map(urlEntry).join('')}</urlset>\n`;
}

export function sitemapIndex(sitemaps: SitemapRef[]): string {
  const body = sitemaps.map((s) => `  <sitemap>${tag('loc', s.loc)}${s.lastmod ? tag('lastmod', s.lastmod) : ''}</sitemap>\n`).join('');
  return `${DECLARATION}<sitemapindex xmlns="${NS.sitemap}">\n${body}</sitemapindex>\n`;
}
