// npm run crash-test [-- --kills 20 --db sqlite|postgres|both --seed N --server-workers N]: SIGKILLs a real server under write
// load, restarts it and verifies every acknowledged write (see docs/OPERATIONS.md, "Crash test").
import { parseArgs } from 'node:util';
import type { Dialect } from '../../src/store/db.ts';
import { crashRun, describeSummary, type CrashSummary } from './crash.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    db: { type: 'string', default: 'both' },
    seed: { type: 'string' },
    'server-workers': { type: 'string' },
  },
});
const kills = Number(values.kills);
const serverWorkers = values['server-workers'] ? Number(values['server-workers']) : undefined;
const dialects: Dialect[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as Dialect];
if (!Number.isInteger(kills) || kills < 1 || !dialects.every((d) => d === 'sqlite' || d === 'postgres')) {
  console.error('Usage: npm run crash-test -- [--kills N] [--db sqlite|postgres|both] [--seed N] [--server-workers N]');
  process.exit(2);
}
// Ctrl-C ends the run through process.exit, so the servers' process groups are killed on the way out.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
console.log(
  `Crash test: ${kills} kills under load per database (${dialects.join(', ')}), seed ${seed}, ${serverWorkers ?? 'default (one per core)'} serving processes`,
);

const started = Date.now();
const summaries: CrashSummary[] = [];
for (const dialect of dialects) {
  summaries.push(
    await crashRun({
      dialect,
      kills,
      seed,
      loadMs: [300, 3_000],
      startupKillEvery: 5,
      workers: 4,
      serverWorkers,
      log: (line) => console.log(line),
    }),
  );
}
console.log(`\nSummary (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s):`);
for (const s of summaries) for (const line of describeSummary(s)) console.log(line);
const failed = summaries.some((s) => s.problems.length > 0 || s.checked !== s.ackedTotal);
console.log(failed ? '\nFAILED' : '\nEvery acknowledged write survived every kill.');
process.exit(failed ? 1 : 0);
