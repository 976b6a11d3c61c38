// The cluster primary: prepares the database once, starts the serving processes, restarts one that dies,
// relays page-cache purges between them (waiting for every worker to confirm), and stops them all gracefully.
import cluster, { type Worker } from 'node:cluster';
import { openStore } from '../boot.ts';
import type { Config } from '../config.ts';
import { isPurgeMessage, type PurgeMessage } from '../cache/purge-channel.ts';
import { clusterMetricsRegistry } from '../ops/metrics.ts';
import { metricsListener } from './metrics-listener.ts';

export async function runPrimary(config: Config) {
  // Migrations and the demo load run once here, not raced by every worker.
  const { db, store } = await openStore(config);
  const noUsers = (await store.users.count()) === 0;
  await db.close();

  const metrics = await metricsListener(config, clusterMetricsRegistry());
  const workers = new Map<number, Worker>();
  let stopping = false;
  const relay = purgeRelay(() => [...workers.values()]);

  const start = (index: number) => {
    const worker = cluster.fork({ MASTHEAD_WORKER_INDEX: String(index) });
    workers.set(index, worker);
    worker.on('message', (m) => relay(worker, m));
    worker.on('exit', (code, signal) => {
      if (workers.get(index) === worker) workers.delete(index);
      if (stopping) return;
      console.error(`worker ${index} exited (${signal ?? code}); starting a new one`);
      // A worker that dies at once (a bad deploy) is not restarted in a tight loop.
      setTimeout(() => !stopping && start(index), 1000);
    });
  };
  for (let i = 0; i < config.workers; i++) start(i);

  await Promise.all([...workers.values()].map((w) => new Promise((resolve) => w.once('listening', resolve))));
  if (noUsers)
    console.log(
      'No newsroom users yet. Create the first admin with:\n  npx masthead users add --role admin --email you@example.org --name "Your Name"',
    );
  console.log(
    `${config.siteName} is running at http://localhost:${config.port} (public origin ${config.origin}), ${config.workers} worker processes.`,
  );

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping ${workers.size} workers`);
    const exits = [...workers.values()].map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once('exit', resolve))));
    for (const w of workers.values()) w.process.kill('SIGTERM');
    const late = setTimeout(
      () => {
        for (const w of workers.values()) w.process.kill('SIGKILL');
      },
      config.shutdown.timeoutMs + config.shutdown.drainMs + 5_000,
    );
    await Promise.all(exits);
    clearTimeout(late);
    await metrics?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * A purge from one worker goes to every other live worker; the sender hears back once all have confirmed
 * (each worker also stops waiting on its own after a bound, see clusterPurgeChannel).
 */
export function purgeRelay(live: () => Worker[]) {
  const waiting = new Map<string, { from: Worker; left: number }>();
  const done = (id: string) => {
    const entry = waiting.get(id);
    if (!entry) return;
    waiting.delete(id);
    if (!entry.from.isDead()) entry.from.send({ type: 'masthead:purged', id } satisfies PurgeMessage);
  };
  return (from: Worker, m: unknown) => {
    if (!isPurgeMessage(m)) return;
    if (m.type === 'masthead:purged') {
      const entry = waiting.get(m.id);
      if (entry && --entry.left <= 0) done(m.id);
      return;
    }
    const others = live().filter((w) => w !== from && !w.isDead());
    waiting.set(m.id, { from, left: others.length });
    if (!others.length) return done(m.id);
    for (const w of others) w.send(m);
    setTimeout(() => done(m.id), 2_000).unref();
  };
}
