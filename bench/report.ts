// The benchmark's table and targets: each scenario with req/s, p50, p99 and its ratio to every baseline, then
// the issue's targets marked met or NOT MET, and the same as JSON.
import type { LoadResult } from './load.ts';
import type { PageWeight } from './probes.ts';

export interface ReportInput {
  o: { articles: number; seconds: number; rounds: number; connections: number; latencyConnections: number; tool: string };
  plan: { name: string; connections: number }[];
  results: Map<string, LoadResult>;
  workers: number;
  deepPage: number;
  visibleMs: number;
  weight: PageWeight;
  rss: { cached: number[]; uncached: number[] };
  startupMs: { cached: number; uncached: number };
}

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
  const header = `${'scenario'.padEnd(40)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${baselines.map(([b]) => `× ${b}`.padStart(10)).join(' ')} errors`;
  const rows = r.plan.map((p) => {
    const x = r.results.get(p.name)!;
    return `${p.name.padEnd(40)} ${String(p.connections).padStart(5)} ${x.rps.toFixed(0).padStart(8)} ${n(x.p50).padStart(8)} ${n(x.p99).padStart(8)} ${baselines.map(([, b]) => (x.rps / b.rps).toFixed(2).padStart(10)).join(' ')} ${x.errors}`;
  });

  const at = `${r.o.articles.toLocaleString('en')} articles`;
  const cachedN = get(`article, cached, masthead ×${r.workers}`)!;
  const cached1 = get('article, cached, masthead ×1')!;
  const search = Math.max(get('search, one word')!.p99, get('search, three words,')!.p99, get('search, three words, matches')!.p99);
  const deep = get(`section page ${r.deepPage}`)!;
  const maxRss = Math.max(...r.rss.cached, ...r.rss.uncached);
  const startup = Math.max(r.startupMs.cached, r.startupMs.uncached);
  const targets = [
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
    { target: `section page ${r.deepPage} p99 ≤ 20 ms (${at}): ${deep.p99.toFixed(1)} ms`, met: deep.p99 <= 20 && r.deepPage >= 500 },
    {
      target: `publish → visible on article, home, sections, feed, all ${r.workers} workers ≤ 1 s: ${r.visibleMs.toFixed(0)} ms`,
      met: r.visibleMs >= 0 && r.visibleMs <= 1_000,
    },
    {
      target: `RSS per process after the run ≤ 300 MB: ${maxRss} MB (${[...r.rss.cached, ...r.rss.uncached].join(', ')})`,
      met: maxRss <= 300,
    },
    { target: `start-up to first page ≤ 2 s (${at}): ${(startup / 1000).toFixed(2)} s`, met: startup <= 2_000 },
    { target: `article HTML ≤ 60 KB: ${r.weight.htmlKb.toFixed(1)} KB`, met: r.weight.htmlKb <= 60 },
    { target: `CSS ≤ 20 KB: ${r.weight.cssKb.toFixed(1)} KB`, met: r.weight.cssKb <= 20 },
    {
      target: 'reads without JavaScript; images sized, lazy below the fold',
      met: r.weight.readsWithoutJs && r.weight.imagesSized && r.weight.belowFoldLazy,
    },
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
    probes: { publishToVisibleMs: r.visibleMs, pageWeight: r.weight, rssMb: r.rss, startupMs: r.startupMs },
    targets,
  };
  return { lines, json };
}
