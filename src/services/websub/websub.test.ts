// WebSub notices against a stand-in hub running in this process on 127.0.0.1: publishing queues one job per
// affected feed, the job runner POSTs them, a burst coalesces, and a hub that is down or slow never holds up
// publishing (its jobs are retried with back-off).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../test/support/app.ts';
import { sqliteTestDb, type TestDb } from '../../../test/support/db.ts';
import { makeArticle, makePerson, makeSection, T0 } from '../../../test/support/factories.ts';
import { member } from '../../../test/support/newsroom.ts';
import { parseAllowList } from '../../net/addresses.ts';
import { notifyHub, WEBSUB_JOB, websubJobHandler } from './hub.ts';

interface Ping {
  method: string | undefined;
  contentType: string | undefined;
  mode: string | null;
  url: string | null;
}

/** A hub stand-in: records every POST and answers `status` (or never answers, with `hang`). */
async function standInHub({ status = 204, hang = false } = {}) {
  const pings: Ping[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      pings.push({ method: req.method, contentType: req.headers['content-type'], mode: form.get('hub.mode'), url: form.get('hub.url') });
      if (!hang) res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    pings,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An address on this machine where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const hub = await standInHub();
  await hub.close();
  return hub.url;
}

const PRIMARY = 'https://news.example';
const LOCAL = parseAllowList(['127.0.0.1']);
const FEEDS_OF_THE_STORY = ['', '/news', '/news/europe', '/tag/border-talks', '/author/ann-reporter'].flatMap((base) =>
  ['xml', 'atom', 'json'].map((ext) => `${PRIMARY}${base}/feed.${ext}`),
);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

/** The job runner logs each failed attempt; these tests fail attempts on purpose. */
const quietFailures = () => vi.spyOn(console, 'error').mockImplementation(() => {});

/** A newsroom with one draft filed in news/europe, tagged and bylined, and a clock we can move. */
async function newsroom(env: Record<string, string>) {
  const db: TestDb = await sqliteTestDb();
  const clock = { now: T0 };
  // The stand-in hub listens on 127.0.0.1, which server-side fetches may reach only when allowed.
  const app: FastifyInstance = await testApp(
    db.store,
    { MASTHEAD_MIRRORS: 'https://mirror-one.example', MASTHEAD_FETCH_ALLOW_HOSTS: '127.0.0.1', ...env },
    () => clock.now,
  );
  cleanups.push(
    () => db.destroy(),
    () => app.close(),
  );
  await makeSection(db.store, 'news');
  const europe = await makeSection(db.store, 'news/europe');
  const ann = await makePerson(db.store, 'Ann Reporter');
  const draft = await makeArticle(db.store, {
    sectionId: europe,
    status: 'draft',
    authorIds: [ann],
    tags: ['Border talks'],
    headline: 'Border deal',
  });
  const editor = await member(app, 'editor');
  const pending = async () => (await db.store.jobs.pending(WEBSUB_JOB)).sort((a, b) => a.key.localeCompare(b.key));
  return { db, app, clock, draft, editor, pending };
}

describe('WebSub hub notices', () => {
  it('publishing notifies the hub of every feed the article is in, through the job runner', async () => {
    const hub = await standInHub();
    cleanups.push(hub.close);
    const { app, draft, editor, pending } = await newsroom({ MASTHEAD_WEBSUB_HUB: hub.url });

    await app.services.workflow.publish(editor.actor, draft);
    expect(hub.pings).toEqual([]); // publishing only queued the notices
    expect((await pending()).map((j) => j.key)).toEqual(FEEDS_OF_THE_STORY.map((u) => `websub:${u}`).sort());

    await app.services.jobs.runDue();
    expect(hub.pings.map((p) => p.url).sort()).toEqual([...FEEDS_OF_THE_STORY].sort());
    for (const ping of hub.pings)
      expect(ping).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded', mode: 'publish' });
    expect(await pending()).toEqual([]);
    // What the hub will fetch names it, and the feed has the story.
    const feed = await app.inject({ url: '/news/europe/feed.json', headers: { host: 'news.example' } });
    expect(feed.headers.link).toBe(`<${hub.url}>; rel="hub", <${PRIMARY}/news/europe/feed.json>; rel="self"`);
    expect(JSON.parse(feed.body).items.map((i: { title: string }) => i.title)).toEqual(['Border deal']);
  });

  it('a burst of changes becomes one notice per feed; corrections and withdrawals notify too', async () => {
    const hub = await standInHub();
    cleanups.push(hub.close);
    const { app, draft, editor, pending } = await newsroom({ MASTHEAD_WEBSUB_HUB: hub.url });

    await app.services.workflow.publish(editor.actor, draft);
    await app.services.workflow.correct(editor.actor, draft, { kind: 'correction', note: 'An earlier version misnamed the minister.' });
    expect(await pending()).toHaveLength(FEEDS_OF_THE_STORY.length);
    await app.services.jobs.runDue();
    expect(hub.pings).toHaveLength(FEEDS_OF_THE_STORY.length);

    await app.services.workflow.unpublish(editor.actor, draft);
    await app.services.jobs.runDue();
    expect(hub.pings).toHaveLength(2 * FEEDS_OF_THE_STORY.length);
  });

  it('with the hub down, publishing succeeds and the notices are retried with back-off', async () => {
    quietFailures();
    const { app, db, clock, draft, editor, pending } = await newsroom({ MASTHEAD_WEBSUB_HUB: await closedPortUrl() });

    await app.services.workflow.publish(editor.actor, draft);
    expect((await db.store.articles.byId(draft))?.status).toBe('published');
    expect((await app.inject({ url: '/feed.xml' })).body).toContain('Border deal');

    expect(await app.services.jobs.runDue()).toBe(FEEDS_OF_THE_STORY.length);
    let jobs = await pending();
    expect(jobs).toHaveLength(FEEDS_OF_THE_STORY.length);
    for (const job of jobs) {
      expect(job).toMatchObject({ state: 'pending', attempts: 1 });
      expect(job.last_error).toBeTruthy();
      expect(job.run_at > T0.toISOString()).toBe(true);
    }
    expect(await app.services.jobs.runDue()).toBe(0); // not before the back-off

    clock.now = new Date(T0.getTime() + 3_000);
    await app.services.jobs.runDue();
    jobs = await pending();
    expect(jobs.map((j) => [j.state, j.attempts])).toEqual(jobs.map(() => ['pending', 2]));
  });

  it('a hub that answers with an error is retried too', async () => {
    quietFailures();
    const hub = await standInHub({ status: 503 });
    cleanups.push(hub.close);
    const { app, draft, editor, pending } = await newsroom({ MASTHEAD_WEBSUB_HUB: hub.url });
    await app.services.workflow.publish(editor.actor, draft);
    await app.services.jobs.runDue();
    expect(hub.pings).toHaveLength(FEEDS_OF_THE_STORY.length);
    const jobs = await pending();
    expect(jobs).toHaveLength(FEEDS_OF_THE_STORY.length);
    expect(jobs[0]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('503') });
  });

  it('without a hub nothing is queued', async () => {
    const { app, draft, editor, pending } = await newsroom({});
    await app.services.workflow.publish(editor.actor, draft);
    expect(await pending()).toEqual([]);
  });

  it('a hub that never answers fails the attempt at the timeout', async () => {
    const hub = await standInHub({ hang: true });
    cleanups.push(hub.close);
    const started = Date.now();
    await expect(notifyHub(hub.url, `${PRIMARY}/feed.xml`, { timeoutMs: 300, allow: LOCAL })).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(hub.pings.map((p) => p.url)).toEqual([`${PRIMARY}/feed.xml`]);
  });

  it('a hub on the private network is refused unless allowed: the job fails with the reason and is retried', async () => {
    quietFailures();
    const hub = await standInHub();
    cleanups.push(hub.close);
    await expect(notifyHub(hub.url, `${PRIMARY}/feed.xml`)).rejects.toThrow(/127\.0\.0\.1: the address is loopback/);
    const { app, draft, editor, pending } = await newsroom({ MASTHEAD_WEBSUB_HUB: hub.url, MASTHEAD_FETCH_ALLOW_HOSTS: '' });
    await app.services.workflow.publish(editor.actor, draft);
    await app.services.jobs.runDue();
    expect(hub.pings).toEqual([]);
    expect((await pending())[0]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('MASTHEAD_FETCH_ALLOW_HOSTS') });
  });

  it('a notice left over after the hub setting is removed is simply done', async () => {
    const job = {
      id: 1,
      kind: WEBSUB_JOB,
      key: 'websub:x',
      payload: { topic: `${PRIMARY}/feed.xml` },
      runAt: T0.toISOString(),
      attempts: 1,
    };
    await expect(websubJobHandler(undefined)(job)).resolves.toBeUndefined();
  });
});
