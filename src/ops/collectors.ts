// Metrics read at scrape time from what already keeps count: the page cache's stats, the job runner's
// counts and the job table, the database pool. Nothing here runs between scrapes.
//
// `aggregator` says how the primary process combines workers' values (src/ops/metrics.ts, cluster mode):
// per-process things add up (the default), things every worker reads from the shared database do not.
import fs from 'node:fs/promises';
import { sqliteFile } from '../store/open.ts';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { PageCache } from '../cache/page-cache.ts';
import type { Db } from '../store/db.ts';
import type { Store } from '../store/index.ts';
import type { JobCounts } from '../store/jobs.ts';

/** A counter mirroring a running total kept elsewhere (which only grows, unless its owner restarts it). */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number) {
  let seen = 0;
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now < seen) {
        this.reset();
        seen = 0;
      }
      this.inc(now - seen);
      seen = now;
    },
  });
}

export function pageCacheMetrics(registry: Registry, cache: PageCache) {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('masthead_page_cache_pages', 'Pages held in the page cache.', () => cache.stats.pages);
  gauge('masthead_page_cache_bytes', 'Bytes held in the page cache (all encodings).', () => cache.stats.bytes);
  mirroredCounter(registry, 'masthead_page_cache_hits_total', 'Page requests answered from the cache.', () => cache.stats.hits);
  mirroredCounter(
    registry,
    'masthead_page_cache_misses_total',
    'Cacheable page requests that had to be rendered.',
    () => cache.stats.misses,
  );
  mirroredCounter(
    registry,
    'masthead_page_cache_purges_total',
    'Purges of the page cache (each may remove many pages).',
    () => cache.stats.purges,
  );
  new Gauge({
    name: 'masthead_page_cache_hit_ratio',
    help: 'Hits / (hits + misses) since start; exact across workers: rate(hits) / (rate(hits) + rate(misses)).',
    registers: [registry],
    aggregator: 'average',
    collect() {
      const { hits, misses } = cache.stats;
      this.set(hits + misses ? hits / (hits + misses) : 0);
    },
  });
}

export function jobRunnerMetrics(registry: Registry, stats: { ran: number; failed: number }) {
  mirroredCounter(registry, 'masthead_jobs_run_total', 'Job attempts run by this process.', () => stats.ran);
  mirroredCounter(
    registry,
    'masthead_job_failures_total',
    'Job attempts that failed (each is retried with back-off, then given up).',
    () => stats.failed,
  );
}

/** The job table, read once per scrape however many gauges show it. Every worker sees the same table. */
export function jobTableMetrics(registry: Registry, store: Store, clock: () => Date) {
  // A scrape collects every metric at once, so the gauges below share the query in flight.
  let inFlight: Promise<JobCounts[]> | undefined;
  const counts = () =>
    (inFlight ??= store.jobs.counts(clock().toISOString()).finally(() => {
      inFlight = undefined;
    }));
  const perKind = (name: string, help: string, field: Exclude<keyof JobCounts, 'kind'>) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'],
      registers: [registry],
      aggregator: 'max',
      async collect() {
        this.reset();
        // An unreadable table shows as missing series rather than failing the whole scrape.
        const rows = await counts().catch(() => []);
        for (const row of rows) this.set({ kind: row.kind }, row[field]);
      },
    });
  perKind('masthead_jobs_pending', 'Jobs waiting to run, scheduled ones included.', 'pending');
  perKind('masthead_jobs_due', 'Jobs due now or running: the backlog.', 'due');
  perKind('masthead_jobs_retrying', 'Pending jobs that have failed at least once.', 'retrying');
  perKind('masthead_jobs_failed', 'Jobs given up after too many attempts.', 'failed');
}

export function databaseMetrics(registry: Registry, db: Db) {
  new Gauge({
    name: 'masthead_db_connections',
    help: 'Database connections of this process by state (PostgreSQL pool; SQLite has one, synchronous, connection).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = db.pool ?? { totalCount: 1, idleCount: 1, waitingCount: 0 };
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      // For the pool, callers waiting for a connection (not connections).
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  if (db.dialect !== 'sqlite') return;
  let file: Promise<string> | undefined;
  new Gauge({
    name: 'masthead_sqlite_wal_bytes',
    help: 'Size of the SQLite write-ahead log; it should shrink back at checkpoints.',
    registers: [registry],
    aggregator: 'max',
    async collect() {
      file ??= sqliteFile(db);
      const main = await file.catch(() => '');
      this.set(
        main
          ? await fs.stat(`${main}-wal`).then(
              (s) => s.size,
              () => 0,
            )
          : 0,
      );
    },
  });
}
