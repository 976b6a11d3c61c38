// A smoke run of `npm run bench` (tiny archive, 1 s per scenario) so the benchmark cannot rot. It asserts that
// every scenario ran and answered without errors, never how fast: speed is measured, not asserted.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-bench-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('benchmark smoke run', { timeout: 300_000 }, () => {
  it('measures every scenario against the bare Node baseline and writes the JSON report', async () => {
    const lines: string[] = [];
    const report = await runBench(
      {
        articles: 300,
        seconds: 1,
        rounds: 1,
        connections: 4,
        latencyConnections: 2,
        workers: 2,
        tool: 'autocannon',
        dataDir: path.join(dir, 'data'),
        resultsDir: path.join(dir, 'results'),
      },
      (l) => lines.push(l),
    );
    const names = report.scenarios.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'bare node ×1, same bytes',
        'bare node ×2 (cluster), same bytes',
        'article, cached, masthead ×1',
        'article, cached, masthead ×2',
        'article, uncached',
        'home, uncached',
        'section, uncached',
        'search, one word, uncached',
        'search, three words, uncached',
        'search, three words, matches, uncached',
        'finder, list: published, section + subs',
        'finder, list: by author',
        'finder, list: by tag',
        'finder, list: same as first, HTML, session',
        'finder, search: one common word',
        'finder, search: one rarer word',
        'finder, search: three common words',
        'finder, search: three rarer words',
      ]),
    );
    expect(names.some((n) => /^finder, list: same, page \d+ by cursor$/.test(n))).toBe(true);
    expect(names.some((n) => /^section page \d+, uncached$/.test(n))).toBe(true);
    // The probes ran: a publish became visible on every worker, and the page was weighed.
    expect(report.probes.publishToVisibleMs).toBeGreaterThanOrEqual(0);
    expect(report.probes.pageWeight?.htmlKb).toBeGreaterThan(1);
    expect(report.probes.rssMb.cached.every((mb) => mb > 0)).toBe(true);
    for (const s of report.scenarios) {
      expect(s.result.rps, s.name).toBeGreaterThan(0);
      expect(s.result.errors, s.name).toBe(0);
    }
    expect(report.targets.every((t) => typeof t.met === 'boolean')).toBe(true);
    const files = await fs.readdir(path.join(dir, 'results'));
    expect(files).toHaveLength(1);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'results', files[0]!), 'utf8')).scenarios).toHaveLength(report.scenarios.length);
    expect(lines.some((l) => l.startsWith('scenario'))).toBe(true);
    expect(lines.some((l) => l.includes('finder search p99'))).toBe(true);
  });

  it('runs only the finder against a given database (npm run bench -- --only finder --database FILE)', async () => {
    const report = await runBench(
      {
        articles: 1,
        seconds: 1,
        rounds: 1,
        connections: 4,
        latencyConnections: 2,
        workers: 1,
        tool: 'autocannon',
        only: ['finder'],
        database: path.join(dir, 'data', 'corpus-300.db'),
        dataDir: path.join(dir, 'unused'),
        resultsDir: path.join(dir, 'results-finder'),
      },
      () => {},
    );
    // The archive's own size, not the option's; the baselines and the finder only.
    expect(report.options.articles).toBeGreaterThanOrEqual(300);
    const names = report.scenarios.map((s) => s.name);
    expect(names.filter((n) => !n.startsWith('finder, '))).toEqual(['bare node ×1, same bytes', 'bare node ×1 (cluster), same bytes']);
    expect(names.filter((n) => n.startsWith('finder, '))).toHaveLength(9);
    for (const s of report.scenarios) expect(s.result.errors, s.name).toBe(0);
    expect(report.probes.publishToVisibleMs).toBeUndefined();
    await expect(fs.access(path.join(dir, 'unused'))).rejects.toThrow();
  });
});
