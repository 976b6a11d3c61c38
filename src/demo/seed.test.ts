// The demo outlet loads on both databases and is what the issue promises: a believable, complete news site.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodySchema } from '../domain/blocks.ts';
import { SectionTree } from '../domain/sections.ts';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { demoArticles, seedDemo } from './seed.ts';
import { DEMO_MEDIA_DIR } from '../../test/support/demo-media.ts';

// Pictures painted once per test run by the global setup (painting is deterministic).
const mediaDir = DEMO_MEDIA_DIR;

describe('demo content as written', () => {
  it('has 40+ articles over several weeks, mostly with captioned, credited heroes', () => {
    expect(demoArticles.length).toBeGreaterThanOrEqual(40);
    const hours = demoArticles.map((a) => a.hoursAgo);
    expect(Math.max(...hours) - Math.min(...hours)).toBeGreaterThan(21 * 24);
    const withHero = demoArticles.filter((a) => a.hero?.caption && a.hero.credit && a.hero.alt);
    expect(withHero.length / demoArticles.length).toBeGreaterThan(0.7);
  });

  it('has bodies that satisfy the block schema (images aside, which the seeder resolves)', () => {
    for (const a of demoArticles) {
      const blocks = a.body.filter((b) => b.type !== 'image');
      expect(bodySchema.safeParse(blocks).success, a.headline).toBe(true);
    }
    expect(demoArticles.filter((a) => a.body.some((b) => b.type === 'quote' && b.attribution)).length).toBeGreaterThan(30);
  });
});

describe.each(dialects)('demo seed on $name', ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await seedDemo(t.store, mediaDir, new Date('2026-11-20T12:00:00Z'));
  });
  afterAll(async () => t?.destroy());

  it('creates 6+ top-level sections, each with sub-sections', async () => {
    const tree = new SectionTree(await t.store.taxonomy.allSections());
    expect(tree.roots().length).toBeGreaterThanOrEqual(6);
    for (const root of tree.roots()) expect(tree.childrenOf(root.id).length, root.path).toBeGreaterThan(0);
  });

  it('publishes every demo article, with both curated collections filled', async () => {
    const all = await t.store.articles.latest({ limit: 1000, offset: 0 });
    expect(all.items).toHaveLength(demoArticles.length);
    expect(await t.store.collections.activeArticleIds('editors-choice', '2026-11-20T12:00:00.000Z', 20)).toHaveLength(6);
    expect((await t.store.collections.activeArticleIds('top-stories', '2026-11-20T12:00:00.000Z', 20)).length).toBeGreaterThanOrEqual(4);
  });

  it('writes the pictures it references', async () => {
    const all = await t.store.articles.latest({ limit: 1000, offset: 0 });
    const heroes = all.items.flatMap((a) => (a.hero ? [a.hero] : []));
    expect(heroes.length).toBeGreaterThan(30);
    for (const h of heroes.slice(0, 5)) {
      await expect(fs.stat(path.join(mediaDir, h.file))).resolves.toBeTruthy();
      for (const v of h.variants) await expect(fs.stat(path.join(mediaDir, v.file))).resolves.toBeTruthy();
    }
  });

  it('is searchable', async () => {
    const rows = await t.store.search.query(['referendum'], 10, 0);
    expect(rows).toHaveLength(2);
  });
});
