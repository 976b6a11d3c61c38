// How any error becomes an answer, whichever door it came through: its status, stable code and message (the
// catalogue in src/errors.ts), and the JSON body API clients read. HTML error pages are the reader site's
// (src/site/errors.tsx), which calls these.
import type { FastifyReply } from 'fastify';
import { AppError, errorCatalogue, type ErrorCode } from '../errors.ts';

export interface PresentedError {
  status: number;
  code: ErrorCode;
  message: string;
  /** The input field at fault, when there is one. */
  field?: unknown;
  /** Further details for API clients (e.g. a conflict's other version). */
  details: Record<string, unknown>;
  retryAfterSeconds?: number;
}

/** API clients read JSON errors; everything else gets a page. */
export const isApiRequest = (url: string) => url.startsWith('/api/');

/**
 * The catalogue code for a client error raised by Fastify or a plugin rather than by us, by its status, so the code
 * never contradicts the status: 413 is Fastify's FST_ERR_CTP_BODY_TOO_LARGE (a Content-Length over the limit, or a
 * body found too large while read) and the multipart plugin's file and part limits. Undefined: no code of its own.
 */
export function frameworkErrorCode(status: number): ErrorCode | undefined {
  return status === 413 ? 'PAYLOAD_TOO_LARGE' : undefined;
}

/** Classifies a thrown error; `unexpected` is told about anything that is not a client error (it is logged). */
export function presentError(error: unknown, unexpected: (err: unknown) => void): PresentedError {
  if (error instanceof AppError) {
    const { field, retryAfterSeconds, ...details } = error.details;
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      field,
      details,
      retryAfterSeconds: retryAfterSeconds as number | undefined,
    };
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number' && statusCode < 500) {
    // Fastify's own client errors (malformed URL, bad header, body too large): keep their status.
    const known = frameworkErrorCode(statusCode);
    const detail = String((error as Error).message).slice(0, 200);
    return {
      status: statusCode,
      code: known ?? 'INVALID_QUERY',
      message: known ? errorCatalogue[known].message : `The request could not be understood: ${detail}`,
      details: {},
    };
  }
  unexpected(error);
  return { status: 500, code: 'INTERNAL', message: errorCatalogue.INTERNAL.message, details: {} };
}

/** The headers every error answer carries: its code, and when to try again. */
export function errorHeaders(reply: FastifyReply, e: Pick<PresentedError, 'code' | 'retryAfterSeconds'>): FastifyReply {
  reply.header('x-error-code', e.code);
  if (e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
  return reply;
}

/** `{"error": {"code", "message", "field"?, "details"?}}`, as the README documents. */
export function sendJsonError(reply: FastifyReply, e: PresentedError): FastifyReply {
  const { status, code, message, field, details } = e;
  return errorHeaders(reply, e)
    .code(status)
    .send({ error: { code, message, ...(field ? { field } : {}), ...(Object.keys(details).length ? { details } : {}) } });
}
