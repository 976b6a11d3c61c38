// Error pages: every failure is a friendly page with the right status, never a stack trace.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../ops/log.ts';
import { AppError, errorCatalogue, type ErrorCode } from '../errors.ts';
import type { SiteContext } from '../web/context.ts';
import type { SiteOptions } from './routes.tsx';
import { sendPage } from '../web/render.ts';
import { ErrorView } from './views/listings.tsx';

export function errorPages(app: FastifyInstance, { reader, site }: SiteOptions) {
  const context = async (): Promise<SiteContext> => {
    // The error page must render even when the database is the problem.
    const nav = await reader.sections().then(
      (t) => t.roots(),
      () => [],
    );
    return { ...site, nav };
  };

  app.setNotFoundHandler(async (req, reply) => {
    if (isApi(req.url)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'There is no such API endpoint.' } });
    return sendPage(
      reply,
      <ErrorView site={await context()} status={404} message={errorCatalogue.NOT_FOUND.message} reference={req.id} />,
      404,
    );
  });

  app.setErrorHandler(async (error, req, reply) => {
    let status: number;
    let message: string;
    if (error instanceof AppError) {
      status = error.status;
      message = error.message;
    } else if (typeof (error as { statusCode?: number }).statusCode === 'number' && (error as { statusCode: number }).statusCode < 500) {
      // Fastify's own client errors (malformed URL, bad header, body too large): keep their status.
      status = (error as { statusCode: number }).statusCode;
      const known = frameworkErrorCode(status);
      const detail = String((error as Error).message).slice(0, 200);
      message = known ? errorCatalogue[known].message : `The request could not be understood: ${detail}`;
    } else {
      req.log.error({ err: error }, 'unhandled error');
      status = 500;
      message = errorCatalogue.INTERNAL.message;
    }
    const code = error instanceof AppError ? error.code : status === 500 ? 'INTERNAL' : (frameworkErrorCode(status) ?? 'INVALID_QUERY');
    reply.header('x-error-code', code);
    const retry = error instanceof AppError ? error.details.retryAfterSeconds : undefined;
    if (retry) reply.header('retry-after', String(retry));
    if (isApi(req.url)) {
      const { field, retryAfterSeconds: _r, ...details } = error instanceof AppError ? error.details : {};
      return reply
        .code(status)
        .send({ error: { code, message, ...(field ? { field } : {}), ...(Object.keys(details).length ? { details } : {}) } });
    }
    return sendPage(reply, <ErrorView site={await context()} status={status} message={message} reference={req.id} />, status);
  });
}

const isApi = (url: string) => url.startsWith('/api/');

/**
 * The catalogue code for a client error raised by Fastify or a plugin rather than by us, by its status, so the code
 * never contradicts the status: 413 is Fastify's FST_ERR_CTP_BODY_TOO_LARGE (a Content-Length over the limit, or a
 * body found too large while read) and the multipart plugin's file and part limits. Undefined: no code of its own.
 */
function frameworkErrorCode(status: number): ErrorCode | undefined {
  return status === 413 ? 'PAYLOAD_TOO_LARGE' : undefined;
}

/**
 * Fastify's own request errors (a URL that cannot be decoded, a bad content type) happen before routing;
 * they still get an HTML error page, without navigation since no route ran (a JSON error under /api/).
 */
export function frameworkErrorPage(site: SiteOptions['site']) {
  return (error: { statusCode?: number }, req: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    // No hook runs before this handler, so the request id header is set here.
    reply.header(REQUEST_ID_HEADER, req.id);
    const message = 'The address or request could not be understood.';
    const code = frameworkErrorCode(status) ?? 'INVALID_QUERY';
    // API clients read JSON errors, even for a URL the router could not decode.
    if (isApi(req.url)) return void reply.code(status).header('x-error-code', code).send({ error: { code, message } });
    void sendPage(reply, <ErrorView site={{ ...site, nav: [] }} status={status} message={message} reference={req.id} />, status);
  };
}
