// Media RSS: the same videos for TV platforms that read MRSS. Written with the feeds' XML writer, so every text
// and attribute is escaped by one helper; <description> is HTML in RSS, so plain text goes in through htmlOfText,
// while media:title and media:description are plain text (MRSS's default type="plain").

import { clip, mimeOf, type TvItem } from '../../domain/video.ts';
import { el, htmlOfText, xmlDocument, type XmlElement } from '../feeds/xml.ts';

export interface MrssInput {
  title: string;
  link: string;
  selfUrl: string;
  language: string;
  items: TvItem[];
}

const NS = { media: 'http://search.yahoo.com/mrss/', atom: 'http://www.w3.org/2005/Atom' };

function mediaContent(i: TvItem, description: string): XmlElement {
  const t = i.thumbnail!;
  return el(
    'media:content',
    { url: i.video.url, type: mimeOf(i.video), medium: 'video', duration: i.video.durationSeconds },
    el('media:title', undefined, i.title),
    el('media:description', undefined, description),
    el('media:thumbnail', { url: t.url, width: t.width, height: t.height }),
    i.video.captions.map((c) => el('media:subTitle', { type: 'text/vtt', lang: c.language, href: c.url })),
  );
}

function item(i: TvItem): XmlElement {
  const description = clip(i.description, 500);
  return el(
    'item',
    undefined,
    el('title', undefined, i.title),
    el('link', undefined, i.url),
    el('guid', { isPermaLink: 'false' }, `urn:masthead:article:${i.id}`),
    el('pubDate', undefined, new Date(i.publishedAt).toUTCString()),
    el('description', undefined, htmlOfText(description)),
    mediaContent(i, description),
  );
}

export function mrssFeed(f: MrssInput): string {
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:media': NS.media, 'xmlns:atom': NS.atom },
      el(
        'channel',
        undefined,
        el('title', undefined, f.title),
        el('link', undefined, f.link),
        el('description', undefined, htmlOfText(`Videos from ${f.title}`)),
        el('language', undefined, f.language),
        el('atom:link', { href: f.selfUrl, rel: 'self', type: 'application/rss+xml' }),
        f.items.map(item),
      ),
    ),
  );
}
