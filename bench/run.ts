// npm run bench: Masthead against a bare Node server serving the same bytes (and the anchors), on a
// synthetic archive, with wrk (or autocannon where wrk is absent) on 127.0.0.1 for bounded time. Prints a table
// of req/s, p50, p99 and ratios, checks the targets, and writes the same as JSON under bench/results/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { createStore } from '../src/store/index.ts';
import { generateCorpus, withoutDurability } from '../src/corpus/generate.ts';
import { progressReporter } from '../src/progress.ts';
import { load, wrkAvailable, type LoadResult } from './load.ts';
import { fetchBytes, startBaseline, startMasthead, type Running } from './servers.ts';

export interface BenchOptions {
  articles: number;
  seconds: number;
  rounds: number;
  connections: number;
  tool?: 'wrk' | 'autocannon';
  dataDir: string;
  resultsDir: string;
}

export interface Scenario {
  name: string;
  result: LoadResult;
  vsBaseline: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The synthetic archive of `o.articles` articles under `o.dataDir`, generated once and reused. */
export async function corpusFile(o: Pick<BenchOptions, 'articles' | 'dataDir'>): Promise<string> {
  const file = path.join(o.dataDir, `corpus-${o.articles}.db`);
  if (await fs.access(file).then(() => true, () => false)) return file;
  await fs.mkdir(o.dataDir, { recursive: true });
  const db = openDb({ kind: 'sqlite', file: `${file}.partial` });
  await migrate(db);
  withoutDurability(db);
  await generateCorpus(createStore(db), { articles: o.articles, onProgress: progressReporter('Corpus') });
  await db.close();
  for (const ext of ['', '-wal', '-shm']) await fs.rename(`${file}.partial${ext}`, `${file}${ext}`).catch(() => {});
  return file;
}

async function measure(o: BenchOptions, tool: 'wrk' | 'autocannon', url: string): Promise<LoadResult> {
  const rounds: LoadResult[] = [];
  for (let i = 0; i < o.rounds; i++) rounds.push(await load(tool, url, o.connections, o.seconds));
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

export async function runBench(o: BenchOptions, log: (line: string) => void = console.log) {
  const tool = o.tool ?? (wrkAvailable() ? 'wrk' : 'autocannon');
  const db = await corpusFile(o);
  const running: Running[] = [];
  try {
    const cached = await startMasthead(db, 256);
    running.push(cached);
    const uncached = await startMasthead(db, 0);
    running.push(uncached);
    const section = await (await fetch(`${uncached.url}/news/europe`)).text();
    const articlePath = /href="(\/news\/europe\/\d{4}\/[^"]+)"/.exec(section)?.[1];
    if (!articlePath) throw new Error('no article found on /news/europe');
    await fetch(cached.url + articlePath); // fill the cache
    const bytes = await fetchBytes(cached.url + articlePath);
    const baseline = await startBaseline(bytes.body, bytes.encoding);
    running.push(baseline);

    const plan: [string, string][] = [
      ['bare node, same bytes (baseline)', baseline.url],
      ['article, cached', cached.url + articlePath],
      ['article, uncached', uncached.url + articlePath],
      ['home, uncached', `${uncached.url}/`],
      ['section, uncached', `${uncached.url}/news/europe`],
      ['search, one word, uncached', `${uncached.url}/search?q=ferry`],
      ['search, three words, uncached', `${uncached.url}/search?q=ferry+budget+talks`],
    ];
    const scenarios: Scenario[] = [];
    let base = 0;
    for (const [name, url] of plan) {
      log(`measuring ${name} (${o.rounds} × ${o.seconds} s, ${o.connections} connections, ${tool})…`);
      const result = await measure(o, tool, url);
      if (!base) base = result.rps;
      scenarios.push({ name, result, vsBaseline: base ? result.rps / base : null });
    }
    const get = (n: string) => scenarios.find((s) => s.name === n)!.result;
    const targets = [
      { target: 'cached article ≥ 0.9× bare node', met: get('article, cached').rps >= 0.9 * base },
      { target: `uncached article ≥ 2,000 req/s (${o.articles.toLocaleString('en')} articles)`, met: get('article, uncached').rps >= 2_000 },
      { target: 'uncached home ≥ 1,000 req/s', met: get('home, uncached').rps >= 1_000 },
      { target: 'uncached section ≥ 1,000 req/s', met: get('section, uncached').rps >= 1_000 },
      { target: 'search p99 ≤ 50 ms', met: Math.max(get('search, one word, uncached').p99, get('search, three words, uncached').p99) <= 50 },
      { target: 'article HTML ≤ 60 KB', met: (await (await fetch(uncached.url + articlePath)).text()).length <= 60 * 1024 },
    ];
    const lines = [
      `${'scenario'.padEnd(34)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'× bare'.padStart(7)} errors`,
      ...scenarios.map(
        (s) =>
          `${s.name.padEnd(34)} ${s.result.rps.toFixed(0).padStart(9)} ${s.result.p50.toFixed(2).padStart(8)} ${s.result.p99.toFixed(2).padStart(8)} ${(s.vsBaseline ?? 0).toFixed(2).padStart(7)} ${s.result.errors}`,
      ),
      '',
      ...targets.map((t) => `${t.met ? 'met    ' : 'NOT MET'}  ${t.target}`),
    ];
    for (const l of lines) log(l);
    const report = { at: new Date().toISOString(), tool, options: o, scenarios, targets };
    await fs.mkdir(o.resultsDir, { recursive: true });
    const file = path.join(o.resultsDir, `bench-${report.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, JSON.stringify(report, null, 2));
    log(`results written to ${file}`);
    return report;
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      tool: { type: 'string' },
    },
  });
  const root = path.resolve(import.meta.dirname, '..');
  runBench({
    articles: Number(values.articles),
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    tool: values.tool === 'wrk' || values.tool === 'autocannon' ? values.tool : undefined,
    dataDir: path.join(root, 'bench', 'data'),
    resultsDir: path.join(root, 'bench', 'results'),
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
