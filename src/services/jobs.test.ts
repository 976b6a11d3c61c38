// The job runner: scheduled publication survives a restart (SQLite file), runs exactly once when several
// runners poll at once (SQLite, and PostgreSQL where claiming uses FOR UPDATE SKIP LOCKED), and failed
// jobs are retried with back-off, then given up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { dialects, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection, T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, member } from '../../test/support/newsroom.ts';
import { jobRunner } from './jobs.ts';
import { silentLog } from '../ops/log.ts';

const at = (ms: number) => new Date(T0.getTime() + ms);

async function scheduleOver(app: FastifyInstance, token: string, sectionId: number, headline: string, runAt: Date): Promise<number> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/articles',
    headers: bearer(token),
    payload: articleBody(sectionId, { headline }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: number = created.json().id;
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/articles/${id}/schedule`,
    headers: bearer(token),
    payload: { at: runAt.toISOString() },
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

describe('scheduled publication across a restart (sqlite file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-restart-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a job scheduled by one process is run once by the next', async () => {
    const file = path.join(dir, 'masthead.db');
    const a = await sqliteTestDb(file);
    const appA = await testApp(a.store, {}, () => T0);
    const sectionId = await makeSection(a.store, 'politics', 'Politics');
    const editor = await member(appA, 'editor');
    const runAt = at(2000);
    const id = await scheduleOver(appA, editor.token, sectionId, 'Results after the count', runAt);
    expect(await appA.services.jobs.runDue()).toBe(0);
    await appA.close();
    await a.destroy();

    // A new process, later: new connection, new app, same file.
    const b = await sqliteTestDb(file);
    const appB = await testApp(b.store, {}, () => at(5000));
    try {
      expect((await b.store.editorial.editorialState(id))!.status).toBe('scheduled');
      expect(await appB.services.jobs.runDue()).toBe(1);
      expect(await appB.services.jobs.runDue()).toBe(0);
      const state = (await b.store.editorial.editorialState(id))!;
      expect(state).toMatchObject({ status: 'published', first_published_at: at(5000).toISOString() });
      const bySchedulerRows = (await b.store.editorial.transitions(id)).filter((x) => x.to_status === 'published');
      expect(bySchedulerRows).toHaveLength(1);
      expect(bySchedulerRows[0]).toMatchObject({ from_status: 'scheduled', user_name: null, note: 'Published on schedule' });
      expect(await b.store.jobs.pending()).toEqual([]);
      const row = (await b.store.articles.byId(id))!;
      const url = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
      expect((await appB.inject({ method: 'GET', url })).statusCode).toBe(200);
    } finally {
      await appB.close();
      await b.destroy();
    }
  });
});

describe.each(dialects)('concurrent runners on $name', ({ name, open }) => {
  let t: TestDb;
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
    await t?.destroy();
  });

  it(`two app instances polling at once publish each due article exactly once (${name})`, async () => {
    t = await open();
    let now = T0;
    const clock = () => now;
    // Two "nodes" sharing one database, as two processes would.
    apps.push(await testApp(t.store, {}, clock), await testApp(t.store, {}, clock));
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const sectionId = await makeSection(t.store, 'business', 'Business');
    const editor = await member(one, 'editor');
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await scheduleOver(one, editor.token, sectionId, `Quarterly figures ${i}`, at(1000 + i)));
    const seen: number[] = [];
    for (const a of apps) a.services.events.on('article.published', (e) => void seen.push(e.articleId));

    now = at(10_000);
    const ran = await Promise.all([
      one.services.jobs.runDue(),
      two.services.jobs.runDue(),
      one.services.jobs.runDue(),
      two.services.jobs.runDue(),
    ]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(ids.length);
    expect([...seen].sort((x, y) => x - y)).toEqual(ids);
    for (const id of ids) {
      expect((await t.store.editorial.editorialState(id))!.status).toBe('published');
      const pubs = (await t.store.editorial.transitions(id)).filter((x) => x.to_status === 'published');
      expect(pubs, `article ${id}`).toHaveLength(1);
    }
    expect(await Promise.all([one.services.jobs.runDue(), two.services.jobs.runDue()])).toEqual([0, 0]);
  });
});

describe('job runner retries', () => {
  it('retries a failing job with back-off and gives up after maxAttempts; a leased job is not claimed twice', async () => {
    const t = await sqliteTestDb();
    try {
      let now = T0;
      const calls: number[] = [];
      const runner = jobRunner(
        t.store,
        {
          flaky: async (job) => {
            calls.push(job.attempts);
            throw new Error('downstream unavailable');
          },
        },
        { clock: () => now, maxAttempts: 3, leaseMs: 60_000, log: silentLog },
      );
      await t.store.jobs.schedule({ kind: 'flaky', key: 'flaky:1', payload: {}, runAt: T0.toISOString(), now: T0.toISOString() });
      expect(await runner.runDue()).toBe(1);
      let [job] = await t.store.jobs.pending('flaky');
      expect(job).toMatchObject({ attempts: 1, last_error: 'downstream unavailable', run_at: at(2000).toISOString() });
      now = at(1999);
      expect(await runner.runDue()).toBe(0); // backing off
      now = at(2000);
      expect(await runner.runDue()).toBe(1);
      [job] = await t.store.jobs.pending('flaky');
      expect(job).toMatchObject({ attempts: 2, run_at: at(2000 + 4000).toISOString() });
      now = at(6000);
      expect(await runner.runDue()).toBe(1);
      expect(await t.store.jobs.pending('flaky')).toEqual([]); // failed for good after 3 attempts
      expect(calls).toEqual([1, 2, 3]);

      // A claimed job whose runner is still working (lease not expired) is not claimed by another poll.
      await t.store.jobs.schedule({ kind: 'slow', key: 'slow:1', payload: {}, runAt: now.toISOString(), now: now.toISOString() });
      const claimed = await t.store.jobs.claimDue(now.toISOString(), at(6000 + 60_000).toISOString(), 10);
      expect(claimed.map((j) => j.key)).toEqual(['slow:1']);
      expect(await t.store.jobs.claimDue(at(30_000).toISOString(), at(90_000).toISOString(), 10)).toEqual([]);
      // After the lease runs out (the runner died), it is claimed again.
      expect((await t.store.jobs.claimDue(at(70_000).toISOString(), at(130_000).toISOString(), 10)).map((j) => j.key)).toEqual(['slow:1']);
    } finally {
      await t.destroy();
    }
  });
});
