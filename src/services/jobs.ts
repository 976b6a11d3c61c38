// Runs due jobs from the job table: polled, leased, retried with back-off. Safe with many processes because
// claiming is a conditional update (and SKIP LOCKED on PostgreSQL).
import type { Store } from '../store/index.ts';
import type { Job } from '../store/jobs.ts';

export type JobHandler = (job: Job) => Promise<void>;

export interface JobRunnerOptions {
  intervalMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  clock?: () => Date;
  log?: (msg: string, err?: unknown) => void;
}

export function jobRunner(store: Store, handlers: Record<string, JobHandler>, options: JobRunnerOptions = {}) {
  const { intervalMs = 1000, leaseMs = 60_000, maxAttempts = 8, clock = () => new Date(), log = (m, e) => console.error(m, e ?? '') } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** Runs every job due now; returns how many ran. */
  async function runDue(): Promise<number> {
    const now = clock();
    const jobs = await store.jobs.claimDue(now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), 20);
    for (const job of jobs) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job);
        await store.jobs.finish(job.id, clock().toISOString());
      } catch (err) {
        const retry = job.attempts < maxAttempts ? new Date(clock().getTime() + Math.min(2 ** job.attempts * 1000, 3_600_000)).toISOString() : null;
        await store.jobs.fail(job.id, err instanceof Error ? err.message : String(err), retry);
        log(`job ${job.key} failed (attempt ${job.attempts})`, err);
      }
    }
    return jobs.length;
  }

  function tick() {
    // Never overlap two polls in one process.
    running ??= runDue()
      .catch((err) => {
        log('job poll failed', err);
        return 0;
      })
      .finally(() => (running = undefined));
  }

  return {
    runDue,
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
