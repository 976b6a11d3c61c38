// What an editor sends for an article. The same schema serves the newsroom forms and the JSON API, and a
// parsed value is exactly what a revision stores as its snapshot.
import { z } from 'zod';
import { ARTICLE_KINDS } from '../../domain/article.ts';
import { bodySchema } from '../../domain/blocks.ts';
import { isSlug } from '../../domain/slug.ts';
import { videoSchema } from '../../domain/video.ts';

const id = z.number().int().positive();

export const articleInputSchema = z.object({
  headline: z.string().trim().min(1, 'must not be empty').max(300),
  standfirst: z.string().trim().max(1_000).default(''),
  /** Empty means "derive from the headline". */
  slug: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isSlug(s), 'must be lower-case letters and digits joined by single hyphens'),
  body: bodySchema.default([]),
  kind: z.enum(ARTICLE_KINDS).default('news'),
  primarySectionId: id,
  extraSectionIds: z.array(id).max(10).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  authorIds: z.array(id).max(10).default([]),
  hero: z
    .object({
      mediaId: id,
      caption: z.string().trim().max(1_000).default(''),
      credit: z.string().trim().max(300).default(''),
      alt: z.string().trim().min(1, 'alt text is required for the hero image').max(500),
    })
    .nullable()
    .default(null),
  /** For video articles: the stream or file, duration, poster and caption tracks. */
  video: videoSchema.nullable().default(null),
  seoTitle: z.string().trim().max(200).default(''),
  seoDescription: z.string().trim().max(500).default(''),
});

export type ArticleInput = z.output<typeof articleInputSchema>;
export type ArticleInputRaw = z.input<typeof articleInputSchema>;

export const transitionSchema = z.object({ note: z.string().trim().max(1_000).default('') });
export const scheduleSchema = transitionSchema.extend({
  at: z.string().datetime({ offset: true, message: 'must be a date and time with a time zone' }),
});
export const correctionSchema = z.object({
  kind: z.enum(['correction', 'clarification']),
  note: z.string().trim().min(1, 'must not be empty').max(2_000),
});
/** "Update": publish a published article's held changes, naming the revision the editor saw. */
export const updateSchema = transitionSchema.extend({
  revision: z.coerce.number().int().positive(),
  /** Show readers an "Updated" time. */
  significantUpdate: z.preprocess((v) => v === '1' || v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
/** "Discard changes": go back to what readers see, naming the revision the editor saw. */
export const discardSchema = z.object({ revision: z.coerce.number().int().positive() });

/** A save through the API: the article, and the revision the editor started from (a later one is a conflict). */
export const saveArticleBody = z.object({
  baseRevision: z.number().int().positive(),
  article: articleInputSchema,
  autosave: z.boolean().default(false),
});

/** Bring back revision `revision` as a new one; baseRevision as in a save. */
export const restoreBody = z.object({ revision: z.number().int().positive(), baseRevision: z.number().int().positive() });
