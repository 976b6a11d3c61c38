// The newsroom's article finder through GET /api/v1/articles: words in any status, filters that combine,
// sections with their sub-sections, tags by name, time ranges and orders. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { hoursBefore, makeArticle, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { bearer, team } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
const a = {} as Record<'strikeDraft' | 'regatta' | 'election' | 'closed', number>;
let ids: { news: number; africa: number; sport: number; amara: number; boris: number };

const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

beforeAll(async () => {
  t = await suiteTestDb();
  const news = await makeSection(t.store, 'news', 'News');
  const africa = await makeSection(t.store, 'news/africa', 'Africa');
  const sport = await makeSection(t.store, 'sport', 'Sport');
  const amara = await makePerson(t.store, 'Amara Finder');
  const boris = await makePerson(t.store, 'Boris Finder');
  ids = { news, africa, sport, amara, boris };
  a.strikeDraft = await makeArticle(t.store, {
    headline: 'Dockers weigh a walkout',
    body: paragraph('The harbour strike vote is on Friday.'),
    status: 'draft',
    kind: 'analysis',
    sectionId: africa,
    authorIds: [amara],
    tags: ['Ports'],
  });
  a.regatta = await makeArticle(t.store, {
    headline: 'Sailing returns',
    body: paragraph('A harbour regatta drew crowds.'),
    sectionId: sport,
    authorIds: [boris],
    hoursAgo: 5,
  });
  a.election = await makeArticle(t.store, {
    headline: 'Results are in',
    body: paragraph('The count finished overnight.'),
    sectionId: news,
    authorIds: [amara],
    tags: ['Ports'],
    hoursAgo: 50,
  });
  a.closed = await makeArticle(t.store, {
    headline: 'Terminal shut',
    body: paragraph('The harbour closed after the storm.'),
    status: 'unpublished',
    sectionId: africa,
    hoursAgo: 80,
  });
  app = await testApp(t.store);
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

async function find(query: string, token = people.editor.token) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/articles?${query}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number; status: string; kind: string }[]; nextCursor: string | null };
}
const found = async (query: string) => (await find(`limit=100&${query}`)).items.map((i) => i.id);

describe('the article finder', () => {
  it('finds words in the body of articles of every status, drafts and withdrawn ones included', async () => {
    expect((await found('q=harbour')).sort()).toEqual([a.strikeDraft, a.regatta, a.closed].sort());
    expect(await found('q=harbour%20strike')).toEqual([a.strikeDraft]);
    expect(await found('q=walkout')).toEqual([a.strikeDraft]); // the headline
  });

  it('combines words with status, kind, section (with its sub-sections), author and tag', async () => {
    expect(await found('q=harbour&status=draft')).toEqual([a.strikeDraft]);
    expect(await found('kind=analysis')).toEqual([a.strikeDraft]);
    expect((await found(`section=${ids.news}`)).sort()).toEqual([a.strikeDraft, a.election, a.closed].sort());
    expect((await found(`section=${ids.africa}&q=harbour`)).sort()).toEqual([a.strikeDraft, a.closed].sort());
    expect((await found(`author=${ids.amara}`)).sort()).toEqual([a.strikeDraft, a.election].sort());
    expect((await found('tag=PORTS')).sort()).toEqual([a.strikeDraft, a.election].sort());
    expect(await found(`tag=Ports&author=${ids.amara}&status=published`)).toEqual([a.election]);
  });

  it('finds nothing, rather than everything, for words nothing can match or a tag nobody used', async () => {
    expect(await found('q=%21%21%21')).toEqual([]);
    expect(await found('tag=no-such-tag')).toEqual([]);
    expect(await found('q=zebra')).toEqual([]);
  });

  it('orders by first publication, newest first, leaving out what was never published, within a time range', async () => {
    expect(await found('sort=published')).toEqual([a.regatta, a.election, a.closed]);
    const from = encodeURIComponent(hoursBefore(60));
    const to = encodeURIComponent(hoursBefore(10));
    expect(await found(`sort=published&from=${from}&to=${to}`)).toEqual([a.election]);
    expect(await found('sort=created')).toEqual(Object.values(a).sort((x, y) => y - x));
  });

  it('treats a form’s empty fields as “any” and refuses values that are not filters, naming the field', async () => {
    expect((await found('q=&status=&section=&author=&kind=&tag=&from=&to=&sort=')).length).toBe(4);
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['section=abc', 'section'],
      ['kind=poem', 'kind'],
      ['from=yesterday', 'from'],
      ['sort=random', 'sort'],
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/articles?${query}`, headers: bearer(people.editor.token) });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });

  it('pages through a filtered list in every order without repeating or skipping', async () => {
    for (const sort of ['modified', 'published', 'created']) {
      const whole = await found(`sort=${sort}`);
      const walked: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await find(`sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(whole);
    }
  });

  it('shows a writer their own drafts and what is published, never another writer’s draft', async () => {
    const seen = (await find('limit=100&q=harbour', people.writer.token)).items.map((i) => i.id);
    expect(seen).toEqual([a.regatta]);
  });
});

describe('bulk actions', () => {
  const bulk = (payload: object, token = people.editor.token) =>
    app.inject({ method: 'POST', url: '/api/v1/articles/bulk', headers: bearer(token), payload });
  const article = async (id: number) =>
    (await app.inject({ method: 'GET', url: `/api/v1/articles/${id}`, headers: bearer(people.editor.token) })).json();

  it('tags and moves live and draft articles; a live one changes for readers at once, each change audited', async () => {
    const res = await bulk({ action: 'tag', ids: [a.regatta, a.strikeDraft], tag: 'Waterfront' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      { id: a.regatta, ok: true },
      { id: a.strikeDraft, ok: true },
    ]);
    const live = await article(a.regatta);
    expect(live.article.tags).toContain('Waterfront');
    expect(live.status).toBe('published');
    // Published: the change went live (no held changes left), and readers' tag page lists it.
    expect((await t.store.editorial.editorialState(a.regatta))!.held_revision).toBeNull();
    expect((await found('tag=waterfront')).sort()).toEqual([a.regatta, a.strikeDraft].sort());
    // Tagging again changes nothing.
    const before = (await article(a.regatta)).revision;
    await bulk({ action: 'tag', ids: [a.regatta], tag: 'waterfront' });
    expect((await article(a.regatta)).revision).toBe(before);

    expect((await bulk({ action: 'section', ids: [a.regatta], sectionId: ids.news })).json().results[0].ok).toBe(true);
    expect((await article(a.regatta)).article.primarySectionId).toBe(ids.news);
    const audit = (await app.inject({ method: 'GET', url: '/api/v1/audit?limit=100', headers: bearer(people.admin.token) })).json();
    const actions = audit.items
      .filter((e: { subject: string }) => e.subject === `article:${a.regatta}`)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['article.save', 'article.update']));
  });

  it('withdraws what it may and reports the rest, article by article', async () => {
    const res = await bulk({ action: 'unpublish', ids: [a.election, a.strikeDraft] });
    expect(res.statusCode).toBe(200);
    const [election, draft] = res.json().results;
    expect(election).toEqual({ id: a.election, ok: true });
    expect(draft).toMatchObject({ id: a.strikeDraft, ok: false, code: 'INVALID_TRANSITION' });
    expect((await article(a.election)).status).toBe('unpublished');
    expect((await article(a.strikeDraft)).status).toBe('draft');
  });

  it('refuses a bulk request that does not say what to do, naming the field', async () => {
    for (const [payload, field] of [
      [{ action: 'section', ids: [a.regatta] }, 'sectionId'],
      [{ action: 'tag', ids: [a.regatta], tag: ' ' }, 'tag'],
      [{ action: 'delete', ids: [a.regatta] }, 'action'],
      [{ action: 'unpublish', ids: [] }, 'ids'],
      [{ action: 'unpublish', ids: Array.from({ length: 101 }, (_, i) => i + 1) }, 'ids'],
    ] as const) {
      const res = await bulk(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });
});
