// The workflow end to end over HTTP, with an injected clock: submit, publish, unpublish (410 and gone from
// every listing), republish (first publication time kept), and scheduled publication through the job runner.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../../domain/urls.ts';
import { sqliteTestDb, type TestDb } from '../../../test/support/db.ts';
import { makeSection, T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';
import { articleBody, bearer, team, type Member } from '../../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let sectionId: number;
let now = T0;
const clock = () => now;
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const published: number[] = [];

beforeAll(async () => {
  t = await sqliteTestDb();
  sectionId = await makeSection(t.store, 'world', 'World');
  app = await testApp(t.store, {}, clock);
  people = await team(app);
  app.services.events.on('article.published', (e) => void published.push(e.articleId));
});
beforeEach(() => {
  now = T0;
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const post = (m: Member, url: string, payload: object = {}) => app.inject({ method: 'POST', url, headers: bearer(m.token), payload });
const get = (url: string) => app.inject({ method: 'GET', url });
const state = async (id: number) => (await t.store.editorial.editorialState(id))!;

async function draft(headline: string): Promise<number> {
  const res = await post(
    people.writer,
    '/api/v1/articles',
    articleBody(sectionId, { headline, body: [{ type: 'paragraph', content: [{ text: `${headline} in detail.` }] }] }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function publicUrl(id: number): Promise<string> {
  const row = (await t.store.articles.byId(id))!;
  return articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
}

describe('submit, publish, unpublish, republish', () => {
  it('publishing sets first_published_at; unpublishing gives 410 and removes it from home, section and search', async () => {
    const id = await draft('Glacier survey finds quicksilver meltwater');
    expect((await state(id)).first_published_at).toBeNull();
    expect((await post(people.writer, `/api/v1/articles/${id}/submit`, { note: 'ready' })).statusCode).toBe(200);
    expect((await state(id)).status).toBe('in_review');

    advance(60_000);
    const publishedAt = now.toISOString();
    expect((await post(people.editor, `/api/v1/articles/${id}/publish`)).statusCode).toBe(200);
    expect(await state(id)).toMatchObject({ status: 'published', first_published_at: publishedAt });
    const url = await publicUrl(id);
    expect(url).toBe(`/world/2026/11/20/${id}/glacier-survey-finds-quicksilver-meltwater`);
    const visible = async () => [
      (await get(url)).statusCode,
      ...(await Promise.all(
        ['/', '/world', '/search?q=quicksilver'].map(async (u) => (await get(u)).body.includes('Glacier survey finds quicksilver')),
      )),
    ];
    expect(await visible()).toEqual([200, true, true, true]);

    expect((await post(people.editor, `/api/v1/articles/${id}/unpublish`, { note: 'legal' })).statusCode).toBe(200);
    const gone = await get(url);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).not.toContain('quicksilver meltwater in detail');
    expect(await visible()).toEqual([410, false, false, false]);

    // Republishing a day later keeps the original first publication time, so the URL is unchanged.
    advance(86_400_000);
    expect((await post(people.editor, `/api/v1/articles/${id}/publish`)).statusCode).toBe(200);
    expect(await state(id)).toMatchObject({ status: 'published', first_published_at: publishedAt });
    expect(await publicUrl(id)).toBe(url);
    expect(await visible()).toEqual([200, true, true, true]);

    const transitions = (await t.store.editorial.transitions(id)).map((x) => [x.from_status, x.to_status, x.user_name]);
    expect(transitions).toEqual([
      ['unpublished', 'published', 'Eddie Editor'],
      ['published', 'unpublished', 'Eddie Editor'],
      ['in_review', 'published', 'Eddie Editor'],
      ['draft', 'in_review', 'Wendy Writer'],
    ]);
  });

  it('refuses transitions the status machine does not allow', async () => {
    const id = await draft('Nothing to unpublish yet');
    const res = await post(people.editor, `/api/v1/articles/${id}/unpublish`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_TRANSITION');
    expect((await state(id)).status).toBe('draft');
  });
});

describe('scheduling', () => {
  it('refuses a time in the past, now, or not a date, naming the field `at`', async () => {
    const id = await draft('Scheduled for yesterday');
    for (const at of [new Date(T0.getTime() - 1000).toISOString(), T0.toISOString(), 'tomorrow', '2026-11-21T10:00:00']) {
      const res = await post(people.editor, `/api/v1/articles/${id}/schedule`, { at });
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'at' });
      expect(res.json().error.message).toMatch(/^at: /);
    }
    expect((await state(id)).status).toBe('draft');
    expect(await t.store.jobs.pending()).toEqual([]);
  });

  it('publishes exactly once at the time, even when two runners poll at once', async () => {
    const id = await draft('Midnight budget vote');
    const at = new Date(T0.getTime() + 2000).toISOString();
    expect((await post(people.editor, `/api/v1/articles/${id}/schedule`, { at, note: 'embargo' })).statusCode).toBe(200);
    expect(await state(id)).toMatchObject({ status: 'scheduled', scheduled_at: at, first_published_at: null });
    expect(await app.services.jobs.runDue()).toBe(0); // not due yet
    expect((await get('/world')).body).not.toContain('Midnight budget vote');

    advance(2500);
    const before = published.length;
    const ran = await Promise.all([app.services.jobs.runDue(), app.services.jobs.runDue()]);
    expect(ran[0] + ran[1]).toBe(1);
    expect(await state(id)).toMatchObject({ status: 'published', first_published_at: now.toISOString(), scheduled_at: null });
    expect(published.slice(before)).toEqual([id]);
    const byScheduler = (await t.store.editorial.transitions(id)).filter((x) => x.to_status === 'published');
    expect(byScheduler).toHaveLength(1);
    expect(byScheduler[0]).toMatchObject({ from_status: 'scheduled', user_name: null, note: 'Published on schedule' });
    expect(await app.services.jobs.runDue()).toBe(0);
    expect((await get(await publicUrl(id))).statusCode).toBe(200);
  });

  it('a re-timed schedule publishes at the new time only', async () => {
    const id = await draft('Re-timed embargo');
    await post(people.editor, `/api/v1/articles/${id}/schedule`, { at: new Date(T0.getTime() + 60_000).toISOString() });
    const later = new Date(T0.getTime() + 3_600_000).toISOString();
    expect((await post(people.editor, `/api/v1/articles/${id}/schedule`, { at: later })).statusCode).toBe(200);
    expect((await t.store.jobs.pending()).filter((j) => j.key === `publish:${id}`).map((j) => j.run_at)).toEqual([later]);
    advance(120_000);
    expect(await app.services.jobs.runDue()).toBe(0);
    expect((await state(id)).status).toBe('scheduled');
    advance(3_600_000);
    expect(await app.services.jobs.runDue()).toBe(1);
    expect((await state(id)).status).toBe('published');
  });

  it('sending a scheduled article back to draft cancels its publication', async () => {
    const id = await draft('Pulled before the embargo');
    await post(people.editor, `/api/v1/articles/${id}/schedule`, { at: new Date(T0.getTime() + 5000).toISOString() });
    expect((await post(people.editor, `/api/v1/articles/${id}/draft`, { note: 'hold' })).statusCode).toBe(200);
    advance(10_000);
    await app.services.jobs.runDue();
    expect(await state(id)).toMatchObject({ status: 'draft', first_published_at: null, scheduled_at: null });
  });

  it('publishing by hand before the time leaves nothing for the scheduler', async () => {
    const id = await draft('Published early by hand');
    await post(people.editor, `/api/v1/articles/${id}/schedule`, { at: new Date(T0.getTime() + 5000).toISOString() });
    expect((await post(people.editor, `/api/v1/articles/${id}/publish`)).statusCode).toBe(200);
    const first = (await state(id)).first_published_at;
    advance(10_000);
    expect(await app.services.jobs.runDue()).toBe(0);
    expect((await state(id)).first_published_at).toBe(first);
    expect((await t.store.editorial.transitions(id)).filter((x) => x.to_status === 'published')).toHaveLength(1);
  });
});
