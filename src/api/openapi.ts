// The OpenAPI 3.1 document of the JSON API, generated from the operation table through the API's bindings:
// each route's parameters, request body and answer come from the operation's own schemas.
import { z } from 'zod';
import { errorCatalogue } from '../errors.ts';
import { apiRoutes, type ApiRoute } from './routes.ts';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCatalogue) },
        message: { type: 'string', description: 'Human-readable; names the bad field for INVALID_INPUT ("headline: must not be empty").' },
        field: { type: 'string', description: 'The bad field, when one is to blame.' },
      },
    },
  },
};

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] } & Record<string, unknown>;
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

function parameters(r: ApiRoute) {
  const path = [...r.url.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: m[1] === 'id' ? 'integer' : 'string' },
  }));
  if (r.method !== 'GET' || !r.def.input) return path;
  const q = jsonSchema(r.def.input, 'input');
  const query = Object.entries(q.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: q.required?.includes(name) ?? false,
    schema,
  }));
  return [...path, ...query];
}

function requestBody(r: ApiRoute) {
  if (r.method === 'GET' || !r.def.input) return {};
  if (r.multipart) {
    const schema = jsonSchema(r.def.input, 'input');
    schema.properties = {
      ...schema.properties,
      file: { type: 'string', format: 'binary', description: 'The image; its type is read from its bytes' },
    };
    return { requestBody: { required: true, content: { 'multipart/form-data': { schema } } } };
  }
  return { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.def.input, 'input') } } } };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of apiRoutes) {
    (paths[r.url.replace(/:(\w+)/g, '{$1}')] ??= {})[r.method.toLowerCase()] = {
      operationId: r.name,
      summary: r.summary,
      ...(r.op ? { description: `Needs permission \`${r.op}\`.` } : {}),
      parameters: parameters(r),
      ...requestBody(r),
      responses: {
        [String(r.status)]: { description: 'Success', content: { 'application/json': { schema: jsonSchema(r.def.output, 'output') } } },
        default: {
          description: 'An error with a stable code',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Masthead admin API',
      version: '1',
      description:
        'Authenticate with `Authorization: Bearer <token>` (tokens are created in the newsroom). Lists answer a page: `items` and `nextCursor`, which the next request passes as `cursor`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorSchema },
    },
    security: [{ token: [] }],
    paths,
  };
}
