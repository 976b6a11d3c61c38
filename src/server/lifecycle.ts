// Graceful shutdown for one serving process: /readyz (src/http/readiness.ts) turns false the moment it begins,
// while in-flight requests and jobs finish.
import type { FastifyInstance } from 'fastify';
import type {} from '../http/readiness.ts';

export interface ShutdownOptions {
  /** How long to stay up answering while unready, so a load balancer notices before connections close. */
  drainMs: number;
  /** Past this, the process gives up waiting and exits anyway. */
  timeoutMs: number;
  /** Closed after the server, in order: job runner stop, channels, database. */
  after: (() => Promise<unknown>)[];
  log: (msg: string) => void;
}

/**
 * Stops serving without dropping work: readiness turns false, then (after the drain delay) the server stops
 * accepting connections and waits for in-flight requests, the job runner finishes its current job, and the
 * database closes. Resolves true when all finished in time.
 */
export async function shutDown(app: FastifyInstance, o: ShutdownOptions): Promise<boolean> {
  app.draining = true;
  const work = (async () => {
    if (o.drainMs > 0) await new Promise((resolve) => setTimeout(resolve, o.drainMs));
    await app.close();
    for (const step of o.after) await step();
    return true;
  })();
  const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), o.timeoutMs).unref());
  const finished = await Promise.race([work, deadline]);
  o.log(finished ? 'shut down cleanly' : `shutdown took longer than ${o.timeoutMs} ms; exiting anyway`);
  return finished;
}
