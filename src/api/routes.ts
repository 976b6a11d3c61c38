// The JSON admin API: the same operations as the newsroom, one route table that both registers the routes
// and describes them in the OpenAPI document.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import { can, type Operation } from '../domain/permissions.ts';
import { AppError, invalidInput } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import { ARTICLE_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import * as s from './schema.ts';
import { describeSchema } from '../services/media.ts';
import { readMultipart } from './multipart.ts';
import { ARTICLE_ACTIONS, type ArticleAction } from '../services/newsroom/actions.ts';
import { presentDeskRow, presentToken } from './presenters.ts';

type Actor = ReturnType<typeof actorOf>;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  /** The permission the operation needs: its role is checked before the body is read, the rest by the service. */
  op?: Operation;
  body?: z.ZodType;
  query?: z.ZodType;
  status?: number;
  /** The body is multipart/form-data with one `file` and text fields. */
  multipart?: boolean;
  /** Bytes the body may hold, when more than DEFAULT_BODY_LIMIT (src/http/body-limits.ts). */
  bodyLimit?: number;
  handler: (ctx: {
    actor: Actor;
    req: FastifyRequest;
    params: Record<string, string>;
    body: any;
    query: any;
    services: Services;
  }) => Promise<unknown>;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw invalidInput(r.error.issues);
  return r.data;
}

const idOf = (params: Record<string, string>) => {
  const r = s.idParams.safeParse(params);
  if (!r.success) throw new AppError('NOT_FOUND', 'There is no such item.');
  return r.data.id;
};

export const apiRoutes: ApiRoute[] = [
  { method: 'GET', url: '/api/v1/me', summary: 'The signed-in user', handler: async ({ req }) => ({ user: req.user }) },
  {
    method: 'GET',
    url: '/api/v1/articles',
    summary: 'Articles in the newsroom, newest change first',
    op: 'article.view',
    query: s.listArticlesQuery,
    handler: async ({ actor, query, services }) => ({ items: (await services.newsroom.list(actor, query)).map(presentDeskRow) }),
  },
  {
    method: 'POST',
    url: '/api/v1/articles',
    summary: 'Create a draft',
    op: 'article.create',
    body: s.articleInputSchema,
    bodyLimit: ARTICLE_BODY_LIMIT,
    status: 201,
    handler: async ({ actor, body, services }) => services.content.create(actor, body),
  },
  {
    method: 'GET',
    url: '/api/v1/articles/:id',
    summary: 'An article at its current revision',
    op: 'article.view',
    handler: async ({ actor, params, services }) => {
      const c = await services.content.current(actor, idOf(params));
      return { id: idOf(params), revision: c.revision, status: c.status, article: c.input };
    },
  },
  {
    method: 'PUT',
    url: '/api/v1/articles/:id',
    summary:
      'Save a new revision; refused with REVISION_CONFLICT when baseRevision is not the latest. On a published article the revision is held (held: true): readers see it only after /update',
    op: 'article.edit',
    body: s.saveArticleBody,
    bodyLimit: ARTICLE_BODY_LIMIT,
    handler: async ({ actor, params, body, services }) =>
      services.content.save(actor, idOf(params), body.article, body.baseRevision, { autosave: body.autosave }),
  },
  {
    method: 'GET',
    url: '/api/v1/articles/:id/history',
    summary: 'Revisions, status changes and corrections',
    op: 'article.view',
    handler: async ({ actor, params, services }) => services.content.history(actor, idOf(params)),
  },
  {
    method: 'POST',
    url: '/api/v1/articles/:id/restore',
    summary: 'Restore an old revision as a new one',
    op: 'article.restore',
    body: s.restoreBody,
    handler: async ({ actor, params, body, services }) => services.content.restore(actor, idOf(params), body.revision, body.baseRevision),
  },
  // Submit, publish, schedule, unpublish, back to draft, update, discard, corrections (services/newsroom/actions.ts).
  ...Object.entries(ARTICLE_ACTIONS).map(
    ([action, a]: [string, ArticleAction]): ApiRoute => ({
      method: 'POST',
      url: `/api/v1/articles/:id/${action}`,
      summary: a.summary,
      op: a.op,
      body: a.input,
      status: a.status,
      handler: ({ actor, params, body, services }) => a.run(services, actor, idOf(params), body),
    }),
  ),
  {
    method: 'POST',
    url: '/api/v1/articles/:id/lock',
    summary: 'Heartbeat of an open editor: marks the article as open by me, or says who took it over',
    op: 'article.view',
    handler: async ({ actor, params, services }) => services.newsroom.heartbeat(actor, idOf(params)),
  },
  {
    method: 'GET',
    url: '/api/v1/collections/:slug',
    summary: 'A collection with its entries',
    op: 'collection.manage',
    handler: async ({ actor, params, services }) => services.curation.collection(actor, parse(s.slugParams, params).slug),
  },
  {
    method: 'PUT',
    url: '/api/v1/collections/:slug',
    summary: 'Replace a collection’s ordered entries',
    op: 'collection.manage',
    body: s.collectionItemsSchema,
    handler: async ({ actor, params, body, services }) => {
      await services.curation.setCollection(actor, parse(s.slugParams, params).slug, body);
      return { ok: true };
    },
  },
  {
    method: 'POST',
    url: '/api/v1/sections',
    summary: 'Create a section',
    op: 'section.manage',
    body: s.sectionSchema,
    status: 201,
    handler: async ({ actor, body, services }) => ({ id: await services.curation.createSection(actor, body) }),
  },
  {
    method: 'PUT',
    url: '/api/v1/sections/:id',
    summary: 'Rename, move or reorder a section (old URLs redirect)',
    op: 'section.manage',
    body: s.sectionSchema,
    handler: async ({ actor, params, body, services }) => {
      await services.curation.updateSection(actor, idOf(params), body);
      return { ok: true };
    },
  },
  {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'All users',
    op: 'user.manage',
    handler: async ({ actor, services }) => ({ items: await services.newsroom.users(actor) }),
  },
  {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user',
    op: 'user.manage',
    body: s.newUserBody,
    status: 201,
    handler: async ({ actor, body, services }) => ({ user: await services.newsroom.createUser(actor, body) }),
  },
  {
    method: 'PUT',
    url: '/api/v1/users/:id/role',
    summary: 'Change a user’s role',
    op: 'user.manage',
    body: s.roleBody,
    handler: async ({ actor, params, body, services }) => {
      await services.newsroom.setRole(actor, idOf(params), body.role);
      return { ok: true };
    },
  },
  {
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'My API tokens',
    op: 'token.manage',
    handler: async ({ actor, services }) => ({ items: (await services.newsroom.tokens(actor)).map(presentToken) }),
  },
  {
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Create an API token (shown once)',
    op: 'token.manage',
    body: s.tokenBody,
    status: 201,
    handler: async ({ actor, body, services }) => services.auth.createApiToken(actor.id, body.name),
  },
  {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke an API token',
    op: 'token.manage',
    handler: async ({ actor, params, services }) => {
      await services.auth.revokeApiToken(actor.id, idOf(params));
      return { ok: true };
    },
  },
  {
    method: 'GET',
    url: '/api/v1/media',
    summary: 'Search the media library by alt text, caption or credit',
    op: 'media.upload',
    query: z.object({ q: z.string().max(100).default('') }),
    handler: async ({ actor, query, services }) => ({ items: await services.media.search(actor, query.q) }),
  },
  {
    method: 'POST',
    url: '/api/v1/media',
    summary: 'Upload an image (multipart: file, alt, caption, credit); the type is read from the bytes',
    op: 'media.upload',
    multipart: true,
    // The file streams through the multipart reader, which enforces its own limits; this admits the request.
    bodyLimit: UPLOAD_BODY_LIMIT,
    status: 201,
    handler: async ({ actor, body, services }) => services.media.upload(actor, body.file, body.fields),
  },
  {
    method: 'PUT',
    url: '/api/v1/media/:id',
    summary: 'Change the alt text, caption and credit kept with an image',
    op: 'media.edit',
    body: describeSchema,
    handler: async ({ actor, params, body, services }) => {
      await services.media.describe(actor, idOf(params), body);
      return { ok: true };
    },
  },
  {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'The audit log, newest first',
    op: 'audit.view',
    handler: async ({ actor, services }) => ({ items: await services.newsroom.audit(actor) }),
  },
];

const forbidden = (actor: Actor, op: Operation) =>
  new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${op.replace('.', ' → ')} here.`);

export function registerApi(app: FastifyInstance, services: Services) {
  for (const route of apiRoutes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit && { bodyLimit: route.bodyLimit }),
      // The role a route's operation needs is checked before its body is read; the service then checks the
      // finer rules (whose article, in which status).
      preParsing: async (req) => {
        if (route.op && !can(actorOf(req), route.op)) throw forbidden(actorOf(req), route.op);
      },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const body = route.multipart ? await readMultipart(req) : route.body ? parse(route.body, req.body) : undefined;
        const query = route.query ? parse(route.query, req.query) : undefined;
        const result = await route.handler({ actor, req, params: req.params as Record<string, string>, body, query, services });
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
  // The API owns /api/: an unknown GET there must not fall through to the reader site's section route
  // (which answered SECTION_NOT_FOUND, or redirected /api/ to /api).
  app.all('/api/*', async () => {
    throw new AppError('NOT_FOUND', 'There is no such API endpoint.');
  });
}
