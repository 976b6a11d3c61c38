// The HTTP server for an app with a page cache: hits are answered straight from memory, everything else goes
// to Fastify. Per-request logging and hooks are skipped for hits on purpose: that is where their cost went.
import http from 'node:http';
import type { RequestOrigin } from '../http/origins.ts';

type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/** Emitted by the server for each request answered from the cache, with the seconds it took (src/ops/metrics.ts). */
export const CACHE_HIT = 'cache-hit';

export function cachedServer(respond: Responder) {
  return (handler: http.RequestListener) => {
    const server = http.createServer((req, res) => {
      const started = performance.now();
      if (respond(req, res)) server.emit(CACHE_HIT, req, res, (performance.now() - started) / 1000);
      else handler(req, res);
    });
    // Fastify's own defaults for its server, which a custom server factory does not get.
    server.keepAliveTimeout = 72_000;
    return server;
  };
}

export const hostOrigin = (resolve: (host: string | undefined) => RequestOrigin | null) => (host: string | undefined) =>
  resolve(host)?.url ?? null;
