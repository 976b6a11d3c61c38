// One crash run on one database: start the server, put it under write load, SIGKILL it at a random moment,
// restart it, verify everything it acknowledged; repeat; then let every scheduled article fall due and
// verify once more, strictly. Used by `npm run crash-test` (test/crash/run.ts) and, shortened, by npm test.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prng } from '../../src/domain/random.ts';
import type { Dialect } from '../../src/store/db.ts';
import { Ledger, type WriteKind } from './ledger.ts';
import { Api, startLoad } from './load.ts';
import { freePort, ServerProcess, sleep } from './server.ts';
import { openTarget, provision } from './target.ts';
import { Verifier, type VerifyReport } from './verify.ts';

export interface CrashOptions {
  dialect: Dialect;
  kills: number;
  seed: number;
  /** Load runs for a random time in this range (ms) before the kill. */
  loadMs: [number, number];
  /** After every n-th kill a second one lands during the restart (while due jobs run); 0: never. */
  startupKillEvery: number;
  /** Concurrent editors in the load generator. */
  workers: number;
  /** Serving processes (MASTHEAD_WORKERS); undefined: the server's default, one per core. */
  serverWorkers?: number;
  log: (line: string) => void;
}

export interface CrashSummary {
  dialect: Dialect;
  kills: number;
  startupKills: number;
  acked: Record<WriteKind, number>;
  ackedTotal: number;
  /** Acknowledged writes the final verification found present and intact. */
  checked: number;
  unknown: number;
  unknownCommitted: number;
  scheduledPublished: number;
  mediaRows: number;
  mediaFiles: number;
  integrityChecks: number;
  integrityFailures: number;
  refused: Record<string, number>;
  /** Refusals as answered, and the server's error log lines, when there were refusals. */
  refusedDetail: string[];
  problems: string[];
  seconds: number;
}

export async function crashRun(o: CrashOptions): Promise<CrashSummary> {
  const started = Date.now();
  const rng = prng(o.seed);
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rng() * (hi - lo));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `masthead-crash-${o.dialect}-`));
  const mediaDir = path.join(dir, 'media');
  await fs.mkdir(mediaDir);
  const target = await openTarget(o.dialect, dir);
  const { token, sectionId } = await provision(target.store);
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_URL: target.url,
    MEDIA_DIR: mediaDir,
    MASTHEAD_DEMO_CONTENT: 'false',
    LOG_LEVEL: 'warn',
  };
  if (o.serverWorkers) env.MASTHEAD_WORKERS = String(o.serverWorkers);
  // The load and the checks go through one API token; the per-token rate limit is not under test here.
  env.MASTHEAD_RATE_LIMIT_API = '0';
  env.MASTHEAD_METRICS_PORT = '0'; // a fixed port another server on this machine may hold
  const server = new ServerProcess(env, path.join(dir, 'server.log'));
  const ledger = new Ledger();
  const api = new Api(server.baseUrl, token);
  const verifier = new Verifier(api, target, ledger, mediaDir);
  const problems: string[] = [];
  let integrityChecks = 0;
  let integrityFailures = 0;
  let startupKills = 0;
  let lastStartMs = 3_000;
  const note = (r: VerifyReport, when: string) => {
    integrityChecks++;
    if (r.dbProblems.length) integrityFailures++;
    problems.push(...r.problems.map((p) => `${when}: ${p}`));
  };
  const start = async () => {
    const t0 = Date.now();
    server.spawn();
    await server.ready();
    lastStartMs = Date.now() - t0;
  };

  try {
    await start();
    o.log(`${o.dialect}: server up on ${server.baseUrl} in ${lastStartMs} ms (files in ${dir})`);
    for (let k = 1; k <= o.kills; k++) {
      const before = ledger.ackedTotal();
      const load = startLoad(api, ledger, { sectionId, workers: o.workers, label: `${o.dialect} k${k}`, rng });
      const wait = between(o.loadMs);
      await sleep(wait);
      await server.kill();
      await load.done;
      o.log(
        `${o.dialect}: kill ${k}/${o.kills} after ${wait} ms of load: ${ledger.ackedTotal() - before} writes acknowledged this round, ${ledger.ackedTotal()} in all`,
      );
      if (o.startupKillEvery && k % o.startupKillEvery === 0) {
        // A second kill while the server starts: articles scheduled a few seconds ahead fall due while it is
        // down, and the start publishes them before listening; the kill lands somewhere in that start.
        await sleep(4_000);
        server.spawn();
        const at = Math.round(lastStartMs * (0.3 + 0.7 * rng()));
        await sleep(at);
        const wasUp = server.running;
        await server.kill();
        startupKills++;
        o.log(`${o.dialect}: extra kill during start-up, ${at} ms after spawn${wasUp ? '' : ' (it had already stopped)'}`);
      }
      await start();
      const r = await verifier.verify({ final: false });
      note(r, `after kill ${k}`);
      for (const a of r.late) o.log(`${o.dialect}:   late: article ${a.id} scheduled for ${a.scheduledAt}: ${await verifier.jobOf(a.id)}`);
      o.log(
        `${o.dialect}: restart ${k} in ${lastStartMs} ms: database ${r.dbProblems.length ? 'NOT sound' : 'sound'}, ${r.articles} articles and ${r.mediaRows} new media rows (${r.mediaFiles} files) checked, ${r.late.length} scheduled articles late${r.leased ? ` and ${r.leased} waiting for the killed process's job lease` : ''}, ${r.problems.length} problems`,
      );
    }

    // Let every scheduled article fall due. One whose job the killed process had claimed waits for that
    // lease (60 s) to run out before another run takes it.
    const deadline = Date.now() + 75_000;
    for (;;) {
      const waiting = [...ledger.articles.values()].filter((a) => a.status === 'scheduled' || a.maybeStatus);
      if (!waiting.length || Date.now() > deadline) break;
      const r = await verifier.verify({ final: false, only: waiting });
      problems.push(...r.problems.map((p) => `settling: ${p}`));
      if ([...ledger.articles.values()].every((a) => a.status !== 'scheduled')) break;
      await sleep(1_000);
    }
    const final = await verifier.verify({ final: true });
    note(final, 'final');
    await server.stop();
    const afterStop = await target.check();
    integrityChecks++;
    if (afterStop.length) integrityFailures++;
    problems.push(...afterStop.map((p) => `after a clean stop: ${p}`));
    const scheduledPublished = [...ledger.articles.values()].filter((a) => a.scheduleAcked && a.status === 'published').length;
    const summary: CrashSummary = {
      dialect: o.dialect,
      kills: o.kills,
      startupKills,
      acked: { ...ledger.acked },
      ackedTotal: ledger.ackedTotal(),
      checked: final.checkedWrites,
      unknown: Object.values(ledger.unknown).reduce((a, b) => a + b, 0),
      unknownCommitted: ledger.unknownCommitted,
      scheduledPublished,
      mediaRows: final.mediaRows,
      mediaFiles: final.mediaFiles,
      integrityChecks,
      integrityFailures,
      refused: Object.fromEntries(ledger.refused),
      refusedDetail: ledger.refused.size ? [...ledger.refusedSamples, ...server.errorLines(10)] : [],
      problems,
      seconds: (Date.now() - started) / 1000,
    };
    if (!problems.length) await fs.rm(dir, { recursive: true, force: true });
    else o.log(`${o.dialect}: kept ${dir} for inspection (server.log, media)`);
    return summary;
  } catch (err) {
    o.log(`${o.dialect}: run failed; server log tail:\n${server.logTail()}`);
    throw err;
  } finally {
    await server.stop();
    await target.destroy();
  }
}

export function describeSummary(s: CrashSummary): string[] {
  const a = s.acked;
  return [
    `${s.dialect}: ${s.kills + s.startupKills} kills survived (${s.kills} under write load, ${s.startupKills} during a restart) in ${s.seconds.toFixed(1)} s`,
    `  writes acknowledged: ${s.ackedTotal} (${a.create} drafts created, ${a.save} saves, ${a.publish} publishes, ${a.schedule} schedules, ${a.upload} uploads); checked present and intact: ${s.checked}`,
    `  cut off by a kill: ${s.unknown} (found committed whole: ${s.unknownCommitted}, the rest not at all)`,
    `  scheduled articles published exactly once: ${s.scheduledPublished}; media rows ${s.mediaRows}, files decoded ${s.mediaFiles}; database integrity checks passed: ${s.integrityChecks - s.integrityFailures}/${s.integrityChecks}`,
    ...(Object.keys(s.refused).length
      ? [`  refused (not a success, not a cut-off): ${JSON.stringify(s.refused)}`, ...s.refusedDetail.map((l) => `    ${l}`)]
      : []),
    s.problems.length
      ? `  PROBLEMS (${s.problems.length}):\n${s.problems
          .slice(0, 40)
          .map((p) => `    ${p}`)
          .join('\n')}`
      : '  problems: none',
  ];
}
