// npm run soak: minutes of mixed reading, searching and publishing against a real `masthead serve` on
// 127.0.0.1 and a synthetic archive, at a fixed concurrency (bounded load, not a stress test). Prints errors
// (there must be none), p50/p99 per route type and the server's memory over time, and writes the same as
// JSON under bench/results/soak-*.json. Not part of CI: `npm test` runs it for a few seconds so it cannot rot.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from '../src/domain/random.ts';
import { PLACES, THINGS } from '../src/corpus/words.ts';
import { routeType } from '../src/ops/route-type.ts';
import { corpusFile } from './run.ts';
import { freePort, startMasthead, type Running } from './servers.ts';
import { Harvest, percentile, slopePerMinute, treeRssMb } from './soak-support.ts';
import { prepare, scrape, summary } from './soak-report.ts';

export interface SoakOptions {
  minutes: number;
  articles: number;
  /** Readers making one request after another. */
  connections: number;
  /** One publication (create, publish, then an edit) every this many seconds. */
  publishEverySeconds: number;
  /** Memory is sampled this often. */
  sampleSeconds: number;
  /** Serving processes (MASTHEAD_WORKERS); the server's default when unset. */
  workers?: number;
  dataDir: string;
  resultsDir: string;
}

interface RouteStats {
  count: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface SoakReport {
  at: string;
  options: SoakOptions;
  seconds: number;
  requests: number;
  errors: number;
  /** The first few failures, for the reader of the report. */
  errorSamples: string[];
  byRoute: Record<string, RouteStats>;
  published: number;
  edited: number;
  memory: { samples: { second: number; rssMb: number }[]; startMb: number; endMb: number; secondHalfSlopeMbPerMin: number };
  /** A few numbers from the server's own /metrics, when it serves them. */
  serverMetrics: Record<string, number> | null;
}

const SEARCH_WORDS = [...PLACES, ...THINGS].flatMap((p) => p.toLowerCase().split(/\s+/)).filter((w) => /^[a-z]{4,}$/.test(w));

export async function runSoak(o: SoakOptions, log: (line: string) => void = console.log): Promise<SoakReport> {
  const corpus = await corpusFile({ articles: o.articles, dataDir: o.dataDir });
  // Publishing writes to the database: work on a copy so the benchmark's corpus stays as generated.
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-soak-'));
  const file = path.join(work, 'soak.db');
  for (const ext of ['', '-wal', '-shm']) await fs.copyFile(`${corpus}${ext}`, `${file}${ext}`).catch(() => {});
  const { token, sectionIds, sectionPaths } = await prepare(file);

  const metricsPort = await freePort();
  let server: Running | undefined;
  try {
    server = await startMasthead(file, 64, {
      // All load comes from one address: the per-address limits would refuse most of it.
      MASTHEAD_RATE_LIMIT_SEARCH: '0',
      MASTHEAD_RATE_LIMIT_API: '0',
      MASTHEAD_METRICS_PORT: String(metricsPort),
      ...(o.workers ? { MASTHEAD_WORKERS: String(o.workers) } : {}),
    });
    const base = server.url;
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const harvest = new Harvest(sectionPaths);
    const latencies = new Map<string, number[]>();
    const errorsByRoute = new Map<string, number>();
    const errorSamples: string[] = [];
    let stopAt = 0;
    const count = () => [...latencies.values()].reduce((n, l) => n + l.length, 0);
    const errors = () => [...errorsByRoute.values()].reduce((a, b) => a + b, 0);

    async function request(
      url: string,
      init: RequestInit = {},
      expect: (status: number) => boolean = (s) => s < 400,
    ): Promise<Response | null> {
      const route = routeType(url);
      const started = performance.now();
      let res: Response | null = null;
      let problem = '';
      try {
        res = await fetch(base + url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        if (!expect(res.status)) problem = `${init.method ?? 'GET'} ${url} → ${res.status} ${body.slice(0, 200)}`;
        else harvest.from(url, body);
        res = new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, headers: res.headers });
      } catch (err) {
        problem = `${init.method ?? 'GET'} ${url} → ${(err as Error).message}`;
      }
      const list = latencies.get(route) ?? [];
      list.push(performance.now() - started);
      latencies.set(route, list);
      if (problem) {
        errorsByRoute.set(route, (errorsByRoute.get(route) ?? 0) + 1);
        if (errorSamples.length < 10) errorSamples.push(problem);
      }
      return problem ? null : res;
    }

    function readerUrl(): string {
      const r = rand();
      if (r < 0.45) return harvest.article(rand) ?? '/';
      if (r < 0.65) return harvest.listing(rand);
      if (r < 0.75) return '/';
      if (r < 0.87) return `/search?q=${Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(SEARCH_WORDS)).join('+')}`;
      if (r < 0.93) return pick(['/feed.xml', '/feed.atom', '/feed.json', `/${pick(sectionPaths)}/feed.xml`]);
      if (r < 0.96) return pick(['/sitemap.xml', '/news-sitemap.xml', '/robots.txt']);
      return harvest.asset(rand) ?? '/robots.txt';
    }

    let published = 0;
    let edited = 0;
    const api = (method: string, url: string, body: unknown) =>
      request(url, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    async function publishOne(n: number) {
      const created = await api('POST', '/api/v1/articles', {
        headline: `Soak test dispatch ${n}: ${pick(PLACES)} ${pick(THINGS)}`,
        standfirst: 'Published by the soak test.',
        body: [{ type: 'paragraph', content: [{ text: `Paragraph of dispatch ${n}.` }] }],
        primarySectionId: pick(sectionIds),
        tags: [`Topic ${1 + Math.floor(rand() * 400)}`],
      });
      if (!created) return;
      const { id, revision } = (await created.json()) as { id: number; revision: number };
      if (!(await api('POST', `/api/v1/articles/${id}/publish`, {}))) return;
      published++;
      const current = await request(`/api/v1/articles/${id}`, { headers: { authorization: `Bearer ${token}` } });
      if (!current) return;
      const { article, revision: latest } = (await current.json()) as { article: Record<string, unknown>; revision: number };
      const saved = await api('PUT', `/api/v1/articles/${id}`, {
        baseRevision: latest ?? revision,
        article: { ...article, standfirst: 'Updated by the soak test.' },
      });
      if (!saved) return;
      // The edit of a live article is held until an editor updates it: do that too, as a newsroom would.
      const { revision: held } = (await saved.json()) as { revision: number };
      if (await api('POST', `/api/v1/articles/${id}/update`, { revision: held, significantUpdate: true })) edited++;
    }

    // Warm-up (not measured): the home page and first page of every section give the first links to follow.
    for (const p of ['/', ...sectionPaths.map((s) => `/${s}`)]) harvest.from(p, await (await fetch(base + p)).text());
    latencies.clear();

    const seconds = o.minutes * 60;
    const t0 = performance.now();
    stopAt = t0 + seconds * 1000;
    const samples: { second: number; rssMb: number }[] = [];
    const sample = async () =>
      samples.push({ second: Math.round((performance.now() - t0) / 100) / 10, rssMb: await treeRssMb(server!.child.pid!) });
    await sample();
    const sampler = setInterval(() => void sample(), o.sampleSeconds * 1000);
    const progress = setInterval(
      () => log(`  ${Math.round((performance.now() - t0) / 1000)} s: ${count()} requests, ${errors()} errors`),
      30_000,
    );
    const readers = Array.from({ length: o.connections }, async () => {
      while (performance.now() < stopAt) await request(readerUrl());
    });
    const publisher = (async () => {
      for (let n = 1; performance.now() < stopAt; n++) {
        const next = t0 + n * o.publishEverySeconds * 1000;
        await publishOne(n);
        await new Promise((r) => setTimeout(r, Math.max(0, Math.min(next, stopAt) - performance.now())));
      }
    })();
    log(
      `soak: ${o.minutes} min, ${o.connections} readers, a publication every ${o.publishEverySeconds} s, ${o.articles.toLocaleString('en')} articles, ${base}`,
    );
    await Promise.all([...readers, publisher]);
    clearInterval(sampler);
    clearInterval(progress);
    await sample();

    const serverMetrics = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    const byRoute: Record<string, RouteStats> = {};
    for (const [route, list] of [...latencies.entries()].sort()) {
      const sorted = Float64Array.from(list).sort();
      byRoute[route] = {
        count: list.length,
        errors: errorsByRoute.get(route) ?? 0,
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
      };
    }
    const half = samples.filter((s) => s.second >= seconds / 2);
    const report: SoakReport = {
      at: new Date().toISOString(),
      options: o,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      requests: count(),
      errors: errors(),
      errorSamples,
      byRoute,
      published,
      edited,
      memory: {
        samples,
        startMb: samples[0]!.rssMb,
        endMb: samples.at(-1)!.rssMb,
        secondHalfSlopeMbPerMin: slopePerMinute(half.length >= 2 ? half : samples),
      },
      serverMetrics,
    };
    for (const line of summary(report)) log(line);
    await fs.mkdir(o.resultsDir, { recursive: true });
    const out = path.join(o.resultsDir, `soak-${report.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(out, JSON.stringify(report, null, 2));
    log(`results written to ${out}`);
    return report;
  } finally {
    await server?.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '5' },
      articles: { type: 'string', default: '20000' },
      connections: { type: 'string', default: '8' },
      'publish-every': { type: 'string', default: '2' },
      'sample-every': { type: 'string', default: '10' },
      workers: { type: 'string' },
    },
  });
  const root = path.resolve(import.meta.dirname, '..');
  runSoak({
    minutes: Number(values.minutes),
    articles: Number(values.articles),
    connections: Number(values.connections),
    publishEverySeconds: Number(values['publish-every']),
    sampleSeconds: Number(values['sample-every']),
    workers: values.workers ? Number(values.workers) : undefined,
    dataDir: path.join(root, 'bench', 'data'),
    resultsDir: path.join(root, 'bench', 'results'),
  }).then(
    (r) => process.exit(r.errors === 0 ? 0 : 1),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
