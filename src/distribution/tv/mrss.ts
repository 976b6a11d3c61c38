// Media RSS: the same videos for TV platforms that read MRSS. Every text value is XML-escaped.

import { clip, mimeOf, type TvItem } from '../../domain/video.ts';

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export interface MrssInput {
  title: string;
  link: string;
  selfUrl: string;
  language: string;
  items: TvItem[];
}

export function mrssFeed(f: MrssInput): string {
  const items = f.items.map((i) => {
    const t = i.thumbnail!;
    return `<item>
<title>${escapeXml(i.title)}</title>
<link>${escapeXml(i.url)}</link>
<guid isPermaLink="false">urn:masthead:article:${i.id}</guid>
<pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>
<description>${escapeXml(clip(i.description, 500))}</description>
<media:content url="${escapeXml(i.video.url)}" type="${mimeOf(i.video)}" medium="video" duration="${i.video.durationSeconds}">
<media:title>${escapeXml(i.title)}</media:title>
<media:description>${escapeXml(clip(i.description, 500))}</media:description>
<media:thumbnail url="${escapeXml(t.url)}" width="${t.width}" height="${t.height}"/>
${i.video.captions.map((c) => `<media:subTitle type="text/vtt" lang="${escapeXml(c.language)}" href="${escapeXml(c.url)}"/>`).join('\n')}
</media:content>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(f.title)}</title>
<link>${escapeXml(f.link)}</link>
<description>${escapeXml(`Videos from ${f.title}`)}</description>
<language>${escapeXml(f.language)}</language>
<atom:link href="${escapeXml(f.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}
