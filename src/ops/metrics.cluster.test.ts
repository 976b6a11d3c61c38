// Cluster mode: the primary's metrics listener sums what every worker counted, over the cluster's IPC.
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterMetricsRegistry, startMetricsServer } from './metrics.ts';

const workers: Worker[] = [];
afterAll(() => {
  for (const w of workers) w.kill();
});

describe('metrics across cluster workers', { timeout: 60_000 }, () => {
  it('the primary answers with the sum of the workers’ counts', async () => {
    const registry = clusterMetricsRegistry();
    cluster.setupPrimary({
      exec: path.resolve(import.meta.dirname, '../../test/support/metrics-worker.ts'),
      execArgv: ['--import', 'tsx'],
      silent: true,
    });
    const ready = [0, 1].map(
      () =>
        new Promise<number>((resolve, reject) => {
          const w = cluster.fork();
          workers.push(w);
          w.on('message', (m: { ready?: number }) => m.ready && resolve(m.ready));
          w.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        }),
    );
    expect(await Promise.all(ready)).toEqual([200, 200]);
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0, registry });
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('masthead_http_requests_total{route="other",method="GET",status="2xx"} 2');
      expect(text).toContain('masthead_http_request_duration_seconds_count{route="other"} 2');
      // Connections belong to each process, so they add up (one SQLite connection per worker).
      expect(text).toMatch(/^masthead_db_connections\{state="total"\} 2$/m);
    } finally {
      await server.close();
    }
  });
});
