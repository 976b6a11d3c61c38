// Error pages: every failure is a friendly page with the right status, never a stack trace.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../ops/log.ts';
import { errorCatalogue } from '../errors.ts';
import { errorHeaders, frameworkErrorCode, isApiRequest, presentError, sendJsonError } from '../web/errors.ts';
import type { SiteContext } from '../web/context.ts';
import type { SiteOptions } from './routes.tsx';
import { sendPage } from '../web/render.ts';
import { ErrorView } from './views/listings.tsx';

export function errorPages(app: FastifyInstance, { reader, site }: SiteOptions) {
  const context = async (): Promise<SiteContext> => {
    // The error page must render even when the database is the problem.
    const [nav, pages] = await Promise.all([
      reader.sections().then(
        (t) => t.roots(),
        () => [],
      ),
      reader.sitePages().catch(() => []),
    ]);
    return { ...site, nav, pages };
  };

  app.setNotFoundHandler(async (req, reply) => {
    if (isApiRequest(req.url)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'There is no such API endpoint.' } });
    return sendPage(
      reply,
      <ErrorView site={await context()} status={404} message={errorCatalogue.NOT_FOUND.message} reference={req.id} />,
      404,
    );
  });

  app.setErrorHandler(async (error, req, reply) => {
    const e = presentError(error, (err) => req.log.error({ err }, 'unhandled error'));
    if (isApiRequest(req.url)) return sendJsonError(reply, e);
    errorHeaders(reply, e);
    return sendPage(reply, <ErrorView site={await context()} status={e.status} message={e.message} reference={req.id} />, e.status);
  });
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
    if (isApiRequest(req.url)) return void reply.code(status).header('x-error-code', code).send({ error: { code, message } });
    void sendPage(reply, <ErrorView site={{ ...site, nav: [] }} status={status} message={message} reference={req.id} />, status);
  };
}
