// Input parsing and paging shared by the services. Services parse what they are given (whichever door or
// command calls them), so input is parsed in one place. Lists come in pages: a limit, and an opaque cursor that
// names the last item seen (keyset paging, so a page costs the same at the end of a million-row list as at
// its start, and nothing is skipped or repeated when rows arrive meanwhile).
import { z } from 'zod';
import { invalidInput } from '../errors.ts';

/** Parses a value with a schema, or INVALID_INPUT naming the first bad field. */
export function parseWith<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw invalidInput(r.error.issues);
  return r.data;
}

/** The cursor a list answered, decoded into the position `shape` describes; anything else is INVALID_INPUT. */
const cursor = <T extends z.ZodType>(shape: T) =>
  z
    .string()
    .max(400)
    .describe('nextCursor of the previous page')
    .transform((s, ctx): z.output<T> => {
      try {
        const r = shape.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
        if (r.success) return r.data;
      } catch {
        // not base64url JSON: refused below like any other cursor we did not give
      }
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this API gave' });
      return z.NEVER;
    });

/** The query of a paged list: its cursor (the position of the last item seen) and the items a page holds. */
export const pageQuery = <T extends z.ZodType>(position: T, defaultLimit = 50) =>
  z.object({
    cursor: cursor(position).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(defaultLimit),
  });

export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}

/**
 * Makes a page from rows read with limit + 1 (the extra row only says whether there is more); the cursor is
 * the position of the last item on the page.
 */
export function page<R, I = R>(
  rows: R[],
  limit: number,
  position: (r: R) => unknown,
  present: (r: R) => I = (r) => r as unknown as I,
): Page<I> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last !== undefined;
  return { items: items.map(present), nextCursor: more ? Buffer.from(JSON.stringify(position(last))).toString('base64url') : null };
}
