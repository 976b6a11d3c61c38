// Runs due jobs from the job table: polled, leased, retried with back-off. Safe with many processes because
// claiming is a conditional update (and SKIP LOCKED on PostgreSQL).
import type { Store } from '../store/index.ts';
import type { Job } from '../store/jobs.ts';
import { stderrLog, withLog, type Log } from '../ops/log.ts';

export type JobHandler = (job: Job) => Promise<void>;

export interface JobRunnerOptions {
  intervalMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  clock?: () => Date;
  /** Each job logs through a child of this with its id, key and kind (and so do event listeners it triggers). */
  log?: Log;
}

export function jobRunner(store: Store, handlers: Record<string, JobHandler>, options: JobRunnerOptions = {}) {
  const { intervalMs = 1000, leaseMs = 60_000, maxAttempts = 8, clock = () => new Date(), log = stderrLog() } = options;
  /** Counted in this process since start, for metrics (src/ops). */
  const stats = { ran: 0, failed: 0 };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** Runs every job due now; returns how many ran. */
  async function runDue(): Promise<number> {
    const now = clock();
    const jobs = await store.jobs.claimDue(now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), 20);
    for (const job of jobs) {
      const handler = handlers[job.kind];
      const jobLog = log.child({ jobId: job.id, jobKey: job.key, jobKind: job.kind });
      stats.ran++;
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await withLog(jobLog, () => handler(job));
        await store.jobs.finish(job.id, clock().toISOString());
      } catch (err) {
        stats.failed++;
        const retry =
          job.attempts < maxAttempts ? new Date(clock().getTime() + Math.min(2 ** job.attempts * 1000, 3_600_000)).toISOString() : null;
        await store.jobs.fail(job.id, err instanceof Error ? err.message : String(err), retry);
        jobLog.error({ err, attempt: job.attempts, retryAt: retry }, retry ? 'job failed, will retry' : 'job failed, giving up');
      }
    }
    return jobs.length;
  }

  function tick() {
    // Never overlap two polls in one process.
    running ??= runDue()
      .catch((err) => {
        log.error({ err }, 'job poll failed');
        return 0;
      })
      .finally(() => (running = undefined));
  }

  return {
    runDue,
    stats,
    start() {
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
