// npm run bench: Masthead against a bare Node server serving the same bytes (and the anchors), on a
// synthetic archive, with wrk (or autocannon where wrk is absent) on 127.0.0.1 for bounded time. Prints a table
// of req/s, p50, p99 and ratios, checks the targets, and writes the same as JSON under bench/results/.
// `--only finder` runs the newsroom finder's scenarios (API token and signed-in page) beside the baselines only;
// `--database FILE` (or a postgres:// URL) measures an archive made once with `npm run corpus`, e.g. 1M articles.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/corpus/generate.ts';
import { openMigratedStore } from '../src/store/open.ts';
import { progressReporter } from '../src/progress.ts';
import os from 'node:os';
import { load, wrkAvailable, type LoadResult } from './load.ts';
import { fetchBytes, rssMb, startBaseline, startMasthead, startNginx, type Running } from './servers.ts';
import {
  articleCount,
  benchEditor,
  deepSectionUrl,
  finderPageUrl,
  finderSubjects,
  pageWeight,
  publishToVisible,
  type BenchEditor,
} from './probes.ts';
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
  /** The scenario groups to run (default: all). */
  only?: Suite[];
  /**
   * An existing archive to measure instead of generating one (a SQLite file, `sqlite:FILE` or `postgres://…`),
   * e.g. a million articles made once with `npm run corpus`; `articles` is then what it holds.
   */
  database?: string;
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
  /** Request headers besides Accept-Encoding (the finder's API token or session cookie). */
  headers?: Record<string, string>;
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
      rounds.get(p.name)!.push(await load(tool, p.url, p.connections, o.seconds, p.headers));
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

/** The scenario groups: the public site (and its probes), and the newsroom's article finder. */
export const SUITES = ['site', 'finder'] as const;
export type Suite = (typeof SUITES)[number];

/** Words for the finder's searches: in nearly every article of the corpus, and in about one in fourteen. */
const COMMON_WORD = 'officials';
const RARER_WORD = 'ferry';
/** The page of a filtered list reached through cursors (50 a page; the last one on a smaller archive). */
const FINDER_CURSOR_PAGE = 100;

/** The newsroom's finder as its clients ask it: the API with a token, and the list page with a session. */
async function finderPlan(database: string, base: string, editor: BenchEditor, quiet: number): Promise<Plan[]> {
  const { sectionId, personId, tag } = await finderSubjects(database);
  const api = { authorization: `Bearer ${editor.token}` };
  const filtered = `/api/v1/articles?status=published&section=${sectionId}&sort=modified`;
  const deep = await finderPageUrl(base, filtered, FINDER_CURSOR_PAGE, editor.token);
  const search = (words: string) => `/api/v1/articles?q=${encodeURIComponent(words)}`;
  const plans: [string, string, Record<string, string>][] = [
    ['finder, list: published, section + subs', filtered, api],
    [`finder, list: same, page ${deep.page} by cursor`, deep.url, api],
    ['finder, list: by author', `/api/v1/articles?author=${personId}`, api],
    ['finder, list: by tag', `/api/v1/articles?tag=${tag}`, api],
    [
      'finder, list: same as first, HTML, session',
      `/newsroom/articles?status=published&section=${sectionId}&sort=modified`,
      { cookie: `mh_session=${editor.session}` },
    ],
    ['finder, search: one common word', search(COMMON_WORD), api],
    ['finder, search: one rarer word', search(RARER_WORD), api],
    // Three words every article has (one sentence of the corpus), and three that about one in 150 has.
    ['finder, search: three common words', search(`${COMMON_WORD} decision consultation`), api],
    ['finder, search: three rarer words', search(`${RARER_WORD} subsidies talks`), api],
  ];
  for (const [name, url, headers] of plans) {
    const res = await fetch(base + url, { headers });
    if (res.status !== 200) throw new Error(`${name}: ${url} answered ${res.status}`);
  }
  return plans.map(([name, url, headers]) => ({ name, url: base + url, headers, connections: quiet }));
}

export async function runBench(o: BenchOptions, log: (line: string) => void = console.log) {
  const tool = o.tool ?? (wrkAvailable() ? 'wrk' : 'autocannon');
  const suites = new Set(o.only ?? SUITES);
  const db = o.database ?? (await corpusFile(o));
  const articles = o.database ? await articleCount(db) : o.articles;
  const workers = o.workers;
  const running: Running[] = [];
  const started = <T extends Running>(r: T): T => {
    running.push(r);
    return r;
  };
  try {
    const editor = await benchEditor(db);
    // All load comes from one address: per-address limits would measure the limiter.
    const env = (n: number) => ({ MASTHEAD_WORKERS: String(n), MASTHEAD_RATE_LIMIT_SEARCH: '0', MASTHEAD_RATE_LIMIT_API: '0' });
    const site = suites.has('site')
      ? {
          deep: await deepSectionUrl(db, 'news', 500),
          single: started(await startMasthead(db, 256, env(1))),
          cached: started(await startMasthead(db, 256, env(workers))),
        }
      : undefined;
    const uncached = started(await startMasthead(db, 0, env(workers)));
    const section = await (await fetch(`${uncached.url}/news/europe`)).text();
    const articlePath = /href="(\/news\/europe\/\d{4}\/[^"]+)"/.exec(section)?.[1];
    if (!articlePath) throw new Error('no article found on /news/europe');
    // The baselines serve the bytes of a cached article page (the uncached server's when only the finder runs).
    const source = site?.cached ?? uncached;
    for (const server of site ? [site.single, site.cached] : [])
      for (let i = 0; i < workers * 2; i++) await fetchBytes(server.url + articlePath); // fill the caches
    const bytes = await fetchBytes(source.url + articlePath);
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
      ...(site
        ? [
            { name: 'article, cached, masthead ×1', url: site.single.url + articlePath, connections: c },
            { name: `article, cached, masthead ×${workers}`, url: site.cached.url + articlePath, connections: c },
            { name: 'article, uncached', url: uncached.url + articlePath, connections: c },
            { name: 'home, uncached', url: `${uncached.url}/`, connections: c },
            { name: 'section, uncached', url: `${uncached.url}/news/europe`, connections: c },
            { name: `section page ${site.deep.page}, uncached`, url: uncached.url + site.deep.url, connections: quiet },
            { name: 'search, one word, uncached', url: `${uncached.url}/search?q=ferry`, connections: quiet },
            // Three words that no article has together (the corpus never pairs ferry and budget), and three that many have.
            { name: 'search, three words, uncached', url: `${uncached.url}/search?q=ferry+budget+talks`, connections: quiet },
            { name: 'search, three words, matches, uncached', url: `${uncached.url}/search?q=ferry+subsidies+talks`, connections: quiet },
          ]
        : []),
      ...(suites.has('finder') ? await finderPlan(db, uncached.url, editor, quiet) : []),
    ];
    const results = await measureAll(o, tool, plan, log);
    const probes = site
      ? {
          deepPage: site.deep.page,
          visibleMs: await publishToVisible(site.cached.url, editor, workers),
          weight: await pageWeight(uncached.url, articlePath),
        }
      : undefined;
    const rss = { cached: site ? rssMb(site.cached.child) : [], uncached: rssMb(uncached.child) };
    const report = benchReport({
      o: { ...o, articles, tool, only: [...suites] },
      plan,
      results,
      workers,
      site: probes,
      rss,
      startupMs: { ...(site ? { cached: site.cached.startupMs } : {}), uncached: uncached.startupMs },
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
      only: { type: 'string' },
      database: { type: 'string' },
    },
  });
  const only = values.only?.split(',').map((x) => x.trim());
  const unknown = only?.filter((x) => !(SUITES as readonly string[]).includes(x));
  if (unknown?.length) {
    console.error(`--only takes ${SUITES.join(', ')} (comma-separated), not ${unknown.join(', ')}`);
    process.exit(2);
  }
  const root = path.resolve(import.meta.dirname, '..');
  runBench({
    articles: Number(values.articles),
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    latencyConnections: Number(values['latency-connections']),
    workers: Number(values.workers),
    tool: values.tool === 'wrk' || values.tool === 'autocannon' ? values.tool : undefined,
    only: only as Suite[] | undefined,
    database: values.database && !/^(sqlite|file|postgres(ql)?):/.test(values.database) ? path.resolve(values.database) : values.database,
    dataDir: path.join(root, 'bench', 'data'),
    resultsDir: path.join(root, 'bench', 'results'),
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
