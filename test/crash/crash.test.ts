// A short crash run inside npm test: three SIGKILLs of a real server under write load per database, each
// followed by a restart and a full verification (the full run is `npm run crash-test`, 20 kills each).
import { describe, expect, it } from 'vitest';
import { crashRun, describeSummary } from './crash.ts';

describe.each(['sqlite', 'postgres'] as const)('crash safety on %s', (dialect) => {
  it('every acknowledged write survives three kills intact; scheduled articles are published exactly once; no half-written picture is served', {
    timeout: 240_000,
  }, async () => {
    const lines: string[] = [];
    const summary = await crashRun({
      dialect,
      kills: 3,
      seed: 20261120,
      loadMs: [400, 1_500],
      startupKillEvery: 3,
      workers: 3,
      serverWorkers: 1,
      log: (line) => lines.push(line),
    });
    const report = [...lines, ...describeSummary(summary)].join('\n');
    console.log(report);
    expect(summary.problems, report).toEqual([]);
    expect(summary.ackedTotal, report).toBeGreaterThan(0);
    expect(summary.checked, report).toBe(summary.ackedTotal);
    expect(summary.integrityFailures).toBe(0);
  });
});
