// Every request's parsed body is checked for text that cannot be stored as sent (NUL, unpaired surrogates: see
// domain/text.ts) before any handler sees it, so no door can pass it to the database: a NUL in a saved field was
// a 500 on PostgreSQL, and a lone surrogate was stored differently from what was acknowledged. Query strings are
// not stored; readers' searches give a page whatever they contain (the one query that reaches SQL as text, the
// media search, drops NULs in store/media.ts). Found by the hostile-input suite (test/hostile).
import type { FastifyInstance } from 'fastify';
import { unstorableText } from '../domain/text.ts';
import { AppError } from '../errors.ts';

/** Throws INVALID_INPUT ("headline: must not contain NUL characters") for unstorable text anywhere in `value`. */
export function assertStorableText(value: unknown): void {
  const bad = unstorableText(value);
  if (bad) throw new AppError('INVALID_INPUT', `${bad.field || 'input'}: ${bad.problem}`, { field: bad.field });
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    assertStorableText(req.body);
  });
}
