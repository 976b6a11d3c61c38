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
import { AggregatorRegistry, Counter, Histogram, Registry, collectDefaultMetrics, type PrometheusContentType } from 'prom-client';
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
  const requests = new Counter({
    name: 'masthead_http_requests_total',
    help: 'HTTP requests answered, by route type, method and status class (aborted: the client left first).',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'masthead_http_request_duration_seconds',
    help: 'Time from request to the last byte handed to the OS, by route type.',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // prom-client hashes the labels on every call; the children are few (bounded labels), so keep them.
  const counters = new Map<string, { inc(): void }>();
  const timers = new Map<string, { observe(v: number): void }>();
  app.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const route = routeType(req.url ?? '/');
      const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
      const status = res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted';
      const key = `${route} ${method} ${status}`;
      let counter = counters.get(key);
      if (!counter) counters.set(key, (counter = requests.labels(route, method, status)));
      counter.inc();
      let timer = timers.get(route);
      if (!timer) timers.set(route, (timer = duration.labels(route)));
      timer.observe(Number(process.hrtime.bigint() - started) / 1e9);
    });
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
export async function startMetricsServer({ host, port, registry }: { host: string; port: number; registry: Registry }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics are at GET /metrics.\n');
      return;
    }
    const text = registry instanceof AggregatorRegistry ? registry.clusterMetrics() : registry.metrics();
    text.then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body),
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
