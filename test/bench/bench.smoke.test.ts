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
      ]),
    );
    expect(names.some((n) => /^section page \d+, uncached$/.test(n))).toBe(true);
    // The probes ran: a publish became visible on every worker, and the page was weighed.
    expect(report.probes.publishToVisibleMs).toBeGreaterThanOrEqual(0);
    expect(report.probes.pageWeight.htmlKb).toBeGreaterThan(1);
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
  });
});
