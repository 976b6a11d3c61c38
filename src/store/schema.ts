// Table types for Kysely. Timestamps are ISO-8601 UTC strings on both dialects (db.ts makes pg return them so).
import type { Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  /** Slug path from the root, e.g. "news/europe"; unique. */
  path: string;
  name: string;
  description: string;
  position: number;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Path of the original file, relative to the media directory. */
  original_file: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON array of {width, height, format, file}: resized copies for srcset. */
  variants: string;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  standfirst: string;
  /** JSON array of body blocks (domain/blocks.ts). */
  body: string;
  kind: string;
  status: string;
  primary_section_id: number;
  hero_media_id: number | null;
  hero_caption: string;
  hero_credit: string;
  hero_alt: string;
  seo_title: string;
  seo_description: string;
  /** Set on first publication and never changed afterwards. */
  first_published_at: string | null;
  /** Time of the last significant update shown to readers, if any. */
  updated_at: string | null;
  /** Time of the last change of any kind. */
  modified_at: string;
  created_at: string;
  revision: number;
}

export interface ArticleSectionsTable {
  article_id: number;
  section_id: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface CollectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface CollectionItemsTable {
  collection_id: number;
  article_id: number;
  position: number;
  starts_at: string | null;
  ends_at: string | null;
}

export interface Database {
  sections: SectionsTable;
  people: PeopleTable;
  tags: TagsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_sections: ArticleSectionsTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  collections: CollectionsTable;
  collection_items: CollectionItemsTable;
}
