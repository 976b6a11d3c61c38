// Where the serving process (or the cluster primary) offers its Prometheus metrics.
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { startMetricsServer, type MetricsServer } from '../ops/metrics.ts';

/** The Prometheus listener (loopback by default), or none when MASTHEAD_METRICS_PORT is 0. */
export async function metricsListener(config: Config, registry: Registry): Promise<MetricsServer | undefined> {
  if (!config.metrics) return undefined;
  try {
    return await startMetricsServer({ ...config.metrics, registry });
  } catch (err) {
    throw new Error(
      `The metrics listener could not start on ${config.metrics.host}:${config.metrics.port} (${(err as Error).message}); set MASTHEAD_METRICS_PORT to a free port, or 0 to turn it off.`,
    );
  }
}
