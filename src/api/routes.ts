// The JSON admin API: each operation of the table (src/services/operations) bound to a method and path. The
// binding is all this door adds; the operation parses its input, checks its permission and presents its answer.
// The same list describes the routes in the OpenAPI document.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Operation } from '../domain/permissions.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import { ARTICLE_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import { ARTICLE_ACTIONS, checkRole, OPERATIONS, perform, type OperationDef, type OperationName } from '../services/operations/index.ts';
import { readMultipart } from '../http/multipart.ts';

interface Binding {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** The body is multipart/form-data with one `file` and text fields. */
  multipart?: boolean;
  /** Bytes the body may hold, when more than DEFAULT_BODY_LIMIT (src/http/body-limits.ts). */
  bodyLimit?: number;
}

const actionBindings = Object.fromEntries(
  Object.keys(ARTICLE_ACTIONS).map((action) => [action, { method: 'POST', url: `/api/v1/articles/:id/${action}` }]),
) as Record<keyof typeof ARTICLE_ACTIONS, Binding>;

/** Every operation has a route: the type refuses a table entry left unbound. */
const BINDINGS: Record<OperationName, Binding> = {
  me: { method: 'GET', url: '/api/v1/me' },
  listArticles: { method: 'GET', url: '/api/v1/articles' },
  createArticle: { method: 'POST', url: '/api/v1/articles', bodyLimit: ARTICLE_BODY_LIMIT },
  getArticle: { method: 'GET', url: '/api/v1/articles/:id' },
  saveArticle: { method: 'PUT', url: '/api/v1/articles/:id', bodyLimit: ARTICLE_BODY_LIMIT },
  articleHistory: { method: 'GET', url: '/api/v1/articles/:id/history' },
  restoreRevision: { method: 'POST', url: '/api/v1/articles/:id/restore' },
  // Submit, publish, schedule, unpublish, back to draft, update, discard, corrections.
  ...actionBindings,
  bulkArticles: { method: 'POST', url: '/api/v1/articles/bulk' },
  heartbeat: { method: 'POST', url: '/api/v1/articles/:id/lock' },
  getCollection: { method: 'GET', url: '/api/v1/collections/:slug' },
  setCollection: { method: 'PUT', url: '/api/v1/collections/:slug' },
  createSection: { method: 'POST', url: '/api/v1/sections' },
  updateSection: { method: 'PUT', url: '/api/v1/sections/:id' },
  listPeople: { method: 'GET', url: '/api/v1/people' },
  createPerson: { method: 'POST', url: '/api/v1/people' },
  updatePerson: { method: 'PUT', url: '/api/v1/people/:id' },
  mergePerson: { method: 'POST', url: '/api/v1/people/:id/merge' },
  listTags: { method: 'GET', url: '/api/v1/tags' },
  updateTag: { method: 'PUT', url: '/api/v1/tags/:id' },
  mergeTag: { method: 'POST', url: '/api/v1/tags/:id/merge' },
  listPages: { method: 'GET', url: '/api/v1/pages' },
  createPage: { method: 'POST', url: '/api/v1/pages', bodyLimit: ARTICLE_BODY_LIMIT },
  getPage: { method: 'GET', url: '/api/v1/pages/:id' },
  updatePage: { method: 'PUT', url: '/api/v1/pages/:id', bodyLimit: ARTICLE_BODY_LIMIT },
  publishPage: { method: 'POST', url: '/api/v1/pages/:id/publish' },
  unpublishPage: { method: 'POST', url: '/api/v1/pages/:id/unpublish' },
  deletePage: { method: 'DELETE', url: '/api/v1/pages/:id' },
  listUsers: { method: 'GET', url: '/api/v1/users' },
  createUser: { method: 'POST', url: '/api/v1/users' },
  setRole: { method: 'PUT', url: '/api/v1/users/:id/role' },
  listTokens: { method: 'GET', url: '/api/v1/tokens' },
  createToken: { method: 'POST', url: '/api/v1/tokens' },
  revokeToken: { method: 'DELETE', url: '/api/v1/tokens/:id' },
  searchMedia: { method: 'GET', url: '/api/v1/media' },
  // The file streams through the multipart reader, which enforces its own limits; this admits the request.
  uploadMedia: { method: 'POST', url: '/api/v1/media', multipart: true, bodyLimit: UPLOAD_BODY_LIMIT },
  getMedia: { method: 'GET', url: '/api/v1/media/:id' },
  describeMedia: { method: 'PUT', url: '/api/v1/media/:id' },
  audit: { method: 'GET', url: '/api/v1/audit' },
};

export interface ApiRoute extends Binding {
  name: OperationName;
  def: OperationDef;
  summary: string;
  op?: Operation;
  status: number;
  /** The operation's input schema, when it is a JSON body (writes) or the query (reads). */
  body?: z.ZodType;
  query?: z.ZodType;
}

export const apiRoutes: ApiRoute[] = (Object.entries(BINDINGS) as [OperationName, Binding][]).map(([name, binding]) => {
  const def = OPERATIONS[name] as OperationDef;
  const isQuery = binding.method === 'GET';
  return {
    ...binding,
    name,
    def,
    summary: def.summary,
    op: def.permission,
    status: def.status ?? 200,
    ...(def.input && !binding.multipart && (isQuery ? { query: def.input } : { body: def.input })),
  };
});

/** Where an operation's input is in a request: the query of a read, the body of a write. */
async function inputOf(route: ApiRoute, req: FastifyRequest): Promise<unknown> {
  if (route.multipart) {
    const { file, fields } = await readMultipart(req);
    return { ...fields, file };
  }
  return route.method === 'GET' ? req.query : req.body;
}

export function registerApi(app: FastifyInstance, services: Services) {
  for (const route of apiRoutes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit && { bodyLimit: route.bodyLimit }),
      // The role an operation needs is checked before its body is read; the service then checks the finer
      // rules (whose article, in which status).
      // (Anonymous reads go on to be counted by the rate limit, then get NOT_SIGNED_IN from perform.)
      preParsing: async (req) => {
        if (req.user) checkRole(actorOf(req), route.def);
      },
      handler: async (req, reply) => {
        const params = req.params as Record<string, string>;
        const result = await perform(route.def, services, actorOf(req), {
          key: params.id ?? params.slug,
          input: await inputOf(route, req),
        });
        return reply.code(route.status).send(result);
      },
    });
  }
  // The API owns /api/: an unknown GET there must not fall through to the reader site's section route
  // (which answered SECTION_NOT_FOUND, or redirected /api/ to /api).
  app.all('/api/*', async () => {
    throw new AppError('NOT_FOUND', 'There is no such API endpoint.');
  });
}
