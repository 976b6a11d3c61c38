// How much a request body may hold, and a cheap check of a JSON body's shape before it is parsed. Bodies are read
// only after authentication (http/auth.ts), and most routes need little: a large limit is granted per route.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { UPLOAD_LIMITS } from '../media/upload.ts';

/** Every route unless it says otherwise: forms and JSON commands are a few kilobytes. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
/** Saving an article: the body travels as JSON (inside a form field, from the newsroom). */
export const ARTICLE_BODY_LIMIT = 4 * 1024 * 1024;
/** A picture upload: the largest file the media library takes, plus its text fields and multipart framing. */
export const UPLOAD_BODY_LIMIT = UPLOAD_LIMITS.bytes + 64 * 1024;
/** The sign-in form, the one body an anonymous request may send. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;

/** Deeper than any article body (blocks → runs → marks) ever nests. */
export const JSON_MAX_DEPTH = 32;
/** Values in one body: a long article has a few thousand. */
export const JSON_MAX_VALUES = 200_000;

/**
 * Why a JSON text is refused before parsing (too deep, too many values), or null. One pass over the characters,
 * tracking strings, so a 4 MB `[[[[…` or a million empty strings costs milliseconds, not the seconds that
 * parsing and then walking them took.
 */
export function jsonShapeProblem(text: string, maxDepth = JSON_MAX_DEPTH, maxValues = JSON_MAX_VALUES): string | null {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return `The JSON body nests deeper than ${maxDepth} levels.`;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++values > maxValues) return `The JSON body holds more than ${maxValues} values.`;
  }
  return null;
}

/**
 * A body announced (Content-Length) as larger than the route allows is refused when the request arrives, before a
 * byte of it is read. Refused here rather than by the parser, the connection stays open and Node reads the rest
 * off the wire unparsed, so the client sees the 413 rather than a reset while it is still sending.
 */
export function registerEarlySizeCheck(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    const length = Number(req.headers['content-length']);
    if (length > (req.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT)) throw new AppError('PAYLOAD_TOO_LARGE');
  });
}

/** Replaces Fastify's JSON parser with one that refuses a hostile shape first, then parses as Fastify does. */
export function registerJsonShapeCheck(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'ignore'); // Fastify's defaults for __proto__ and constructor
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const problem = jsonShapeProblem(body as string);
    if (problem) return done(new AppError('INVALID_INPUT', problem), undefined);
    parse(req, body as string, done);
  });
}
