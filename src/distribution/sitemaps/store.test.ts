// The sitemap queries (src/store/sitemaps.ts) on both dialects: month grouping in UTC, only published articles,
// real lastmods, paging, the news window, and the section/tag/author summaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { hoursBefore, makeArticle, makeMedia, makePerson, makeSection, T0 } from '../../../test/support/factories.ts';
import { sql } from 'kysely';
import { monthRange, sitemapQueries } from '../../store/sitemaps.ts';

/** Hours before T0 (2026-11-20T12:00Z) of an instant. */
const hoursAgo = (iso: string) => (T0.getTime() - Date.parse(iso)) / 3_600_000;

describe('monthRange', () => {
  it('gives the UTC month as a half-open range, across a year end', () => {
    expect(monthRange('2026-11')).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']);
    expect(monthRange('2026-12')).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
});

describe.each(dialects)('sitemap queries on $name', ({ name, open }) => {
  let t: TestDb;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await open();
    const s = t.store;
    const news = await makeSection(s, 'news');
    const europe = await makeSection(s, 'news/europe');
    const sport = await makeSection(s, 'sport');
    const ana = await makePerson(s, 'Ana Reyes');
    const bo = await makePerson(s, 'Bo Lind');
    const hero = await makeMedia(s);
    id.now = await makeArticle(s, {
      sectionId: europe,
      hoursAgo: 1,
      tags: ['Shipping'],
      authorIds: [ana],
      heroMediaId: hero,
      updatedHoursAgo: 0.5,
    });
    id.day = await makeArticle(s, { sectionId: news, hoursAgo: 30, tags: ['Shipping', 'Ports'], authorIds: [ana, bo] });
    id.old = await makeArticle(s, { sectionId: sport, hoursAgo: 49, tags: ['Ports'] });
    // Either side of the October/November boundary in UTC (whatever the server's own time zone).
    id.nov1 = await makeArticle(s, { sectionId: news, hoursAgo: hoursAgo('2026-11-01T00:30:00.000Z') });
    id.oct31 = await makeArticle(s, { sectionId: news, hoursAgo: hoursAgo('2026-10-31T23:30:00.000Z'), extraSectionIds: [sport] });
    id.sept = await makeArticle(s, { sectionId: sport, hoursAgo: hoursAgo('2026-09-15T08:00:00.000Z'), authorIds: [bo] });
    // Never in a sitemap: a draft (once published, so it has a date), a withdrawn article, a scheduled one.
    id.draft = await makeArticle(s, { sectionId: news, status: 'draft', hoursAgo: 2, tags: ['Secret'] });
    id.gone = await makeArticle(s, {
      sectionId: news,
      status: 'unpublished',
      hoursAgo: hoursAgo('2026-08-10T10:00:00.000Z'),
      authorIds: [bo],
    });
    id.scheduled = await makeArticle(s, { sectionId: sport, status: 'scheduled' });
    const setModified = (article: number, at: string) =>
      t.db.kysely.updateTable('articles').set({ modified_at: at }).where('id', '=', article).execute();
    await setModified(id.nov1, '2026-11-19T09:00:00.000Z');
    await setModified(id.now, '2026-11-20T11:30:00.000Z');
    await setModified(id.day, '2026-11-19T06:00:00.000Z');
    await setModified(id.old, '2026-11-18T11:00:00.000Z');
    await setModified(id.oct31, '2026-11-02T10:00:00.000Z');
    await setModified(id.sept, '2026-09-15T08:05:00.000Z');
    await setModified(id.draft, '2026-11-20T11:59:00.000Z');
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('groups published articles by UTC month of first publication, newest month first, with max(modified_at)', async () => {
    expect(await t.store.sitemaps.months()).toEqual([
      { month: '2026-11', count: 4, lastModified: '2026-11-20T11:30:00.000Z' },
      { month: '2026-10', count: 1, lastModified: '2026-11-02T10:00:00.000Z' },
      { month: '2026-09', count: 1, lastModified: '2026-09-15T08:05:00.000Z' },
    ]);
  });

  // Only PostgreSQL has a session time zone that could shift months; SQLite groups the stored UTC text itself,
  // so the test exists for PostgreSQL alone (it is not defined, rather than skipped, on SQLite).
  if (name === 'postgres') {
    it('takes the month in UTC whatever the session time zone', async () => {
      const months = await t.db.kysely.transaction().execute(async (trx) => {
        await sql`SET LOCAL TIME ZONE 'Pacific/Kiritimati'`.execute(trx);
        return sitemapQueries(trx, 'postgres').months();
      });
      expect(months.map((m) => [m.month, m.count])).toEqual([
        ['2026-11', 4],
        ['2026-10', 1],
        ['2026-09', 1],
      ]);
    });
  }

  it('lists a month oldest first, in pages, with the hero file and nothing unpublished', async () => {
    const nov = await t.store.sitemaps.articlesInMonth('2026-11', 10, 0);
    expect(nov.map((r) => r.id)).toEqual([id.nov1, id.old, id.day, id.now]);
    const now = nov.at(-1)!;
    expect(now).toMatchObject({ section_path: 'news/europe', updated_at: hoursBefore(0.5), first_published_at: hoursBefore(1) });
    expect(now.hero_file).toMatch(/^test\/\d+\.jpg$/);
    expect(nov[0]!.hero_file).toBeNull();
    const pages = [await t.store.sitemaps.articlesInMonth('2026-11', 3, 0), await t.store.sitemaps.articlesInMonth('2026-11', 3, 3)];
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([[id.nov1, id.old, id.day], [id.now]]);
    expect((await t.store.sitemaps.articlesInMonth('2026-10', 10, 0)).map((r) => r.id)).toEqual([id.oct31]);
    expect(await t.store.sitemaps.articlesInMonth('2026-08', 10, 0)).toEqual([]);
    expect(await t.store.sitemaps.articlesInMonth('2026-12', 10, 0)).toEqual([]);
  });

  it('gives the news window newest first, capped', async () => {
    const since = hoursBefore(48);
    expect((await t.store.sitemaps.newsSince(since, 10)).map((r) => r.id)).toEqual([id.now, id.day]);
    expect((await t.store.sitemaps.newsSince(since, 1)).map((r) => r.id)).toEqual([id.now]);
    expect((await t.store.sitemaps.newsSince(hoursBefore(50), 10)).map((r) => r.id)).toEqual([id.now, id.day, id.old]);
    const [first] = await t.store.sitemaps.newsSince(since, 1);
    expect(first).toMatchObject({ section_path: 'news/europe', first_published_at: hoursBefore(1) });
  });

  it('gives each section with articles its newest first publication (secondary filing counts)', async () => {
    const sections = await t.store.taxonomy.allSections();
    const byPath = new Map(sections.map((s) => [s.id, s.path]));
    const rows = await t.store.sitemaps.sectionsLastPublished();
    expect(Object.fromEntries(rows.map((r) => [byPath.get(r.sectionId), r.lastPublished]))).toEqual({
      news: hoursBefore(30),
      'news/europe': hoursBefore(1),
      sport: hoursBefore(49),
    });
  });

  it('summarises and pages tags and authors with published articles only', async () => {
    expect(await t.store.sitemaps.tagSummary()).toEqual({ count: 2, lastPublished: hoursBefore(1) });
    expect(await t.store.sitemaps.tagsPage(10, 0)).toEqual([
      { slug: 'ports', lastPublished: hoursBefore(30) },
      { slug: 'shipping', lastPublished: hoursBefore(1) },
    ]);
    expect(await t.store.sitemaps.tagsPage(1, 1)).toEqual([{ slug: 'shipping', lastPublished: hoursBefore(1) }]);
    expect(await t.store.sitemaps.authorSummary()).toEqual({ count: 2, lastPublished: hoursBefore(1) });
    expect(await t.store.sitemaps.authorsPage(10, 0)).toEqual([
      { slug: 'ana-reyes', lastPublished: hoursBefore(1) },
      { slug: 'bo-lind', lastPublished: hoursBefore(30) },
    ]);
  });
});
