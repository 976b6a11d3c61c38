// Request schemas for the reader site. Malformed values become clear 400 pages, never 500s.
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Repeated query parameters (?page=1&page=2) count as their first value. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const articleId = z.preprocess(
  first,
  z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/)
    .transform(Number)
    .optional(),
);

export const pageQuery = z.object({
  page: z
    .preprocess(
      first,
      z
        .string()
        .regex(/^[1-9][0-9]{0,5}$/)
        .transform(Number)
        .optional(),
    )
    .transform((p) => p ?? 1),
  /** Keyset cursors written by the pagination links (see store/articles.ts PageRequest). */
  before: articleId,
  after: articleId,
});

/** Search text of any length gives a page: only the first 1,000 characters are searched. */
export const searchQuery = pageQuery.extend({
  q: z.preprocess(first, z.string().optional()).transform((q) => (q ?? '').slice(0, 1_000)),
});

/** Parses with a schema; a failure on `page` is INVALID_PAGE_NUMBER, anything else INVALID_QUERY. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path[0];
  if (field === 'before' || field === 'after') throw new AppError('INVALID_PAGE_CURSOR');
  throw new AppError(field === 'page' ? 'INVALID_PAGE_NUMBER' : 'INVALID_QUERY');
}
