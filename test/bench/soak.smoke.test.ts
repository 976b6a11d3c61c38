// A smoke run of `npm run soak` (tiny archive, 5 seconds) so the soak test cannot rot. It asserts that every
// kind of traffic ran without errors and that memory was sampled, never how fast or how big.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSoak } from '../../bench/soak.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-soak-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('soak smoke run', { timeout: 180_000 }, () => {
  it('reads, searches and publishes with no errors, samples memory and writes the JSON report', async () => {
    const lines: string[] = [];
    const report = await runSoak(
      {
        minutes: 5 / 60,
        articles: 300,
        connections: 2,
        publishEverySeconds: 1,
        sampleSeconds: 1,
        workers: 1,
        dataDir: path.join(dir, 'data'),
        resultsDir: path.join(dir, 'results'),
      },
      (l) => lines.push(l),
    );
    expect(report.errorSamples).toEqual([]);
    expect(report.errors).toBe(0);
    for (const route of ['home', 'article', 'section', 'search', 'feed', 'api']) {
      expect(report.byRoute[route]?.count, route).toBeGreaterThan(0);
      expect(report.byRoute[route]!.p99, route).toBeGreaterThanOrEqual(report.byRoute[route]!.p50);
    }
    expect(report.published).toBeGreaterThan(0);
    expect(report.edited).toBe(report.published);
    expect(report.memory.samples.length).toBeGreaterThanOrEqual(2);
    expect(report.memory.startMb).toBeGreaterThan(0);
    const files = await fs.readdir(path.join(dir, 'results'));
    expect(files).toEqual([expect.stringMatching(/^soak-.*\.json$/)]);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'results', files[0]!), 'utf8')).requests).toBe(report.requests);
    expect(lines.some((l) => l.startsWith('errors: 0'))).toBe(true);
  });
});
