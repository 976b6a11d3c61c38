// A synthetic archive for measuring Masthead at news scale: articles of realistic size spread over ten years,
// in the demo's sections, with authors and tags. Deterministic for a given seed.
import type { Block } from '../domain/blocks.ts';
import { slugify } from '../domain/slug.ts';
import type { NewArticle } from '../store/articles.ts';
import type { Store } from '../store/index.ts';
import { sections as demoSections } from '../demo/sections.ts';
import { ACTORS, PLACES, REASONS, SENTENCES, THINGS, VERBS } from './words.ts';
import { prng } from '../domain/random.ts';

const YEAR_MS = 365.25 * 24 * 3_600_000;
const BATCH = 500;

export interface CorpusOptions {
  articles: number;
  seed?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** Makes sure the sections, 60 authors and 400 tags exist; returns their ids. */
async function scaffolding(store: Store) {
  let sections = await store.taxonomy.allSections();
  if (sections.length === 0) {
    await store.transaction(async (tx) => {
      const ids = new Map<string, number>();
      for (const [position, s] of demoSections.entries()) {
        const parent = s.path.includes('/') ? ids.get(s.path.slice(0, s.path.lastIndexOf('/')))! : null;
        ids.set(
          s.path,
          await tx.taxonomy.createSection({
            parentId: parent,
            slug: s.path.split('/').at(-1)!,
            path: s.path,
            name: s.name,
            description: s.description ?? '',
            position,
          }),
        );
      }
    });
    sections = await store.taxonomy.allSections();
  }
  const authorIds: number[] = [];
  const tagIds: number[] = [];
  await store.transaction(async (tx) => {
    for (let i = 0; i < 60; i++) {
      const slug = `corpus-reporter-${i + 1}`;
      authorIds.push(
        (await tx.taxonomy.personBySlug(slug))?.id ??
          (await tx.taxonomy.createPerson({ slug, name: `Reporter ${i + 1}`, title: 'Correspondent', bio: '' })),
      );
    }
    for (let i = 0; i < 400; i++) tagIds.push(await tx.taxonomy.ensureTag(`topic-${i + 1}`, `Topic ${i + 1}`));
  });
  // Articles live in the leaves (News › Europe …), as in the demo.
  const leaves = sections.filter((s) => !sections.some((c) => c.parentId === s.id));
  return { sectionIds: leaves.map((s) => s.id), authorIds, tagIds };
}

export async function generateCorpus(store: Store, o: CorpusOptions): Promise<{ articles: number }> {
  const rand = prng(o.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const now = (o.now ?? new Date()).getTime();
  const { sectionIds, authorIds, tagIds } = await scaffolding(store);
  let done = 0;
  while (done < o.articles) {
    const batch: NewArticle[] = [];
    for (let i = 0; i < Math.min(BATCH, o.articles - done); i++) {
      const headline = `${pick(PLACES)}: ${pick(ACTORS)} ${pick(VERBS)} ${pick(THINGS)} ${pick(REASONS)}`;
      const paragraphs = 6 + Math.floor(rand() * 10);
      const body: Block[] = [];
      for (let p = 0; p < paragraphs; p++) {
        body.push({
          type: 'paragraph',
          content: [{ text: Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(SENTENCES)).join(' ') }],
        });
        if (p === 2) body.push({ type: 'quote', text: pick(SENTENCES), attribution: `${pick(ACTORS).replace(/^The /, '')} spokesperson` });
      }
      // Newer years hold more articles, as archives grow.
      const published = new Date(now - rand() ** 1.5 * 10 * YEAR_MS).toISOString();
      batch.push({
        slug: slugify(headline),
        headline,
        standfirst: `${pick(SENTENCES)} ${pick(SENTENCES)}`,
        body,
        kind: rand() < 0.85 ? 'news' : pick(['opinion', 'analysis', 'video'] as const),
        status: 'published',
        primarySectionId: pick(sectionIds),
        extraSectionIds: rand() < 0.2 ? [pick(sectionIds)] : [],
        authorIds: rand() < 0.8 ? [pick(authorIds)] : [pick(authorIds), pick(authorIds)].filter((x, k, all) => all.indexOf(x) === k),
        tagIds: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(tagIds)),
        hero: null,
        firstPublishedAt: published,
        updatedAt: null,
      });
    }
    await store.transaction((tx) => tx.corpus.insertArticles(batch, new Date(now).toISOString()));
    done += batch.length;
    o.onProgress?.(done, o.articles);
  }
  await store.updateStatistics();
  return { articles: done };
}
