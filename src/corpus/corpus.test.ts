// The synthetic archive generator on both databases: sizes, spread over ten years, and an archive the site
// can list and search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { generateCorpus } from './generate.ts';

describe.each(dialects)('synthetic corpus on $name', ({ open }) => {
  let t: TestDb;
  const progress: number[] = [];
  beforeAll(async () => {
    t = await open();
    await generateCorpus(t.store, { articles: 1_200, now: new Date('2026-11-20T12:00:00Z'), onProgress: (done) => progress.push(done) });
  });
  afterAll(async () => t?.destroy());

  it('writes every article in batches, reporting progress', async () => {
    expect(progress).toEqual([500, 1_000, 1_200]);
    const all = await t.store.articles.latest({ limit: 2_000, offset: 0 });
    expect(all.items).toHaveLength(1_200);
  });

  it('spreads publication over ten years, newest most dense, bodies of realistic size', async () => {
    const all = (await t.store.articles.latest({ limit: 2_000, offset: 0 })).items;
    const years = all.map((a) => Number(a.firstPublishedAt.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(2018);
    expect(years.filter((y) => y >= 2025).length).toBeGreaterThan(years.filter((y) => y <= 2018).length);
    const row = (await t.store.articles.byId(all[0]!.id))!;
    expect(row.body.length).toBeGreaterThan(1_500);
  });

  it('is searchable and listed by section', async () => {
    expect((await t.store.search.query(['ferry'], 10, 0)).length).toBeGreaterThan(0);
    const sections = await t.store.taxonomy.allSections();
    const europe = sections.find((s) => s.path === 'news/europe')!;
    expect((await t.store.articles.inSections([europe.id], { limit: 5, offset: 0 })).items.length).toBe(5);
  });
});
