// Loads the demo outlet into an empty database: sections, people, tags, pictures, articles and collections.
// Publication times are relative to the seed time so the demo always looks current.
import { slugify } from '../domain/slug.ts';
import type { Block } from '../domain/blocks.ts';
import { generateDemoImage } from '../media/generate.ts';
import type { Queries, Store } from '../store/index.ts';
import type { DemoArticle, DemoBlock, DemoImage } from './types.ts';
import { sections } from './sections.ts';
import { people } from './people.ts';
import { newsArticles } from './articles-news.ts';
import { businessArticles } from './articles-business.ts';
import { otherArticles } from './articles-other.ts';
import { collections } from './collections.ts';
import { seedDesk } from './desk.ts';
import { demoPages } from './pages.ts';

export const demoArticles: DemoArticle[] = [...newsArticles, ...businessArticles, ...otherArticles];

const HOUR = 3_600_000;

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo content names an unknown ${what}: "${key}"`);
  return id;
}

export interface SeedReport {
  sections: number;
  people: number;
  articles: number;
  images: number;
}

/** Paints every picture the demo needs (outside the transaction: it is file work), keyed by caption+palette. */
export async function paintDemoImages(mediaDir: string, onProgress: (done: number, total: number) => void) {
  const images: DemoImage[] = [];
  for (const a of demoArticles) {
    if (a.hero) images.push(a.hero);
    for (const b of a.body) if (b.type === 'image') images.push(b.image);
  }
  const painted = new Map<DemoImage, Awaited<ReturnType<typeof generateDemoImage>>>();
  let done = 0;
  // Two at a time: sharp already spreads each picture over the cores.
  for (let i = 0; i < images.length; i += 2) {
    await Promise.all(
      images.slice(i, i + 2).map(async (img) => {
        painted.set(img, await generateDemoImage(mediaDir, img.palette, img.caption));
        onProgress(++done, images.length);
      }),
    );
  }
  return painted;
}

export async function seedDemo(
  store: Store,
  mediaDir: string,
  now: Date = new Date(),
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SeedReport> {
  const painted = await paintDemoImages(mediaDir, onProgress);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const nowIso = now.toISOString();

  return store.transaction(async (tx: Queries) => {
    const sectionIds = new Map<string, number>();
    for (const [position, s] of sections.entries()) {
      const parentPath = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/')) : null;
      const parentId = parentPath === null ? null : sectionIds.get(parentPath);
      if (parentId === undefined) throw new Error(`demo section ${s.path} is listed before its parent`);
      const slug = s.path.split('/').at(-1)!;
      sectionIds.set(
        s.path,
        await tx.taxonomy.createSection({ parentId, slug, path: s.path, name: s.name, description: s.description ?? '', position }),
      );
    }

    const personIds = new Map<string, number>();
    for (const p of people) personIds.set(p.slug, await tx.taxonomy.createPerson(p));

    const mediaIds = new Map<DemoImage, number>();
    const mediaFor = async (img: DemoImage) => {
      const existing = mediaIds.get(img);
      if (existing) return existing;
      const g = painted.get(img)!;
      const id = await tx.media.create({ ...g, alt: img.alt, caption: img.caption, credit: img.credit }, nowIso);
      mediaIds.set(img, id);
      return id;
    };
    const toBlock = async (b: DemoBlock): Promise<Block> =>
      b.type === 'image'
        ? { type: 'image', mediaId: await mediaFor(b.image), alt: b.image.alt, caption: b.image.caption, credit: b.image.credit }
        : b;

    const articleIds = new Map<string, number>();
    // Oldest first, so ids grow with publication time as they would in a real newsroom.
    for (const a of [...demoArticles].sort((x, y) => y.hoursAgo - x.hoursAgo)) {
      const tagIds: number[] = [];
      for (const name of a.tags) tagIds.push(await tx.taxonomy.ensureTag(slugify(name), name));
      const id = await tx.articles.create(
        {
          slug: slugify(a.headline),
          headline: a.headline,
          standfirst: a.standfirst,
          body: await Promise.all(a.body.map(toBlock)),
          kind: a.kind,
          status: 'published',
          primarySectionId: need(sectionIds, a.section, 'section'),
          extraSectionIds: (a.alsoIn ?? []).map((s) => need(sectionIds, s, 'section')),
          authorIds: a.authors.map((s) => need(personIds, s, 'author')),
          tagIds,
          hero: a.hero ? { mediaId: await mediaFor(a.hero), caption: a.hero.caption, credit: a.hero.credit, alt: a.hero.alt } : null,
          firstPublishedAt: at(a.hoursAgo),
          updatedAt: a.updatedAfterHours ? at(a.hoursAgo - a.updatedAfterHours) : null,
        },
        nowIso,
      );
      articleIds.set(a.headline, id);
    }
    // Stories still on the desk: drafts, two waiting for review, one scheduled (src/demo/desk.ts).
    await seedDesk(tx, { sections: sectionIds, people: personIds }, now);

    for (const c of collections) {
      const id = await tx.collections.create(c.slug, c.name);
      await tx.collections.setItems(
        id,
        c.headlines.map((h) => ({ articleId: need(articleIds, h, 'article') })),
      );
    }
    // About, Contact, the corrections and ethics policies and Privacy, published and in the footer.
    for (const [position, pg] of demoPages.entries()) {
      const id = await tx.pages.create(
        {
          slug: pg.slug,
          title: pg.title,
          summary: pg.summary,
          body: JSON.stringify(pg.body),
          role: pg.role,
          inFooter: true,
          position,
          createdBy: null,
        },
        nowIso,
      );
      await tx.pages.setStatus(id, 'published', nowIso);
    }
    return { sections: sectionIds.size, people: personIds.size, articles: articleIds.size, images: mediaIds.size };
  });
}
