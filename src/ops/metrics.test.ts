// Metrics over real HTTP (page-cache hits never reach Fastify, so app.inject would not show them): requests
// and latency by route type, the page cache, the job runner and table, the database; and the listener.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { postgresTestDb, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection, T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articlePath } from '../domain/urls.ts';
import { ROUTE_TYPES } from './route-type.ts';
import { createMetricsRegistry, instrumentApp, startMetricsServer } from './metrics.ts';
import { databaseMetrics } from './collectors.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-metrics-'));
let t: TestDb;
let app: FastifyInstance;
let registry: Registry;
let base: string;

beforeAll(async () => {
  t = await sqliteTestDb(path.join(dir, 'masthead.db'));
  app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '8', MASTHEAD_RATE_LIMIT_SEARCH: '0', MASTHEAD_RATE_LIMIT_API: '0' });
  registry = createMetricsRegistry();
  instrumentApp(app, registry, { store: t.store, db: t.db, clock: () => T0 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GET on the primary origin's Host (others are refused with 421). */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers: { host: 'news.example', 'accept-encoding': 'br' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', reject);
  });
}

/** The value of one sample in the exposition text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (want.length === have.length && want.every((l) => have.includes(l))) return Number(m[3]);
  }
  return undefined;
}

describe('instrumentApp', () => {
  it('counts and times requests per route type (cache hits included), with only the fixed set of labels', async () => {
    const sectionId = await makeSection(t.store, 'news', 'News');
    const id = await makeArticle(t.store, { sectionId, headline: 'Counted article', hoursAgo: 2 });
    const a = (await t.store.articles.byId(id))!;
    const url = articlePath({ id, slug: a.slug, sectionPath: a.section_path, firstPublishedAt: a.first_published_at! }, 'UTC');

    expect(await get('/')).toBe(200);
    expect(await get('/')).toBe(200); // from the page cache
    expect(await get(url)).toBe(200);
    expect(await get('/news')).toBe(200);
    expect(await get('/no-such-section')).toBe(404);
    expect(await get('/search?q=counted')).toBe(200);
    expect(await get('/api/v1/me')).toBe(401);
    expect(await get('/wp-login.php?x=1')).toBe(404);

    const text = await registry.metrics();
    const requests = (route: string, status: string) => sample(text, 'masthead_http_requests_total', { route, method: 'GET', status });
    expect(requests('home', '2xx')).toBe(2);
    expect(requests('article', '2xx')).toBe(1);
    expect(requests('section', '2xx')).toBe(1);
    expect(requests('section', '4xx')).toBe(1);
    expect(requests('search', '2xx')).toBe(1);
    expect(requests('api', '4xx')).toBe(1);
    expect(requests('other', '4xx')).toBe(1);
    expect(sample(text, 'masthead_http_request_duration_seconds_count', { route: 'home' })).toBe(2);
    expect(sample(text, 'masthead_http_request_duration_seconds_bucket', { route: 'home', le: '+Inf' })).toBe(2);
    expect(sample(text, 'masthead_http_request_duration_seconds_sum', { route: 'home' })).toBeGreaterThan(0);

    const routes = [...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(routes)).toEqual(new Set(['home', 'article', 'section', 'search', 'api', 'other']));
    for (const r of routes) expect(ROUTE_TYPES).toContain(r);
    expect(text).not.toContain('wp-login');
  });

  it('reports the page cache at scrape time, without counting twice when scraped twice', async () => {
    const before = app.pageCache!.stats;
    expect(await get('/news')).toBe(200); // cached by the first test
    for (const text of [await registry.metrics(), await registry.metrics()]) {
      const { hits, misses, pages, bytes } = app.pageCache!.stats;
      expect(hits).toBe(before.hits + 1);
      expect(sample(text, 'masthead_page_cache_hits_total')).toBe(hits);
      expect(sample(text, 'masthead_page_cache_misses_total')).toBe(misses);
      expect(sample(text, 'masthead_page_cache_pages')).toBe(pages);
      expect(sample(text, 'masthead_page_cache_bytes')).toBe(bytes);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'masthead_page_cache_hit_ratio')).toBeCloseTo(hits / (hits + misses), 6);
    }
  });

  it('reports the job queue from the table and failed attempts from the runner', async () => {
    const soon = new Date(T0.getTime() - 1_000).toISOString();
    const later = new Date(T0.getTime() + 3_600_000).toISOString();
    await t.store.jobs.schedule({ kind: 'no_such_kind', key: 'orphan:1', payload: {}, runAt: soon, now: soon });
    await t.store.jobs.schedule({ kind: 'publish_article', key: 'publish:999', payload: { articleId: 999 }, runAt: later, now: soon });
    let text = await registry.metrics();
    expect(sample(text, 'masthead_jobs_pending', { kind: 'no_such_kind' })).toBe(1);
    expect(sample(text, 'masthead_jobs_due', { kind: 'no_such_kind' })).toBe(1);
    expect(sample(text, 'masthead_jobs_pending', { kind: 'publish_article' })).toBe(1);
    expect(sample(text, 'masthead_jobs_due', { kind: 'publish_article' })).toBe(0);
    expect(sample(text, 'masthead_job_failures_total')).toBe(0);

    expect(await app.services.jobs.runDue()).toBe(1); // no handler: fails, retried later
    text = await registry.metrics();
    expect(sample(text, 'masthead_jobs_run_total')).toBe(1);
    expect(sample(text, 'masthead_job_failures_total')).toBe(1);
    expect(sample(text, 'masthead_jobs_retrying', { kind: 'no_such_kind' })).toBe(1);
    expect(sample(text, 'masthead_jobs_due', { kind: 'no_such_kind' })).toBe(0);
  });

  it('reports the database connection and the SQLite WAL size', async () => {
    const text = await registry.metrics();
    expect(sample(text, 'masthead_db_connections', { state: 'total' })).toBe(1);
    expect(sample(text, 'masthead_db_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'masthead_sqlite_wal_bytes')).toBe(fs.statSync(path.join(dir, 'masthead.db-wal')).size);
    expect(sample(text, 'masthead_sqlite_wal_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('database metrics on PostgreSQL', () => {
  it('report the pool: connections open, idle, and callers waiting for one', async () => {
    const pg = await postgresTestDb();
    try {
      const own = createMetricsRegistry();
      databaseMetrics(own, pg.db);
      const held = Array.from({ length: 3 }, () => pg.store.ping());
      let text = await own.metrics();
      await Promise.all(held);
      expect(sample(text, 'masthead_db_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      text = await own.metrics();
      const total = sample(text, 'masthead_db_connections', { state: 'total' })!;
      expect(total).toBe(pg.db.pool!.totalCount);
      expect(sample(text, 'masthead_db_connections', { state: 'idle' })).toBe(total);
      expect(sample(text, 'masthead_db_connections', { state: 'waiting' })).toBe(0);
      expect(sample(text, 'masthead_sqlite_wal_bytes')).toBeUndefined();
    } finally {
      await pg.destroy();
    }
  });
});

describe('startMetricsServer', () => {
  it('answers GET /metrics in the Prometheus text format on 127.0.0.1, and nothing else', async () => {
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0, registry });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await res.text();
      expect(text).toContain('# TYPE masthead_http_requests_total counter');
      expect(text).toContain('# TYPE masthead_http_request_duration_seconds histogram');
      expect(sample(text, 'masthead_http_requests_total', { route: 'home', method: 'GET', status: '2xx' })).toBe(2);
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
