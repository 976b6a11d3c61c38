// Prometheus metrics: requests and latency per route type, the page cache, the job queue, the database pool
// and Node's own process metrics, served in the text format on a listener of their own.
//
// Why a separate listener on 127.0.0.1 (MASTHEAD_METRICS_HOST/PORT) rather than /metrics on the site: the
// site's port faces readers through proxies and CDNs, and a path there is one misconfiguration away from
// public (no token to leak or rotate, and the site's Host check, page cache and rate limits stay out of the
// way); and with several worker processes sharing the site's port, a scrape there would reach one random
// worker, while a listener in the primary process can ask every worker (clusterMetricsRegistry).
import cluster from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AggregatorRegistry, Registry, collectDefaultMetrics, type PrometheusContentType } from 'prom-client';
import { CACHE_HIT } from '../cache/cached-server.ts';
import { RequestStats } from './request-stats.ts';
import type { Db } from '../store/db.ts';
import type { Store } from '../store/index.ts';
import { databaseMetrics, jobRunnerMetrics, jobTableMetrics, pageCacheMetrics } from './collectors.ts';
import { routeType } from './route-type.ts';

/** A registry with Node's process metrics (memory, CPU, event loop delay, GC) already in it. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export interface MetricSources {
  /** For the job table's gauges. */
  store?: Store;
  /** For the connection pool (PostgreSQL) or the WAL size (SQLite). */
  db?: Db;
  clock?: () => Date;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

/**
 * Counts every request the app's HTTP server answers, by route type, method and status class, and times it.
 * It listens on the server itself rather than in Fastify's hooks because page-cache hits are answered
 * before Fastify sees them (src/cache/cached-server.ts), so only real connections are counted: call it
 * before `listen`, and test it over HTTP, not `app.inject`. Then adds the scrape-time collectors.
 */
export function instrumentApp(app: FastifyInstance, registry: Registry, sources: MetricSources = {}): void {
  const stats = new RequestStats();
  stats.register(registry);
  const record = (req: http.IncomingMessage, res: http.ServerResponse, done: boolean, seconds: number) => {
    const status = done ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted';
    stats.record(routeType(req.url ?? '/'), METHODS.has(req.method ?? '') ? req.method! : 'OTHER', status, seconds);
  };
  // Cache hits are answered, whole, and timed by the server before this listener runs (src/cache/cached-server.ts).
  app.server.on(CACHE_HIT, (req: http.IncomingMessage, res: http.ServerResponse, seconds: number) => record(req, res, true, seconds));
  app.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (res.writableEnded) return;
    const started = performance.now();
    res.once('close', () => record(req, res, res.writableFinished, (performance.now() - started) / 1000));
  });
  if (app.pageCache) pageCacheMetrics(registry, app.pageCache);
  jobRunnerMetrics(registry, app.services.jobs.stats);
  if (sources.store) jobTableMetrics(registry, sources.store, sources.clock ?? (() => new Date()));
  if (sources.db) databaseMetrics(registry, sources.db);
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves GET /metrics in Prometheus text format on host:port (port 0 picks a free one). Given the
 * AggregatorRegistry of clusterMetricsRegistry(), it answers with the sum over the worker processes.
 */
export async function startMetricsServer({
  host,
  port,
  registry,
}: {
  host: string;
  port: number;
  registry: Registry;
}): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics are at GET /metrics.\n');
      return;
    }
    const text = registry instanceof AggregatorRegistry ? registry.clusterMetrics() : registry.metrics();
    text.then(
      (body) =>
        res
          .writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
          .end(req.method === 'HEAD' ? undefined : body),
      (err: Error) => res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(`Metrics unavailable: ${err.message}\n`),
    );
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Cluster mode, in the primary process: a registry whose scrape asks every worker for its metrics over the
 * cluster's IPC channel and combines them (sums, except where a metric says otherwise). Pass it to
 * startMetricsServer. Workers call shareMetricsWithPrimary.
 */
export function clusterMetricsRegistry(): AggregatorRegistry<PrometheusContentType> {
  return new AggregatorRegistry();
}

/** Cluster mode, in a worker: answer the primary's metric requests from this registry. */
export function shareMetricsWithPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs the worker's IPC listener (once per process).
  void new AggregatorRegistry();
}
