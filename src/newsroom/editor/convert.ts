// Pure conversions between the stored article body (src/domain/blocks.ts) and the editor's
// Tiptap/ProseMirror JSON document. No DOM, no zod at runtime: this module is bundled into the
// browser editor, so the schema's rules are mirrored here (LIMITS, isSafeHref, isEmbedUrl) and
// convert.test.ts checks every output against `bodySchema` itself.
import { socialPost } from '../../domain/social.ts';
import type { JSONContent } from '@tiptap/core';
import type { Block, Body, Inline } from '../../domain/blocks.ts';
import {
  LIMITS,
  collectRuns,
  inlineContent,
  isEmbedUrl,
  isSafeHref,
  limitRuns,
  optional,
  plain,
  plainText,
  str,
  truncate,
  withContent,
} from './convert-inline.ts';

export { LIMITS, isEmbedUrl, isSafeHref, truncate };

/** Node names of the editor's custom nodes (see nodes.ts). */
export const QUOTE = 'mastheadQuote';
export const IMAGE = 'mastheadImage';
export const EMBED = 'mastheadEmbed';
export const FACTBOX = 'mastheadFactbox';
export const ARTICLE_LINK = 'mastheadArticleLink';

export interface BlocksToDocOptions {
  /** Preview URL for an image block's media id (display only; never stored in the body). */
  mediaSrc?: (mediaId: number) => string | undefined;
}

// ---------------------------------------------------------------------------------------------
// blocks → doc

function blockToNode(block: Block, opts: BlocksToDocOptions): JSONContent | undefined {
  switch (block.type) {
    case 'paragraph':
      return withContent({ type: 'paragraph' }, inlineContent(block.content));
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: block.level === 3 ? 3 : 2 } }, plain(block.text));
    case 'quote':
      return withContent({ type: QUOTE, attrs: { attribution: block.attribution ?? '', pull: block.pull === true } }, plain(block.text));
    case 'factbox': {
      const items = (block.items ?? []).map((item) => withContent({ type: 'paragraph' }, inlineContent(item)));
      return { type: FACTBOX, attrs: { title: block.title ?? '' }, content: items.length ? items : [{ type: 'paragraph' }] };
    }
    case 'articleLink':
      return { type: ARTICLE_LINK, attrs: { articleId: block.articleId, headline: block.headline } };
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
      if (!text) return;
      const quote: Block = { type: 'quote', text };
      if (attribution) quote.attribution = attribution;
      if (attrs.pull === true) quote.pull = true;
      out.push(quote);
      return;
    }
    case FACTBOX: {
      const items: Inline[][] = [];
      for (const item of node.content ?? []) {
        const runs = limitRuns(collectRuns(item?.content, []), LIMITS.itemRuns);
        if (runs.length && items.length < LIMITS.factItems) items.push(runs);
      }
      if (!items.length) return; // a fact box with no facts says nothing
      const title = optional(attrs.title, LIMITS.factTitle);
      out.push(title ? { type: 'factbox', title, items } : { type: 'factbox', items });
      return;
    }
    case ARTICLE_LINK: {
      const articleId = Number(attrs.articleId);
      if (!Number.isSafeInteger(articleId) || articleId <= 0) return;
      out.push({ type: 'articleLink', articleId, headline: truncate(str(attrs.headline), LIMITS.title) });
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
