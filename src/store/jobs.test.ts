// The job table's counts for metrics, on both dialects: the queue per kind, what is due, retrying and given up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../test/support/db.ts';

const iso = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes)).toISOString();

describe.each(dialects)('job counts on $name', ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.destroy());

  it('counts pending, due, retrying and failed jobs per kind, and nothing for done jobs', async () => {
    expect(await t.store.jobs.counts(iso(0))).toEqual([]);
    const schedule = (kind: string, key: string, at: number) =>
      t.store.jobs.schedule({ kind, key, payload: {}, runAt: iso(at), now: iso(0) });
    await schedule('publish_article', 'publish:1', 5); // due at 10
    await schedule('publish_article', 'publish:2', 30); // later
    await schedule('websub_ping', 'ping:a', 1);
    await schedule('websub_ping', 'ping:b', 2);
    await schedule('websub_ping', 'ping:c', 3);

    const claimed = await t.store.jobs.claimDue(iso(10), iso(11), 10);
    expect(claimed.map((j) => j.key).sort()).toEqual(['ping:a', 'ping:b', 'ping:c', 'publish:1']);
    const id = (key: string) => claimed.find((j) => j.key === key)!.id;
    await t.store.jobs.finish(id('publish:1'), iso(10));
    await t.store.jobs.fail(id('ping:a'), 'hub down', iso(20)); // retried at 20
    await t.store.jobs.fail(id('ping:b'), 'hub down', null); // given up
    // ping:c stays claimed (running): still pending and due.

    expect(await t.store.jobs.counts(iso(10))).toEqual([
      { kind: 'publish_article', pending: 1, due: 0, retrying: 0, failed: 0 },
      { kind: 'websub_ping', pending: 2, due: 1, retrying: 1, failed: 1 },
    ]);
    expect(await t.store.jobs.counts(iso(40))).toEqual([
      { kind: 'publish_article', pending: 1, due: 1, retrying: 0, failed: 0 },
      { kind: 'websub_ping', pending: 2, due: 2, retrying: 1, failed: 1 },
    ]);
  });
});
