// The OpenAPI 3.1 document of the JSON API, generated from the same route table that registers the routes.
import { z } from 'zod';
import { errorCatalogue } from '../errors.ts';
import { apiRoutes } from './routes.ts';

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

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of apiRoutes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: m[1] === 'id' ? 'integer' : 'string' },
    }));
    const query = r.query
      ? Object.entries((z.toJSONSchema(r.query, { io: 'input' }) as { properties?: Record<string, unknown> }).properties ?? {}).map(
          ([name, schema]) => ({ name, in: 'query', required: false, schema }),
        )
      : [];
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      ...(r.op ? { description: `Needs permission \`${r.op}\`.` } : {}),
      parameters: [...params, ...query],
      ...(r.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: ['file'],
                    properties: {
                      file: { type: 'string', format: 'binary' },
                      alt: { type: 'string' },
                      caption: { type: 'string' },
                      credit: { type: 'string' },
                    },
                  },
                },
              },
            },
          }
        : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: { description: 'Success' },
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
      description: 'Authenticate with `Authorization: Bearer <token>` (tokens are created in the newsroom).',
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
