// Request bodies of the JSON API. Types come from these; the OpenAPI document is generated from them.
import { z } from 'zod';
import { MAX_ID } from '../domain/urls.ts';
import { ROLES } from '../domain/permissions.ts';
import {
  articleInputSchema,
  correctionSchema,
  discardSchema,
  scheduleSchema,
  transitionSchema,
  updateSchema,
} from '../services/newsroom/schema.ts';
import { collectionItemsSchema, sectionSchema } from '../services/newsroom/curation.ts';

export const idParams = z.object({
  id: z.coerce.number().int().positive().max(MAX_ID),
});
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export const saveArticleBody = z.object({
  baseRevision: z.number().int().positive(),
  article: articleInputSchema,
  autosave: z.boolean().default(false),
});
export const restoreBody = z.object({ revision: z.number().int().positive(), baseRevision: z.number().int().positive() });
export const listArticlesQuery = z.object({
  status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const newUserBody = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  password: z.string(),
  personId: z.number().int().positive().nullable().optional(),
});
export const roleBody = z.object({ role: z.enum(ROLES) });
export const tokenBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80) });

export {
  articleInputSchema,
  collectionItemsSchema,
  correctionSchema,
  discardSchema,
  scheduleSchema,
  sectionSchema,
  transitionSchema,
  updateSchema,
};
