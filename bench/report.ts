// The benchmark's table and targets: each scenario with req/s, p50, p99 and its ratio to every baseline, then
// the issues' targets marked met or NOT MET (those of the suites that ran), and the same as JSON.
import type { LoadResult } from './load.ts';
import type { PageWeight } from './probes.ts';

export interface ReportInput {
  o: {
    articles: number;
    seconds: number;
    rounds: number;
    connections: number;
    latencyConnections: number;
    tool: string;
    only: string[];
    database?: string;
  };
  plan: { name: string; connections: number }[];
  results: Map<string, LoadResult>;
  workers: number;
  /** The public site's probes, when its scenarios ran. */
  site?: { deepPage: number; visibleMs: number; weight: PageWeight };
  rss: { cached: number[]; uncached: number[] };
  startupMs: { cached?: number; uncached: number };
}

/** The newsroom finder's target (issue 13): on a million articles, a filtered list and a search within 100 ms at p99. */
const FINDER_P99_MS = 100;

export function benchReport(r: ReportInput) {
  const get = (prefix: string) => [...r.results].find(([name]) => name.startsWith(prefix))?.[1];
  const nginx = get('nginx');
  const bare1 = get('bare node ×1')!;
  const bareN = get(`bare node ×${r.workers}`)!;
  const baselines = [
    ['nginx', nginx],
    ['bare ×1', bare1],
    [`bare ×${r.workers}`, bareN],
  ].filter((b): b is [string, LoadResult] => !!b[1]);

  const n = (v: number) => v.toFixed(v < 10 ? 2 : 0);
  const header = `${'scenario'.padEnd(44)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${baselines.map(([b]) => `× ${b}`.padStart(10)).join(' ')} errors`;
  const rows = r.plan.map((p) => {
    const x = r.results.get(p.name)!;
    return `${p.name.padEnd(44)} ${String(p.connections).padStart(5)} ${x.rps.toFixed(0).padStart(8)} ${n(x.p50).padStart(8)} ${n(x.p99).padStart(8)} ${baselines.map(([, b]) => (x.rps / b.rps).toFixed(2).padStart(10)).join(' ')} ${x.errors}`;
  });

  const at = `${r.o.articles.toLocaleString('en')} articles`;
  const maxRss = Math.max(...r.rss.cached, ...r.rss.uncached);
  const startup = Math.max(r.startupMs.cached ?? 0, r.startupMs.uncached);
  const finder = (kind: string) => {
    const found = r.plan.filter((p) => p.name.startsWith(`finder, ${kind}:`)).map((p) => [p.name, r.results.get(p.name)!] as const);
    const worst = found.reduce((a, b) => (b[1].p99 > a[1].p99 ? b : a), found[0]!);
    return {
      target: `finder ${kind} p99 ≤ ${FINDER_P99_MS} ms (${at}), worst of ${found.length}: ${worst[1].p99.toFixed(1)} ms (${worst[0].replace(/^finder, /, '')})`,
      met: found.every(([, x]) => x.p99 <= FINDER_P99_MS && x.errors === 0),
    };
  };
  const targets = [
    ...(r.site ? siteTargets(r, r.site, get, { nginx, bare1, bareN }, at) : []),
    ...(r.o.only.includes('finder') ? [finder('list'), finder('search')] : []),
    {
      target: `RSS per process after the run ≤ 300 MB: ${maxRss} MB (${[...r.rss.cached, ...r.rss.uncached].join(', ')})`,
      met: maxRss <= 300,
    },
    { target: `start-up to first page ≤ 2 s (${at}): ${(startup / 1000).toFixed(2)} s`, met: startup <= 2_000 },
  ];
  const lines = [header, ...rows, '', ...targets.map((t) => `${t.met ? 'met    ' : 'NOT MET'}  ${t.target}`)];
  const json = {
    at: new Date().toISOString(),
    options: r.o,
    workers: r.workers,
    scenarios: r.plan.map((p) => ({
      name: p.name,
      connections: p.connections,
      result: r.results.get(p.name)!,
      ratios: Object.fromEntries(baselines.map(([b, x]) => [b, r.results.get(p.name)!.rps / x.rps])),
    })),
    probes: { publishToVisibleMs: r.site?.visibleMs, pageWeight: r.site?.weight, rssMb: r.rss, startupMs: r.startupMs },
    targets,
  };
  return { lines, json };
}

/** The public site's targets: throughput against the baselines, latency, freshness, weight. */
function siteTargets(
  r: ReportInput,
  site: NonNullable<ReportInput['site']>,
  get: (prefix: string) => LoadResult | undefined,
  { nginx, bare1, bareN }: { nginx: LoadResult | undefined; bare1: LoadResult; bareN: LoadResult },
  at: string,
) {
  const cachedN = get(`article, cached, masthead ×${r.workers}`)!;
  const cached1 = get('article, cached, masthead ×1')!;
  const search = Math.max(get('search, one word')!.p99, get('search, three words,')!.p99, get('search, three words, matches')!.p99);
  const deep = get(`section page ${site.deepPage}`)!;
  return [
    ...(nginx
      ? [
          {
            target: `cached article (×${r.workers}) ≥ 0.5× nginx: ${(cachedN.rps / nginx.rps).toFixed(2)}×`,
            met: cachedN.rps >= 0.5 * nginx.rps,
          },
        ]
      : []),
    {
      target: `cached article (×${r.workers}) ≥ 0.9× bare node ×${r.workers}: ${(cachedN.rps / bareN.rps).toFixed(2)}×`,
      met: cachedN.rps >= 0.9 * bareN.rps,
    },
    { target: `cached article (×1) ≥ 0.9× bare node ×1: ${(cached1.rps / bare1.rps).toFixed(2)}×`, met: cached1.rps >= 0.9 * bare1.rps },
    {
      target: `uncached article ≥ 2,000 req/s (${at}): ${get('article, uncached')!.rps.toFixed(0)}`,
      met: get('article, uncached')!.rps >= 2_000,
    },
    { target: `uncached home ≥ 1,000 req/s (${at}): ${get('home, uncached')!.rps.toFixed(0)}`, met: get('home, uncached')!.rps >= 1_000 },
    {
      target: `uncached section ≥ 1,000 req/s (${at}): ${get('section, uncached')!.rps.toFixed(0)}`,
      met: get('section, uncached')!.rps >= 1_000,
    },
    { target: `search p99 ≤ 50 ms (${at}): ${search.toFixed(1)} ms`, met: search <= 50 },
    {
      target: `section page ${site.deepPage} p99 ≤ 20 ms (${at}): ${deep.p99.toFixed(1)} ms`,
      met: deep.p99 <= 20 && site.deepPage >= 500,
    },
    {
      target: `publish → visible on article, home, sections, feed, all ${r.workers} workers ≤ 1 s: ${site.visibleMs.toFixed(0)} ms`,
      met: site.visibleMs >= 0 && site.visibleMs <= 1_000,
    },
    { target: `article HTML ≤ 60 KB: ${site.weight.htmlKb.toFixed(1)} KB`, met: site.weight.htmlKb <= 60 },
    { target: `CSS ≤ 20 KB: ${site.weight.cssKb.toFixed(1)} KB`, met: site.weight.cssKb <= 20 },
    {
      target: 'reads without JavaScript; images sized, lazy below the fold',
      met: site.weight.readsWithoutJs && site.weight.imagesSized && site.weight.belowFoldLazy,
    },
  ];
}
