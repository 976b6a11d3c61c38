// The feed queries (src/store/feeds.ts) on both dialects: scopes, order, limit, only published articles, and the
// bylines, tags and memberships of many articles at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { hoursBefore, makeArticle, makeMedia, makePerson, makeSection } from '../../../test/support/factories.ts';

describe.each(dialects)('feed queries on $name', ({ open }) => {
  let db: TestDb;
  const w = { news: 0, europe: 0, sport: 0, ann: 0, ben: 0, a: 0, b: 0, c: 0, draft: 0, gone: 0 };

  beforeAll(async () => {
    db = await open();
    const { store } = db;
    w.news = await makeSection(store, 'news');
    w.europe = await makeSection(store, 'news/europe');
    w.sport = await makeSection(store, 'sport');
    w.ann = await makePerson(store, 'Ann Query');
    w.ben = await makePerson(store, 'Ben Query');
    const picture = await makeMedia(store);
    w.a = await makeArticle(store, {
      sectionId: w.europe,
      hoursAgo: 1,
      authorIds: [w.ben, w.ann],
      tags: ['Zeta', 'Alpha'],
      heroMediaId: picture,
    });
    w.b = await makeArticle(store, { sectionId: w.news, hoursAgo: 2, authorIds: [w.ann], tags: ['Alpha'] });
    w.c = await makeArticle(store, { sectionId: w.sport, extraSectionIds: [w.europe], hoursAgo: 3 });
    w.draft = await makeArticle(store, { sectionId: w.news, status: 'draft', authorIds: [w.ann], tags: ['Alpha'] });
    w.gone = await makeArticle(store, { sectionId: w.news, status: 'unpublished', hoursAgo: 0.5, authorIds: [w.ann] });
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const ids = (rows: { summary: { id: number } }[]) => rows.map((r) => r.summary.id);

  it('lists published articles newest first, per scope, with bodies and heroes', async () => {
    const { feeds } = db.store;
    const all = await feeds.latest({ kind: 'all' }, 50);
    expect(ids(all)).toEqual([w.a, w.b, w.c]);
    expect(all[0]!.summary.firstPublishedAt).toBe(hoursBefore(1));
    expect(all[0]!.summary.hero?.mime).toBe('image/jpeg');
    expect(JSON.parse(all[0]!.body)).toEqual([{ type: 'paragraph', content: [{ text: expect.stringMatching(/^Body text/) }] }]);
    expect(ids(await feeds.latest({ kind: 'all' }, 2))).toEqual([w.a, w.b]);
    expect(ids(await feeds.latest({ kind: 'sections', ids: [w.europe] }, 50))).toEqual([w.a, w.c]);
    expect(ids(await feeds.latest({ kind: 'sections', ids: [w.news, w.europe] }, 50))).toEqual([w.a, w.b, w.c]);
    expect(await feeds.latest({ kind: 'sections', ids: [] }, 50)).toEqual([]);
    const alpha = (await db.store.taxonomy.tagBySlug('alpha'))!;
    expect(ids(await feeds.latest({ kind: 'tag', id: alpha.id }, 50))).toEqual([w.a, w.b]);
    expect(ids(await feeds.latest({ kind: 'author', id: w.ann }, 50))).toEqual([w.a, w.b]);
  });

  it('reads bylines (in order) and tags (by name) of many articles in one query each', async () => {
    const { feeds } = db.store;
    const authors = await feeds.authorsOf([w.a, w.b, w.c]);
    expect(authors.get(w.a)!.map((p) => p.name)).toEqual(['Ben Query', 'Ann Query']);
    expect(authors.get(w.b)!.map((p) => p.slug)).toEqual(['ann-query']);
    expect(authors.get(w.c)).toBeUndefined();
    const tags = await feeds.tagsOf([w.a, w.b]);
    expect(tags.get(w.a)!.map((t) => t.name)).toEqual(['Alpha', 'Zeta']);
    expect(tags.get(w.b)!.map((t) => t.slug)).toEqual(['alpha']);
    expect(await feeds.authorsOf([])).toEqual(new Map());
    expect(await feeds.tagsOf([])).toEqual(new Map());
  });

  it('tells where an article is filed, whatever its status', async () => {
    const { feeds } = db.store;
    const a = await feeds.memberships(w.a);
    expect(a.sectionIds).toEqual([w.europe]);
    expect([...a.tagSlugs].sort()).toEqual(['alpha', 'zeta']);
    expect([...a.authorSlugs].sort()).toEqual(['ann-query', 'ben-query']);
    expect([...(await feeds.memberships(w.c)).sectionIds].sort((x, y) => x - y)).toEqual([w.europe, w.sport].sort((x, y) => x - y));
    expect(await feeds.memberships(w.gone)).toEqual({ sectionIds: [w.news], tagSlugs: [], authorSlugs: ['ann-query'] });
  });
});
