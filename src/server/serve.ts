// `masthead serve`: one serving process, or a cluster of them (one per core by default). Each serving process
// builds the same app; page-cache purges reach the other processes through src/cache/purge-channel.ts.
import cluster from 'node:cluster';
import { buildApp } from '../app.ts';
import { openStore } from '../boot.ts';
import type { Config } from '../config.ts';
import { clusterPurgeChannel, combinedPurgeChannel, postgresPurgeChannel, type PurgeChannel } from '../cache/purge-channel.ts';
import { runPrimary } from './cluster.ts';
import { shutDown } from './lifecycle.ts';
import { createMetricsRegistry, instrumentApp, shareMetricsWithPrimary } from '../ops/metrics.ts';
import { metricsListener } from './metrics-listener.ts';

export async function serve(config: Config) {
  if (cluster.isPrimary && config.workers > 1) return runPrimary(config);
  const worker = Number(process.env.MASTHEAD_WORKER_INDEX ?? 0);
  return serveProcess(config, worker);
}

function purgeChannelFor(config: Config): PurgeChannel | undefined {
  const channels: PurgeChannel[] = [];
  if (cluster.isWorker) channels.push(clusterPurgeChannel());
  // Other machines serving the same PostgreSQL database hear purges through it.
  if (config.database.kind === 'postgres') channels.push(postgresPurgeChannel(config.database.url, (m) => console.error(m)));
  return channels.length ? combinedPurgeChannel(channels) : undefined;
}

async function serveProcess(config: Config, worker: number) {
  const { store, db } = await openStore(config);
  const purgeChannel = config.pageCacheBytes > 0 ? purgeChannelFor(config) : undefined;
  const app = await buildApp({ config, store, purgeChannel, worker });
  const registry = createMetricsRegistry();
  instrumentApp(app, registry, { store, db });
  shareMetricsWithPrimary(registry); // in a cluster the primary serves the sum (src/server/cluster.ts)
  // One process runs scheduled work (claims are safe with several, but one is enough and quieter).
  const runsJobs = worker === 0;
  if (runsJobs) {
    // Scheduled work that fell due while the server was down runs now, then the job table is polled.
    const ran = await app.services.jobs.runDue();
    if (ran) console.log(`Ran ${ran} scheduled job(s) that fell due while the server was stopped.`);
    app.services.jobs.start();
  }
  const metrics = cluster.isWorker ? undefined : await metricsListener(config, registry);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received: draining`);
    const clean = await shutDown(app, {
      ...config.shutdown,
      after: [() => app.services.jobs.stop(), async () => metrics?.close(), async () => purgeChannel?.close(), () => db.close()],
      log: (m) => app.log.info(m),
    });
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (worker === 0 && !cluster.isWorker) {
    if ((await store.users.count()) === 0) {
      console.log(
        'No newsroom users yet. Create the first admin with:\n  npx masthead users add --role admin --email you@example.org --name "Your Name"',
      );
    }
    console.log(`${config.siteName} is running at http://localhost:${config.port} (public origin ${config.origin}).`);
  }
  return app;
}
