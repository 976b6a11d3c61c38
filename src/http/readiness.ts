// Liveness (/healthz) says the process and its database answer; readiness (/readyz) says whether a load balancer
// should send this process new requests, and turns false the moment a shutdown begins (src/server/lifecycle.ts).
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when shutdown has begun: /readyz answers 503 from then on. */
    draining: boolean;
  }
}

export function registerReadiness(app: FastifyInstance, ping: () => Promise<boolean>, worker: number) {
  app.decorate('draining', false);
  app.get('/readyz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    if (app.draining) return reply.code(503).send({ status: 'draining', worker });
    const database = await ping();
    return reply.code(database ? 200 : 503).send({ status: database ? 'ready' : 'database unavailable', worker });
  });
}
