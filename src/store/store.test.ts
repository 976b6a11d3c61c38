// The store's contract, run against both dialects: SQLite in memory and a throwaway PostgreSQL database.
// PostgreSQL is never skipped: if the server is unreachable, opening the database fails every test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SectionTree } from '../domain/sections.ts';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { hoursBefore, makeArticle, makePerson, makeSection, T0 } from '../../test/support/factories.ts';
import { migrate } from './migrate.ts';
import type { NewArticle } from './articles.ts';
import type { Store } from './index.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const page = (limit: number, offset = 0) => ({ limit, offset });
const ids = (slice: { items: { id: number }[] }) => slice.items.map((a) => a.id);

/** A bare NewArticle for writes made directly through `tx.articles.create`. */
function newArticle(sectionId: number, headline: string, body = 'Plain body text.'): NewArticle {
  return {
    slug: headline.toLowerCase().replace(/\W+/g, '-'),
    headline,
    standfirst: '',
    body: [{ type: 'paragraph', content: [{ text: body }] }],
    kind: 'news',
    status: 'published',
    primarySectionId: sectionId,
    extraSectionIds: [],
    authorIds: [],
    tagIds: [],
    hero: null,
    firstPublishedAt: hoursBefore(1),
    updatedAt: null,
  };
}

describe.each(dialects)('store on $name', ({ name, open }) => {
  let t: TestDb | undefined;
  let store: Store;

  beforeEach(async () => {
    t = await open();
    store = t.store;
  });
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  const count = async (table: 'articles' | 'sections' | 'tags' | 'article_sections') => {
    const row = await t!.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('runs on the dialect it is named for, answers ping, and starts empty', async () => {
    expect(store.dialect).toBe(name);
    expect(await store.ping()).toBe(true);
    expect(await store.isEmpty()).toBe(true);
    await makeSection(store, 'news');
    expect(await store.isEmpty()).toBe(false);
  });

  it('ensureTag: a save adding a tag another open transaction has just added waits and gets that tag', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let added!: () => void;
    const didAdd = new Promise<void>((r) => (added = r));
    const first = store.transaction(async (tx) => {
      const id = await tx.taxonomy.ensureTag('harbours', 'Harbours');
      added();
      await held; // still uncommitted while the second save looks for the tag
      return id;
    });
    await didAdd;
    const second = store.transaction((tx) => tx.taxonomy.ensureTag('harbours', 'Harbours'));
    await new Promise((r) => setTimeout(r, 100));
    release();
    expect(await second).toBe(await first);
    expect(await count('tags')).toBe(1);
  });

  it('updates the planner statistics and compacts the search index, which still finds everything', async () => {
    const sectionId = await makeSection(store, 'world');
    for (const headline of ['Harbour ferry resumes', 'Ferry fares frozen', 'Night ferry cancelled'])
      await makeArticle(store, { sectionId, headline });
    const segments = async () =>
      (await sql<{ n: number }>`SELECT count(DISTINCT segid) AS n FROM article_search_idx`.execute(t!.db.kysely)).rows[0]?.n;
    if (name === 'sqlite') expect(await segments()).toBeGreaterThan(1); // one per indexing transaction
    await store.updateStatistics();
    if (name === 'sqlite') {
      const stats = await sql<{ tbl: string }>`SELECT tbl FROM sqlite_stat1`.execute(t!.db.kysely);
      expect(stats.rows.map((r) => r.tbl)).toContain('articles');
      expect(await segments()).toBe(1);
    }
    expect(await store.search.query(['ferry'], 10, 0)).toHaveLength(3);
  });

  it('migrate is idempotent: a second run applies nothing and keeps the data', async () => {
    const section = await makeSection(store, 'news');
    await makeArticle(store, { sectionId: section });
    expect(await migrate(t!.db)).toEqual([]);
    expect(await migrate(t!.db)).toEqual([]);
    expect(await count('articles')).toBe(1);
  });

  it('never reuses an id, even after the highest row is deleted', async () => {
    const section = await makeSection(store, 'news');
    const first = await makeArticle(store, { sectionId: section });
    await t!.db.kysely.deleteFrom('articles').where('id', '=', first).execute();
    expect(await count('articles')).toBe(0);
    const second = await makeArticle(store, { sectionId: section });
    expect(second).toBeGreaterThan(first);
  });

  it('returns timestamps as ISO-8601 UTC strings ending in Z', async () => {
    const section = await makeSection(store, 'news');
    const id = await makeArticle(store, { sectionId: section, hoursAgo: 5, updatedHoursAgo: 2 });
    const [summary] = (await store.articles.latest(page(10))).items;
    expect(summary!.firstPublishedAt).toBe(hoursBefore(5));
    expect(summary!.updatedAt).toBe(hoursBefore(2));
    const row = await store.articles.byId(id);
    expect(row!.first_published_at).toMatch(ISO_UTC);
    expect(row!.modified_at).toBe(hoursBefore(2)); // stored whole: last changed when last updated, not when loaded
    // Whatever the session's time zone, the value read back is the same UTC instant.
    const read = await t!.db.kysely.transaction().execute(async (trx) => {
      if (name === 'postgres') await sql`SET LOCAL TIME ZONE 'Asia/Kolkata'`.execute(trx);
      return trx.selectFrom('articles').select('first_published_at').where('id', '=', id).executeTakeFirstOrThrow();
    });
    expect(read.first_published_at).toBe(hoursBefore(5));
  });

  describe('listings', () => {
    it('latest(): published only, newest first, ties broken by id desc', async () => {
      const s = await makeSection(store, 'news');
      const old = await makeArticle(store, { sectionId: s, hoursAgo: 10 });
      const tieA = await makeArticle(store, { sectionId: s, hoursAgo: 3 });
      const tieB = await makeArticle(store, { sectionId: s, hoursAgo: 3 });
      const newest = await makeArticle(store, { sectionId: s, hoursAgo: 1 });
      await makeArticle(store, { sectionId: s, status: 'draft' });
      await makeArticle(store, { sectionId: s, status: 'unpublished', hoursAgo: 0.5 });
      await makeArticle(store, { sectionId: s, status: 'scheduled', hoursAgo: -2 });
      const all = await store.articles.latest(page(10));
      expect(ids(all)).toEqual([newest, tieB, tieA, old]);
      expect(all.hasMore).toBe(false);
    });

    it('latest(): limit, offset and hasMore page through without gaps or repeats', async () => {
      const s = await makeSection(store, 'news');
      const made: number[] = [];
      for (let h = 1; h <= 5; h++) made.push(await makeArticle(store, { sectionId: s, hoursAgo: h }));
      const p1 = await store.articles.latest(page(2, 0));
      const p2 = await store.articles.latest(page(2, 2));
      const p3 = await store.articles.latest(page(2, 4));
      expect([ids(p1), ids(p2), ids(p3)]).toEqual([made.slice(0, 2), made.slice(2, 4), made.slice(4)]);
      expect([p1.hasMore, p2.hasMore, p3.hasMore]).toEqual([true, true, false]);
      const exact = await store.articles.latest(page(5));
      expect(exact.items).toHaveLength(5);
      expect(exact.hasMore).toBe(false);
      expect(await store.articles.latest(page(2, 10))).toEqual({ items: [], hasMore: false });
    });

    it('keyset: before/after a cursor read the same pages as offsets, ties by id included, both ways', async () => {
      const s = await makeSection(store, 'news');
      const other = await makeSection(store, 'sport');
      const made: number[] = [];
      for (const h of [1, 2, 2, 2, 3, 4, 5, 5, 6]) made.push(await makeArticle(store, { sectionId: s, hoursAgo: h }));
      await makeArticle(store, { sectionId: other, hoursAgo: 2 }); // not in the listing, same time as the ties
      const newestFirst = ids(await store.articles.inSections([s], page(20)));
      expect(newestFirst).toHaveLength(9);
      const walked: number[][] = [];
      let cursor: number | undefined;
      for (let i = 0; i < 5; i++) {
        const slice = await store.articles.inSections([s], { limit: 2, before: cursor });
        walked.push(ids(slice));
        if (!slice.hasMore) break;
        cursor = slice.items.at(-1)!.id;
      }
      expect(walked).toEqual([
        newestFirst.slice(0, 2),
        newestFirst.slice(2, 4),
        newestFirst.slice(4, 6),
        newestFirst.slice(6, 8),
        newestFirst.slice(8),
      ]);
      // Back up from the fourth page's first item: the third page, in newest-first order.
      const back = await store.articles.inSections([s], { limit: 2, after: newestFirst[6] });
      expect(ids(back)).toEqual(newestFirst.slice(4, 6));
      expect(back.hasMore).toBe(true);
      const top = await store.articles.inSections([s], { limit: 2, after: newestFirst[2] });
      expect(ids(top)).toEqual(newestFirst.slice(0, 2));
      expect(top.hasMore).toBe(false);
      expect((await store.articles.inSections([s], { limit: 2, before: 999_999 })).items).toEqual([]);
    });

    it('latest(): excludeIds leaves those articles out and still fills the page', async () => {
      const s = await makeSection(store, 'news');
      const made: number[] = [];
      for (let h = 1; h <= 4; h++) made.push(await makeArticle(store, { sectionId: s, hoursAgo: h }));
      const [a, b, c, d] = made;
      const slice = await store.articles.latest(page(2), [a!, c!]);
      expect(ids(slice)).toEqual([b, d]);
      expect(slice.hasMore).toBe(false);
    });

    it('inSections(): covers extra sections and subtrees, without duplicates', async () => {
      const news = await makeSection(store, 'news');
      const europe = await makeSection(store, 'news/europe');
      const sport = await makeSection(store, 'sport');
      const business = await makeSection(store, 'business');
      const inChild = await makeArticle(store, { sectionId: europe, hoursAgo: 1 });
      const viaExtra = await makeArticle(store, { sectionId: sport, extraSectionIds: [news], hoursAgo: 2 });
      const inBoth = await makeArticle(store, { sectionId: news, extraSectionIds: [europe], hoursAgo: 3 });
      await makeArticle(store, { sectionId: sport, hoursAgo: 4 });
      await makeArticle(store, { sectionId: business, extraSectionIds: [sport], hoursAgo: 5 });
      await makeArticle(store, { sectionId: news, status: 'draft' });
      const subtree = new SectionTree(await store.taxonomy.allSections()).subtreeIds(news);
      expect(subtree.sort()).toEqual([news, europe].sort());
      const slice = await store.articles.inSections(subtree, page(10));
      expect(ids(slice)).toEqual([inChild, viaExtra, inBoth]);
      expect(slice.items[1]!.sectionPath).toBe('sport');
      const paged = await store.articles.inSections(subtree, page(2));
      expect(ids(paged)).toEqual([inChild, viaExtra]);
      expect(paged.hasMore).toBe(true);
      expect(await store.articles.inSections([], page(10))).toEqual({ items: [], hasMore: false });
    });

    it('withTag() and byAuthor(): only that tag or author, published, newest first', async () => {
      const s = await makeSection(store, 'news');
      const ann = await makePerson(store, 'Ann Author');
      const bob = await makePerson(store, 'Bob Byline');
      const older = await makeArticle(store, { sectionId: s, tags: ['Climate'], authorIds: [ann], hoursAgo: 5 });
      const newer = await makeArticle(store, { sectionId: s, tags: ['Climate', 'Energy'], authorIds: [bob, ann], hoursAgo: 1 });
      await makeArticle(store, { sectionId: s, tags: ['Energy'], authorIds: [bob], hoursAgo: 2 });
      await makeArticle(store, { sectionId: s, tags: ['Climate'], authorIds: [ann], status: 'draft' });
      const climate = await store.taxonomy.tagBySlug('climate');
      expect(ids(await store.articles.withTag(climate!.id, page(10)))).toEqual([newer, older]);
      expect(ids(await store.articles.byAuthor(ann, page(10)))).toEqual([newer, older]);
      const first = await store.articles.byAuthor(ann, page(1));
      expect([ids(first), first.hasMore]).toEqual([[newer], true]);
    });

    it('summariesByIds(): keeps the given order and drops unpublished or missing ids', async () => {
      const s = await makeSection(store, 'news');
      const a = await makeArticle(store, { sectionId: s, hoursAgo: 1 });
      const b = await makeArticle(store, { sectionId: s, hoursAgo: 2 });
      const draft = await makeArticle(store, { sectionId: s, status: 'draft' });
      const got = await store.articles.summariesByIds([b, draft, 99_999, a]);
      expect(got.map((x) => x.id)).toEqual([b, a]);
      expect(got[0]).toMatchObject({ sectionPath: 'news', sectionName: 'News', kind: 'news', hero: null });
      expect(await store.articles.summariesByIds([])).toEqual([]);
    });

    it('related(): ordered by shared tags, excluding itself and drafts', async () => {
      const s = await makeSection(store, 'news');
      const me = await makeArticle(store, { sectionId: s, tags: ['a', 'b', 'c'] });
      const one = await makeArticle(store, { sectionId: s, tags: ['a'], hoursAgo: 1 });
      const three = await makeArticle(store, { sectionId: s, tags: ['a', 'b', 'c'], hoursAgo: 9 });
      const two = await makeArticle(store, { sectionId: s, tags: ['b', 'c', 'z'], hoursAgo: 5 });
      await makeArticle(store, { sectionId: s, tags: ['a', 'b', 'c'], status: 'draft' });
      await makeArticle(store, { sectionId: s, tags: ['z'], hoursAgo: 0.5 });
      const tagIds = (await store.articles.tagsOf(me)).map((t) => t.id);
      expect(await store.articles.relatedIds(me, tagIds, 10)).toEqual([three, two, one]);
      expect(await store.articles.relatedIds(me, tagIds, 2)).toEqual([three, two]);
      expect(await store.articles.relatedIds(me, [], 10)).toEqual([]);
    });
  });

  describe('single articles', () => {
    it('byId() returns drafts too, with status; authorsOf() keeps byline order; tagsOf() lists tags', async () => {
      const s = await makeSection(store, 'news');
      const zoe = await makePerson(store, 'Zoe Zed');
      const adam = await makePerson(store, 'Adam Ay');
      const draft = await makeArticle(store, {
        sectionId: s,
        status: 'draft',
        headline: 'A draft',
        authorIds: [zoe, adam],
        tags: ['Politics', 'Economy'],
      });
      const row = await store.articles.byId(draft);
      expect(row).toMatchObject({ id: draft, status: 'draft', headline: 'A draft', primary_section_id: s, first_published_at: null });
      expect(await store.articles.byId(123_456)).toBeUndefined();
      expect((await store.articles.authorsOf(draft)).map((p) => p.name)).toEqual(['Zoe Zed', 'Adam Ay']);
      expect((await store.articles.tagsOf(draft)).map((x) => x.slug)).toEqual(['economy', 'politics']);
      expect(await store.articles.authorsOf(123_456)).toEqual([]);
    });
  });

  describe('collections', () => {
    it('activeArticleIds(): curated order, time windows, published only, limit', async () => {
      const s = await makeSection(store, 'news');
      const make = (status: 'published' | 'draft' = 'published') => makeArticle(store, { sectionId: s, status });
      const late = await make();
      const early = await make();
      const future = await make();
      const expired = await make();
      const endsNow = await make();
      const startsNow = await make();
      const draft = await make('draft');
      const now = T0.toISOString();
      const col = await store.collections.create('top', 'Top stories');
      const other = await store.collections.create('other', 'Other');
      await store.collections.setItems(other, [{ articleId: late }]);
      await store.collections.setItems(col, [
        { articleId: early },
        { articleId: future, startsAt: hoursBefore(-1) },
        { articleId: expired, startsAt: hoursBefore(48), endsAt: hoursBefore(1) },
        { articleId: draft },
        { articleId: endsNow, endsAt: now },
        { articleId: startsNow, startsAt: now, endsAt: hoursBefore(-24) },
        { articleId: late, startsAt: hoursBefore(2) },
      ]);
      expect(await store.collections.activeArticleIds('top', now, 10)).toEqual([early, startsNow, late]);
      expect(await store.collections.activeArticleIds('top', now, 2)).toEqual([early, startsNow]);
      expect(await store.collections.activeArticleIds('top', hoursBefore(-2), 10)).toEqual([early, future, startsNow, late]);
      expect(await store.collections.activeArticleIds('missing', now, 10)).toEqual([]);
      await store.collections.setItems(col, [{ articleId: late }, { articleId: early }]);
      expect(await store.collections.activeArticleIds('top', now, 10)).toEqual([late, early]);
    });
  });

  describe('transactions', () => {
    it('commits every write when the function succeeds', async () => {
      const id = await store.transaction(async (tx) => {
        const s = await tx.taxonomy.createSection({
          parentId: null,
          slug: 'news',
          path: 'news',
          name: 'News',
          description: '',
          position: 0,
        });
        return tx.articles.create(newArticle(s, 'Committed story'), T0.toISOString());
      });
      expect((await store.articles.byId(id))?.headline).toBe('Committed story');
    });

    it('rolls back every write when the function throws', async () => {
      const s = await makeSection(store, 'news');
      await makeArticle(store, { sectionId: s });
      const before = await Promise.all([count('articles'), count('sections'), count('tags'), count('article_sections')]);
      await expect(
        store.transaction(async (tx) => {
          const inner = await tx.taxonomy.createSection({
            parentId: null,
            slug: 'doomed',
            path: 'doomed',
            name: 'Doomed',
            description: '',
            position: 1,
          });
          const tag = await tx.taxonomy.ensureTag('doomed', 'Doomed');
          await tx.articles.create(
            { ...newArticle(inner, 'Rolled back xylophone'), tagIds: [tag], extraSectionIds: [s] },
            T0.toISOString(),
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await Promise.all([count('articles'), count('sections'), count('tags'), count('article_sections')])).toEqual(before);
      expect(await store.search.query(['xylophone'], 10, 0)).toEqual([]);
      expect(await store.taxonomy.tagBySlug('doomed')).toBeUndefined();
    });
  });
});
