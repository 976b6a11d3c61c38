// Writing an article's content: its columns, and the relations derived from it (sections, bylines, tags, the
// pictures it shows, its search entry). Shared by the store's creates, the newsroom's saves and bulk loads.
import type { Kysely } from 'kysely';
import { bodyMediaIds, bodyText } from '../domain/blocks.ts';
import type { Video } from '../domain/video.ts';
import type { ArticleKind, ArticleStatus } from '../domain/article.ts';
import type { Body } from '../domain/blocks.ts';
import type { Database } from './schema.ts';
import type { SearchIndex } from './search.ts';

/** An article as written: its content, where it is filed, and (for bulk loads) its status and times. */
export interface NewArticle {
  slug: string;
  headline: string;
  standfirst: string;
  body: Body;
  kind: ArticleKind;
  status: ArticleStatus;
  primarySectionId: number;
  /** Other sections the article also appears in (the primary one is added automatically). */
  extraSectionIds: number[];
  authorIds: number[];
  tagIds: number[];
  hero: { mediaId: number; caption: string; credit: string; alt: string } | null;
  firstPublishedAt: string | null;
  updatedAt: string | null;
  video?: Video | null;
  /** For an article stored whole that is not published (the demo's desk): when it was created and last changed. */
  createdAt?: string;
  modifiedAt?: string;
  /** When a scheduled article is due. */
  scheduledAt?: string | null;
}

/** What an editor writes, as the article columns it is stored in (shared by create and newsroom saves). */
export function contentColumns(
  c: Omit<NewArticle, 'status' | 'firstPublishedAt' | 'updatedAt' | 'video'> & {
    seoTitle: string;
    seoDescription: string;
    video: Video | null;
  },
) {
  return {
    slug: c.slug,
    headline: c.headline,
    standfirst: c.standfirst,
    body: JSON.stringify(c.body),
    kind: c.kind,
    primary_section_id: c.primarySectionId,
    hero_media_id: c.hero?.mediaId ?? null,
    hero_caption: c.hero?.caption ?? '',
    hero_credit: c.hero?.credit ?? '',
    hero_alt: c.hero?.alt ?? '',
    seo_title: c.seoTitle,
    seo_description: c.seoDescription,
    video: c.video ? JSON.stringify(c.video) : null,
  };
}

/** Every picture an article shows: hero, body images and video poster (for purges when a picture changes). */
export function articleMediaIds(c: Pick<NewArticle, 'body' | 'hero' | 'video'>): number[] {
  const ids = [...(c.hero ? [c.hero.mediaId] : []), ...bodyMediaIds(c.body), ...(c.video?.posterMediaId ? [c.video.posterMediaId] : [])];
  return [...new Set(ids)];
}

/** Replaces where an article is filed (sections incl. primary, ordered authors, tags) and its search entry. */
export async function writeRelations(
  db: Kysely<Database>,
  search: SearchIndex,
  id: number,
  c: Pick<
    NewArticle,
    'primarySectionId' | 'extraSectionIds' | 'authorIds' | 'tagIds' | 'headline' | 'standfirst' | 'body' | 'hero' | 'video'
  >,
) {
  await db.deleteFrom('article_sections').where('article_id', '=', id).execute();
  await db.deleteFrom('article_media').where('article_id', '=', id).execute();
  await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  const sectionIds = [...new Set([c.primarySectionId, ...c.extraSectionIds])];
  await db
    .insertInto('article_sections')
    .values(sectionIds.map((section_id) => ({ article_id: id, section_id })))
    .execute();
  const authorIds = [...new Set(c.authorIds)];
  if (authorIds.length)
    await db
      .insertInto('article_authors')
      .values(authorIds.map((person_id, position) => ({ article_id: id, person_id, position })))
      .execute();
  const tagIds = [...new Set(c.tagIds)];
  if (tagIds.length)
    await db
      .insertInto('article_tags')
      .values(tagIds.map((tag_id) => ({ article_id: id, tag_id })))
      .execute();
  const mediaIds = articleMediaIds(c);
  if (mediaIds.length)
    await db
      .insertInto('article_media')
      .values(mediaIds.map((media_id) => ({ article_id: id, media_id })))
      .execute();
  await search.index(db, { id, headline: c.headline, standfirst: c.standfirst, body: bodyText(c.body) });
}
