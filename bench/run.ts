// npm run bench: Masthead against a bare Node server serving the same bytes (and the anchors), on a
// synthetic archive, with wrk (or autocannon where wrk is absent) on 127.0.0.1 for bounded time. Prints a table
// of req/s, p50, p99 and ratios, checks the targets, and writes the same as JSON under bench/results/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/corpus/generate.ts';
import { openMigratedStore } from '../src/store/open.ts';
import { progressReporter } from '../src/progress.ts';
import os from 'node:os';
import { load, wrkAvailable, type LoadResult } from './load.ts';
import { fetchBytes, rssMb, startBaseline, startMasthead, startNginx, type Running } from './servers.ts';
import { benchEditor, deepSectionUrl, pageWeight, publishToVisible } from './probes.ts';
import { benchReport } from './report.ts';

export interface BenchOptions {
  articles: number;
  seconds: number;
  rounds: number;
  /** Connections for throughput scenarios. */
  connections: number;
  /** Connections for the latency targets (search, deep pages): a busy site, not a saturated one. */
  latencyConnections: number;
  /** Serving processes for the whole-machine scenarios. */
  workers: number;
  tool?: 'wrk' | 'autocannon';
  dataDir: string;
  resultsDir: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The synthetic archive of `o.articles` articles under `o.dataDir`, generated once and reused. */
export async function corpusFile(o: Pick<BenchOptions, 'articles' | 'dataDir'>): Promise<string> {
  const file = path.join(o.dataDir, `corpus-${o.articles}.db`);
  if (
    await fs.access(file).then(
      () => true,
      () => false,
    )
  )
    return file;
  await fs.mkdir(o.dataDir, { recursive: true });
  const { db, store } = await openMigratedStore({ kind: 'sqlite', file: `${file}.partial` }, 'bulk');
  await generateCorpus(store, { articles: o.articles, onProgress: progressReporter('Corpus') });
  await db.close();
  for (const ext of ['', '-wal', '-shm']) await fs.rename(`${file}.partial${ext}`, `${file}${ext}`).catch(() => {});
  return file;
}

interface Plan {
  name: string;
  url: string;
  connections: number;
}

/** Rounds are interleaved (every scenario once per round) so that drift in the machine hits all alike. */
async function measureAll(
  o: BenchOptions,
  tool: 'wrk' | 'autocannon',
  plan: Plan[],
  log: (line: string) => void,
): Promise<Map<string, LoadResult>> {
  const rounds = new Map<string, LoadResult[]>(plan.map((p) => [p.name, []]));
  for (let r = 1; r <= o.rounds; r++) {
    for (const p of plan) {
      log(`round ${r}/${o.rounds}: ${p.name} (${o.seconds} s, ${p.connections} connections, ${tool})`);
      rounds.get(p.name)!.push(await load(tool, p.url, p.connections, o.seconds));
    }
  }
  return new Map(
    [...rounds].map(([name, rs]) => [
      name,
      {
        rps: median(rs.map((x) => x.rps)),
        p50: median(rs.map((x) => x.p50)),
        p99: median(rs.map((x) => x.p99)),
        errors: rs.reduce((n, x) => n + x.errors, 0),
        rounds: rs.map((x) => Math.round(x.rps)),
      },
    ]),
  );
}

export async function runBench(o: BenchOptions, log: (line: string) => void = console.log) {
  const tool = o.tool ?? (wrkAvailable() ? 'wrk' : 'autocannon');
  const db = await corpusFile(o);
  const workers = o.workers;
  const running: Running[] = [];
  const started = <T extends Running>(r: T): T => {
    running.push(r);
    return r;
  };
  try {
    const editor = await benchEditor(db);
    const deep = await deepSectionUrl(db, 'news', 500);
    // All load comes from one address: per-address limits would measure the limiter.
    const env = (n: number) => ({ MASTHEAD_WORKERS: String(n), MASTHEAD_RATE_LIMIT_SEARCH: '0', MASTHEAD_RATE_LIMIT_API: '0' });
    const single = started(await startMasthead(db, 256, env(1)));
    const cached = started(await startMasthead(db, 256, env(workers)));
    const uncached = started(await startMasthead(db, 0, env(workers)));
    const section = await (await fetch(`${uncached.url}/news/europe`)).text();
    const articlePath = /href="(\/news\/europe\/\d{4}\/[^"]+)"/.exec(section)?.[1];
    if (!articlePath) throw new Error('no article found on /news/europe');
    for (const server of [single, cached]) for (let i = 0; i < workers * 2; i++) await fetchBytes(server.url + articlePath); // fill the caches
    const bytes = await fetchBytes(cached.url + articlePath);
    const bare1 = started(await startBaseline(bytes.body, bytes.encoding, 1));
    const bareN = started(await startBaseline(bytes.body, bytes.encoding, workers));
    const nginx = await startNginx(bytes.body, bytes.encoding);
    if (nginx) started(nginx);

    const c = o.connections;
    const quiet = o.latencyConnections;
    const plan: Plan[] = [
      ...(nginx ? [{ name: 'nginx, same bytes as a static file', url: nginx.url, connections: c }] : []),
      { name: 'bare node ×1, same bytes', url: bare1.url, connections: c },
      { name: `bare node ×${workers} (cluster), same bytes`, url: bareN.url, connections: c },
      { name: 'article, cached, masthead ×1', url: single.url + articlePath, connections: c },
      { name: `article, cached, masthead ×${workers}`, url: cached.url + articlePath, connections: c },
      { name: 'article, uncached', url: uncached.url + articlePath, connections: c },
      { name: 'home, uncached', url: `${uncached.url}/`, connections: c },
      { name: 'section, uncached', url: `${uncached.url}/news/europe`, connections: c },
      { name: `section page ${deep.page}, uncached`, url: uncached.url + deep.url, connections: quiet },
      { name: 'search, one word, uncached', url: `${uncached.url}/search?q=ferry`, connections: quiet },
      // Three words that no article has together (the corpus never pairs ferry and budget), and three that many have.
      { name: 'search, three words, uncached', url: `${uncached.url}/search?q=ferry+budget+talks`, connections: quiet },
      { name: 'search, three words, matches, uncached', url: `${uncached.url}/search?q=ferry+subsidies+talks`, connections: quiet },
    ];
    const results = await measureAll(o, tool, plan, log);
    const visibleMs = await publishToVisible(cached.url, editor, workers);
    const weight = await pageWeight(uncached.url, articlePath);
    const rss = { cached: rssMb(cached.child), uncached: rssMb(uncached.child) };
    const report = benchReport({
      o: { ...o, tool },
      plan,
      results,
      workers,
      deepPage: deep.page,
      visibleMs,
      weight,
      rss,
      startupMs: { cached: cached.startupMs, uncached: uncached.startupMs },
    });
    for (const l of report.lines) log(l);
    await fs.mkdir(o.resultsDir, { recursive: true });
    const file = path.join(o.resultsDir, `bench-${report.json.at.replace(/[:.]/g, '-')}.json`);
    await fs.writeFile(file, JSON.stringify(report.json, null, 2));
    log(`results written to ${file}`);
    return report.json;
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
      'latency-connections': { type: 'string', default: '10' },
      workers: { type: 'string', default: String(os.availableParallelism()) },
      tool: { type: 'string' },
    },
  });
  const root = path.resolve(import.meta.dirname, '..');
  runBench({
    articles: Number(values.articles),
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    latencyConnections: Number(values['latency-connections']),
    workers: Number(values.workers),
    tool: values.tool === 'wrk' || values.tool === 'autocannon' ? values.tool : undefined,
    dataDir: path.join(root, 'bench', 'data'),
    resultsDir: path.join(root, 'bench', 'results'),
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
