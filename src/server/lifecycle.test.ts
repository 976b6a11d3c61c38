// Graceful shutdown: readiness turns 503 at once, a request already in flight still gets its answer, and
// the steps after the server (jobs, database) run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import { shutDown } from './lifecycle.ts';

let t: TestDb;
let app: FastifyInstance;
let base: string;
let releaseSlow: () => void;
let started: () => void;
const slowStarted = new Promise<void>((resolve) => (started = resolve));

beforeAll(async () => {
  t = await sqliteTestDb();
  app = await testApp(t.store);
  // Stands for a long render or upload that is under way when SIGTERM arrives.
  app.get('/slow-test-route', async () => {
    started();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    return { finished: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(() => t.destroy());

describe('graceful shutdown', () => {
  it('is ready, then unready while draining; in-flight work finishes; then jobs and database close in order', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', worker: 0 });

    const inFlight = fetch(`${base}/slow-test-route`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await slowStarted;
    const steps: string[] = [];
    const done = shutDown(app, {
      drainMs: 300,
      timeoutMs: 10_000,
      after: [async () => void steps.push('jobs'), async () => void steps.push('database')],
      log: (m) => steps.push(m),
    });
    const draining = await fetch(`${base}/readyz`, { headers: { connection: 'close' } });
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'draining' });
    expect(steps).toEqual([]); // nothing closed while requests are in flight
    releaseSlow();
    expect(await inFlight).toEqual({ status: 200, body: { finished: true } });
    expect(await done).toBe(true);
    expect(steps).toEqual(['jobs', 'database', 'shut down cleanly']);
    await expect(fetch(`${base}/readyz`)).rejects.toThrow();
  });

  it('gives up after the timeout rather than hanging forever', async () => {
    const t2 = await sqliteTestDb();
    const stuck = await testApp(t2.store);
    const lines: string[] = [];
    const finished = await shutDown(stuck, { drainMs: 0, timeoutMs: 50, after: [() => new Promise(() => {})], log: (m) => lines.push(m) });
    expect(finished).toBe(false);
    expect(lines[0]).toMatch(/longer than 50 ms/);
    await t2.destroy();
  });
});
