// Pure conversions between the stored article body (src/domain/blocks.ts) and the editor's
// Tiptap/ProseMirror JSON document. No DOM, no zod at runtime: this module is bundled into the
// browser editor, so the schema's rules are mirrored here (LIMITS, isSafeHref, isEmbedUrl) and
// convert.test.ts checks every output against `bodySchema` itself.
import { socialPost } from '../../domain/social.ts';
import type { JSONContent } from '@tiptap/core';
import type { Block, Body, Inline } from '../../domain/blocks.ts';

/** Node names of the editor's custom nodes (see nodes.ts). */
export const QUOTE = 'mastheadQuote';
export const IMAGE = 'mastheadImage';
export const EMBED = 'mastheadEmbed';

/** The maxima of `blockSchema`, mirrored so that docToBlocks can truncate instead of failing. */
export const LIMITS = {
  blocks: 2_000,
  inlineText: 20_000,
  paragraphRuns: 500,
  heading: 500,
  quote: 5_000,
  attribution: 300,
  alt: 500,
  caption: 1_000,
  credit: 300,
  listItems: 200,
  itemRuns: 200,
  url: 2_048,
  title: 300,
} as const;

/** Same rule as `safeHref`: http(s), mailto, a site path (not `//host`) or a fragment. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= LIMITS.url && /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href);
}

/** An embed URL the schema accepts: absolute http(s), parseable, no stray whitespace. */
export function isEmbedUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > LIMITS.url || url !== url.trim() || /[\t\n\r]/.test(url)) return false;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

export interface BlocksToDocOptions {
  /** Preview URL for an image block's media id (display only; never stored in the body). */
  mediaSrc?: (mediaId: number) => string | undefined;
}

// ---------------------------------------------------------------------------------------------
// blocks → doc

function textNode(run: Inline): JSONContent {
  const marks: NonNullable<JSONContent['marks']> = [];
  if (run.bold) marks.push({ type: 'bold' });
  if (run.italic) marks.push({ type: 'italic' });
  if (run.href) marks.push({ type: 'link', attrs: { href: run.href } });
  return marks.length ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text };
}

function inlineContent(runs: readonly Inline[] | undefined): JSONContent[] {
  return (runs ?? []).filter((r) => typeof r?.text === 'string' && r.text !== '').map(textNode);
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  return content.length ? { ...node, content } : node;
}

function plain(text: string | undefined): JSONContent[] {
  return text ? [{ type: 'text', text }] : [];
}

function blockToNode(block: Block, opts: BlocksToDocOptions): JSONContent | undefined {
  switch (block.type) {
    case 'paragraph':
      return withContent({ type: 'paragraph' }, inlineContent(block.content));
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: block.level === 3 ? 3 : 2 } }, plain(block.text));
    case 'quote':
      return withContent({ type: QUOTE, attrs: { attribution: block.attribution ?? '' } }, plain(block.text));
    case 'image':
      return {
        type: IMAGE,
        attrs: {
          mediaId: block.mediaId,
          alt: block.alt ?? '',
          caption: block.caption ?? '',
          credit: block.credit ?? '',
          src: opts.mediaSrc?.(block.mediaId) ?? '',
        },
      };
    case 'list':
      return {
        type: block.style === 'ordered' ? 'orderedList' : 'bulletList',
        content: (block.items ?? []).map((item) => ({
          type: 'listItem',
          content: [withContent({ type: 'paragraph' }, inlineContent(item))],
        })),
      };
    case 'embed':
      return {
        type: EMBED,
        attrs: { kind: block.kind, url: block.url, title: block.title ?? '', caption: block.caption ?? '' },
      };
    default:
      return undefined;
  }
}

/** The editor document for a stored body. An empty body becomes one empty paragraph. */
export function blocksToDoc(blocks: Body, opts: BlocksToDocOptions = {}): JSONContent {
  const content: JSONContent[] = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const node = block && typeof block === 'object' ? blockToNode(block, opts) : undefined;
    if (node) content.push(node);
  }
  if (!content.length) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}

// ---------------------------------------------------------------------------------------------
// doc → blocks

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optional(value: unknown, max: number): string | undefined {
  const text = truncate(str(value), max);
  return text === '' ? undefined : text;
}

function sameMarks(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

function pushRun(out: Inline[], run: Inline): void {
  if (run.text === '') return;
  const last = out[out.length - 1];
  if (last && sameMarks(last, run)) last.text += run.text;
  else out.push(run);
}

function runFromText(node: JSONContent): Inline {
  const marks = node.marks ?? [];
  const run: Inline = { text: str(node.text) };
  // Keys in a fixed order (text, bold, italic, href) so the stored JSON diffs cleanly.
  if (marks.some((m) => m.type === 'bold' || m.type === 'strong')) run.bold = true;
  if (marks.some((m) => m.type === 'italic' || m.type === 'em')) run.italic = true;
  const href: unknown = marks.find((m) => m.type === 'link')?.attrs?.href;
  if (isSafeHref(href)) run.href = href;
  return run;
}

/** Collects the inline runs under `node`; textblocks after the first are joined by a space. */
function collectRuns(nodes: readonly JSONContent[] | undefined, out: Inline[], state = { blocks: 0 }): Inline[] {
  for (const node of nodes ?? []) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text') pushRun(out, runFromText(node));
    else if (node.type === 'hardBreak') pushRun(out, { text: ' ' });
    else if (node.content) {
      const isTextblock = node.content.some((c) => c?.type === 'text' || c?.type === 'hardBreak');
      const prev = out[out.length - 1];
      if (isTextblock && state.blocks++ > 0 && prev && !/\s$/.test(prev.text)) pushRun(out, { text: ' ' });
      collectRuns(node.content, out, state);
    }
  }
  return out;
}

/** Truncates each run and folds runs beyond `maxRuns` into one unformatted final run. */
function limitRuns(runs: Inline[], maxRuns: number): Inline[] {
  if (runs.length > maxRuns) {
    const tail = runs
      .splice(maxRuns - 1)
      .map((r) => r.text)
      .join('');
    const prev = runs[runs.length - 1];
    if (prev && !prev.bold && !prev.italic && !prev.href) prev.text += tail;
    else runs.push({ text: tail });
  }
  return runs.map((r) => ({ ...r, text: truncate(r.text, LIMITS.inlineText) }));
}

function plainText(node: JSONContent): string {
  return collectRuns(node.content, [])
    .map((r) => r.text)
    .join('');
}

function clampLevel(level: unknown): 2 | 3 {
  const n = Number(level);
  return n >= 3 ? 3 : 2;
}

function listBlocks(node: JSONContent): Block[] {
  const items: Inline[][] = [];
  for (const item of node.content ?? []) {
    const runs = limitRuns(collectRuns(item?.type === 'listItem' ? item.content : [item], []), LIMITS.itemRuns);
    if (runs.length) items.push(runs);
  }
  const style = node.type === 'orderedList' ? 'ordered' : 'bullet';
  const out: Block[] = [];
  for (let i = 0; i < items.length; i += LIMITS.listItems) {
    out.push({ type: 'list', style, items: items.slice(i, i + LIMITS.listItems) });
  }
  return out;
}

function nodeToBlocks(node: JSONContent, out: Block[]): void {
  if (!node || typeof node !== 'object') return;
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
    case 'codeBlock': {
      let runs = collectRuns(node.content, []);
      if (node.type === 'codeBlock') runs = [{ text: runs.map((r) => r.text).join('') }].filter((r) => r.text);
      const content = limitRuns(runs, LIMITS.paragraphRuns);
      if (content.length) out.push({ type: 'paragraph', content });
      return;
    }
    case 'heading': {
      const text = truncate(plainText(node), LIMITS.heading);
      if (text) out.push({ type: 'heading', level: clampLevel(attrs.level), text });
      return;
    }
    case QUOTE:
    case 'blockquote': {
      const text = truncate(plainText(node), LIMITS.quote);
      const attribution = optional(attrs.attribution, LIMITS.attribution);
      if (text) out.push(attribution ? { type: 'quote', text, attribution } : { type: 'quote', text });
      return;
    }
    case IMAGE: {
      const mediaId = Number(attrs.mediaId);
      if (!Number.isSafeInteger(mediaId) || mediaId <= 0) return;
      const image: Block = { type: 'image', mediaId, alt: truncate(str(attrs.alt), LIMITS.alt) };
      const caption = optional(attrs.caption, LIMITS.caption);
      const credit = optional(attrs.credit, LIMITS.credit);
      if (caption) image.caption = caption;
      if (credit) image.credit = credit;
      out.push(image);
      return;
    }
    case EMBED: {
      const url = str(attrs.url).trim();
      if (!isEmbedUrl(url)) return;
      const kind = attrs.kind === 'social' && socialPost(url) ? 'social' : attrs.kind === 'video' ? 'video' : 'link';
      const embed: Block = { type: 'embed', kind, url };
      const title = optional(attrs.title, LIMITS.title);
      const caption = optional(attrs.caption, LIMITS.caption);
      if (title) embed.title = title;
      if (caption) embed.caption = caption;
      out.push(embed);
      return;
    }
    case 'bulletList':
    case 'orderedList':
      out.push(...listBlocks(node));
      return;
    case 'text':
    case 'hardBreak':
      nodeToBlocks({ type: 'paragraph', content: [node] }, out);
      return;
    default:
      // Unknown wrappers (a nested doc, a stray listItem, …): keep the text of their children.
      for (const child of node.content ?? []) nodeToBlocks(child, out);
  }
}

/** The stored body for an editor document. The result always satisfies `bodySchema`. */
export function docToBlocks(doc: JSONContent): Body {
  const out: Block[] = [];
  if (doc && typeof doc === 'object') {
    if (doc.type === 'doc' || !doc.type) for (const node of doc.content ?? []) nodeToBlocks(node, out);
    else nodeToBlocks(doc, out);
  }
  return out.slice(0, LIMITS.blocks);
}

/** Pasted HTML: h1 becomes h2 and h4–h6 become h3, the only levels the body allows. */
export function clampPastedHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>/])/gi, (_m, slash: string, level: string) => `<${slash}h${Number(level) <= 2 ? 2 : 3}`);
}
