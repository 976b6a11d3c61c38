// The shape of the demo content: plain data written by us, loaded by demo/seed.ts into an empty database.
import type { Block, Inline } from '../domain/blocks.ts';

export interface DemoSection {
  /** Slug path, e.g. "news/europe". The parent ("news") must be listed before its children. */
  path: string;
  name: string;
  description?: string;
}

export interface DemoPerson {
  slug: string;
  name: string;
  /** Job title shown on the author page, e.g. "Europe correspondent". */
  title: string;
  bio: string;
}

/** A generated picture: abstract shapes in a palette, so no network and no third-party photo is needed. */
export interface DemoImage {
  caption: string;
  credit: string;
  alt: string;
  /** Two or three CSS hex colours that the generated picture is painted in. */
  palette: string[];
}

/** Body blocks as written in demo files; image blocks carry a DemoImage that the seeder turns into media. */
export type DemoBlock = Exclude<Block, { type: 'image' }> | { type: 'image'; image: DemoImage };

export interface DemoArticle {
  headline: string;
  standfirst: string;
  /** Primary section path (breadcrumb). */
  section: string;
  /** Other sections the article also appears in. */
  alsoIn?: string[];
  kind: 'news' | 'opinion' | 'analysis' | 'video' | 'live';
  /** Author slugs, in byline order. */
  authors: string[];
  /** Tag names; slugs are derived. */
  tags: string[];
  /** How long before the seed time the article was first published, in hours. */
  hoursAgo: number;
  /** When set, the article shows an "Updated" time this many hours after first publication. */
  updatedAfterHours?: number;
  hero?: DemoImage;
  body: DemoBlock[];
}

export interface DemoCollection {
  slug: string;
  name: string;
  /** Headlines of the articles, in order. */
  headlines: string[];
}

// Small builders so demo files read like copy rather than JSON.

/** A paragraph. `**bold**`, `*italic*` and `[text](https://…)` are turned into marks. */
export function p(text: string): DemoBlock {
  return { type: 'paragraph', content: parseInline(text) };
}
export function h(text: string, level: 2 | 3 = 2): DemoBlock {
  return { type: 'heading', level, text };
}
export function quote(text: string, attribution?: string): DemoBlock {
  return attribution ? { type: 'quote', text, attribution } : { type: 'quote', text };
}
export function list(items: string[], style: 'bullet' | 'ordered' = 'bullet'): DemoBlock {
  return { type: 'list', style, items: items.map(parseInline) };
}
export function img(image: DemoImage): DemoBlock {
  return { type: 'image', image };
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((\S+?)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true });
    else if (m[2] !== undefined) out.push({ text: m[2], italic: true });
    else out.push({ text: m[3]!, href: m[4]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
