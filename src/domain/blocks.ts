// The article body format: structured blocks, never stored HTML. The server renders these to
// escaped HTML (site/views/blocks.tsx); editors and importers produce them.
import { z } from 'zod';
import { socialPost } from './social.ts';

/** Links may only point to the web, to mail, or within the site: never `javascript:` or `data:`. */
export const safeHref = z
  .string()
  .max(2048)
  .refine((href) => /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href), { message: 'link must be http(s), mailto or a site path' });

export const inlineSchema = z.object({
  text: z.string().max(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: safeHref.optional(),
});
export type Inline = z.infer<typeof inlineSchema>;

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).max(500) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: z.string().min(1).max(500) }),
  z.object({
    type: z.literal('quote'),
    text: z.string().min(1).max(5_000),
    attribution: z.string().max(300).optional(),
    /** A pull quote: a line from the story set large, beside the text. */
    pull: z.literal(true).optional(),
  }),
  /** A fact box: a titled panel of short facts beside the story. */
  z.object({
    type: z.literal('factbox'),
    title: z.string().max(200).optional(),
    items: z.array(z.array(inlineSchema).max(200)).min(1).max(50),
  }),
  /** A card linking to another story of this site; readers see its current headline, picture and section. */
  z.object({
    type: z.literal('articleLink'),
    articleId: z.number().int().positive(),
    /** The headline when it was linked: what the newsroom shows, and a fallback. */
    headline: z.string().max(300),
  }),
  z.object({
    type: z.literal('image'),
    mediaId: z.number().int().positive(),
    alt: z.string().max(500),
    caption: z.string().max(1_000).optional(),
    credit: z.string().max(300).optional(),
  }),
  z.object({
    type: z.literal('list'),
    style: z.enum(['bullet', 'ordered']),
    items: z.array(z.array(inlineSchema).max(200)).min(1).max(200),
  }),
  z
    .object({
      type: z.literal('embed'),
      /** A social post (X, YouTube, Telegram, Instagram, TikTok: domain/social.ts) is rendered as a click-to-load card. */
      kind: z.enum(['video', 'link', 'social']),
      url: z
        .string()
        .url()
        .max(2048)
        .refine((u) => /^https?:/i.test(u), { message: 'embed must be http(s)' }),
      title: z.string().max(300).optional(),
      caption: z.string().max(1_000).optional(),
    })
    .refine((e) => e.kind !== 'social' || socialPost(e.url) !== null, {
      message: 'a social embed must be the address of a post on X, YouTube, Telegram, Instagram or TikTok',
      path: ['url'],
    }),
]);
export type Block = z.infer<typeof blockSchema>;

export const bodySchema = z.array(blockSchema).max(2_000);
export type Body = z.infer<typeof bodySchema>;

/** Parses a stored body; a malformed body is a programming error and throws. */
export function parseBody(json: string): Body {
  return bodySchema.parse(JSON.parse(json));
}

function inlineText(content: Inline[]): string {
  return content.map((i) => i.text).join('');
}

/** The plain text of a body, for search indexing and summaries. */
export function bodyText(body: Body): string {
  const parts: string[] = [];
  for (const block of body) {
    switch (block.type) {
      case 'paragraph':
        parts.push(inlineText(block.content));
        break;
      case 'heading':
        parts.push(block.text);
        break;
      case 'quote':
        parts.push(block.attribution ? `${block.text} ${block.attribution}` : block.text);
        break;
      case 'image':
        if (block.caption) parts.push(block.caption);
        break;
      case 'list':
        for (const item of block.items) parts.push(inlineText(item));
        break;
      case 'embed':
        if (block.title) parts.push(block.title);
        if (block.caption) parts.push(block.caption);
        break;
      case 'factbox':
        if (block.title) parts.push(block.title);
        for (const item of block.items) parts.push(inlineText(item));
        break;
      case 'articleLink':
        break; // the other story's words are not this story's
    }
  }
  return parts.join('\n');
}

/** Stories linked by link cards, so pages can load them with their other listed stories. */
export function bodyArticleIds(body: Body): number[] {
  return [...new Set(body.flatMap((b) => (b.type === 'articleLink' ? [b.articleId] : [])))];
}

/** Media ids referenced by inline image blocks, so pages can load them in one query. */
export function bodyMediaIds(body: Body): number[] {
  return body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
}
