// Factories for test data: small, explicit worlds built through the store's own queries.
import type { Body } from '../../src/domain/blocks.ts';
import type { ArticleKind, ArticleStatus } from '../../src/domain/article.ts';
import { slugify } from '../../src/domain/slug.ts';
import type { Store } from '../../src/store/index.ts';

let counter = 0;
const next = () => ++counter;

export const T0 = new Date('2026-11-20T12:00:00.000Z');
export const hoursBefore = (h: number, from = T0) => new Date(from.getTime() - h * 3_600_000).toISOString();

export async function makeSection(store: Store, path: string, name?: string): Promise<number> {
  const sections = await store.taxonomy.allSections();
  const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
  const parent = parentPath === null ? null : sections.find((s) => s.path === parentPath);
  if (parentPath !== null && !parent) throw new Error(`make the parent section ${parentPath} first`);
  const slug = path.split('/').at(-1)!;
  return store.taxonomy.createSection({
    parentId: parent?.id ?? null,
    slug,
    path,
    name: name ?? slug[0]!.toUpperCase() + slug.slice(1),
    description: `About ${slug}`,
    position: sections.length,
  });
}

export async function makePerson(store: Store, name = `Reporter ${next()}`): Promise<number> {
  return store.taxonomy.createPerson({ slug: slugify(name), name, title: 'Correspondent', bio: `${name} reports for us.` });
}

export async function makeMedia(
  store: Store,
  overrides: { alt?: string; caption?: string; credit?: string; uploadedBy?: number } = {},
): Promise<number> {
  return store.media.create(
    {
      originalFile: `test/${next()}.jpg`,
      mime: 'image/jpeg',
      width: 1600,
      height: 900,
      alt: overrides.alt ?? 'A test picture',
      caption: overrides.caption ?? 'A caption',
      credit: overrides.credit ?? 'File photo',
      variants: [{ width: 480, height: 270, format: 'webp', file: `test/${counter}-480.webp` }],
      uploadedBy: overrides.uploadedBy ?? null,
    },
    T0.toISOString(),
  );
}

export interface ArticleInput {
  headline?: string;
  standfirst?: string;
  body?: Body;
  kind?: ArticleKind;
  status?: ArticleStatus;
  sectionId: number;
  extraSectionIds?: number[];
  authorIds?: number[];
  tags?: string[];
  heroMediaId?: number;
  heroCaption?: string;
  heroCredit?: string;
  heroAlt?: string;
  /** Hours before T0 of first publication; drafts get none. */
  hoursAgo?: number;
  updatedHoursAgo?: number;
}

export async function makeArticle(store: Store, input: ArticleInput): Promise<number> {
  const n = next();
  const headline = input.headline ?? `Test headline number ${n}`;
  const status = input.status ?? 'published';
  const tagIds: number[] = [];
  for (const name of input.tags ?? []) tagIds.push(await store.taxonomy.ensureTag(slugify(name), name));
  return store.transaction((tx) =>
    tx.articles.create(
      {
        slug: slugify(headline),
        headline,
        standfirst: input.standfirst ?? `Standfirst for article ${n}.`,
        body: input.body ?? [{ type: 'paragraph', content: [{ text: `Body text of article ${n}.` }] }],
        kind: input.kind ?? 'news',
        status,
        primarySectionId: input.sectionId,
        extraSectionIds: input.extraSectionIds ?? [],
        authorIds: input.authorIds ?? [],
        tagIds,
        hero: input.heroMediaId
          ? {
              mediaId: input.heroMediaId,
              caption: input.heroCaption ?? 'Hero caption',
              credit: input.heroCredit ?? 'File photo',
              alt: input.heroAlt ?? 'Hero alt',
            }
          : null,
        firstPublishedAt: status === 'published' || input.hoursAgo !== undefined ? hoursBefore(input.hoursAgo ?? n) : null,
        updatedAt: input.updatedHoursAgo !== undefined ? hoursBefore(input.updatedHoursAgo) : null,
      },
      T0.toISOString(),
    ),
  );
}
