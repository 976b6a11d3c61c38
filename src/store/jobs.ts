// The job table: scheduled work that survives restarts and runs once across many processes.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './db.ts';
import type { Database } from './schema.ts';

export interface Job {
  id: number;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: string;
  attempts: number;
}

/** Jobs of one kind still in the table's hands: the queue and what was given up. */
export interface JobCounts {
  kind: string;
  /** Waiting to run, scheduled for later included. */
  pending: number;
  /** Pending and due now (or running): the backlog. */
  due: number;
  /** Pending after at least one failed attempt. */
  retrying: number;
  /** Given up after too many attempts. */
  failed: number;
}

export function jobQueries(db: Kysely<Database>, dialect: Dialect) {
  return {
    /** Queues (or re-times) the job with this key; a finished job with the same key is queued again. */
    async schedule(j: { kind: string; key: string; payload: Record<string, unknown>; runAt: string; now: string }) {
      await db
        .insertInto('jobs')
        .values({
          kind: j.kind,
          key: j.key,
          payload: JSON.stringify(j.payload),
          run_at: j.runAt,
          state: 'pending',
          created_at: j.now,
          locked_until: null,
          last_error: null,
          finished_at: null,
        })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            kind: j.kind,
            payload: JSON.stringify(j.payload),
            run_at: j.runAt,
            state: 'pending',
            attempts: 0,
            locked_until: null,
            last_error: null,
            finished_at: null,
          }),
        )
        .execute();
    },

    async cancel(key: string) {
      await db.deleteFrom('jobs').where('key', '=', key).where('state', '=', 'pending').execute();
    },

    /**
     * Claims up to `limit` due jobs for `leaseMs`. On PostgreSQL, FOR UPDATE SKIP LOCKED lets many processes
     * claim without waiting on each other; SQLite serialises writers, so a plain conditional update suffices.
     */
    async claimDue(now: string, leaseUntil: string, limit: number): Promise<Job[]> {
      const due = db
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'pending')
        .where('run_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .orderBy('run_at')
        .limit(limit);
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
        .where('state', '=', 'pending')
        .returning(['id', 'kind', 'key', 'payload', 'run_at', 'attempts'])
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        key: r.key,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        runAt: r.run_at,
        attempts: r.attempts,
      }));
    },

    async finish(id: number, now: string) {
      await db.updateTable('jobs').set({ state: 'done', finished_at: now, locked_until: null }).where('id', '=', id).execute();
    },

    /** Records a failure; the job is retried after `retryAt`, or given up after too many attempts. */
    async fail(id: number, error: string, retryAt: string | null) {
      await db
        .updateTable('jobs')
        .set(
          retryAt
            ? { last_error: error.slice(0, 2000), run_at: retryAt, locked_until: null }
            : { last_error: error.slice(0, 2000), state: 'failed', locked_until: null },
        )
        .where('id', '=', id)
        .execute();
    },

    /** Per kind, for metrics; one grouped query over the (state, run_at) index, done jobs are not read. */
    async counts(now: string): Promise<JobCounts[]> {
      const rows = await db
        .selectFrom('jobs')
        .select([
          'kind',
          sql<number>`sum(case when state = 'pending' then 1 else 0 end)`.as('pending'),
          sql<number>`sum(case when state = 'pending' and run_at <= ${now} then 1 else 0 end)`.as('due'),
          sql<number>`sum(case when state = 'pending' and last_error is not null then 1 else 0 end)`.as('retrying'),
          sql<number>`sum(case when state = 'failed' then 1 else 0 end)`.as('failed'),
        ])
        .where('state', 'in', ['pending', 'failed'])
        .groupBy('kind')
        .orderBy('kind')
        .execute();
      return rows.map((r) => ({
        kind: r.kind,
        pending: Number(r.pending),
        due: Number(r.due),
        retrying: Number(r.retrying),
        failed: Number(r.failed),
      }));
    },

    async pending(kind?: string) {
      let q = db
        .selectFrom('jobs')
        .select(['id', 'kind', 'key', 'run_at', 'state', 'attempts', 'last_error'])
        .where('state', '=', 'pending');
      if (kind) q = q.where('kind', '=', kind);
      return q.orderBy('run_at').execute();
    },
  };
}
