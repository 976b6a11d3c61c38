// The first content schema: sections, people, tags, media, articles and curated collections.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../db.ts';
import { columnTypes } from './columns.ts';

export function contentSchema(dialect: Dialect): Migration {
  const { ts, id, idCol } = columnTypes(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sections')
        .addColumn('id', id, idCol)
        .addColumn('parent_id', 'integer', (c) => c.references('sections.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('people')
        .addColumn('id', id, idCol)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', id, idCol)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('media')
        .addColumn('id', id, idCol)
        .addColumn('original_file', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', id, idCol)
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('news'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('primary_section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addColumn('hero_media_id', 'integer', (c) => c.references('media.id'))
        .addColumn('hero_caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('hero_credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('hero_alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('first_published_at', ts)
        .addColumn('updated_at', ts)
        .addColumn('modified_at', ts, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Every public listing is "published, newest first", optionally narrowed to a set of ids.
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'first_published_at', 'id']).execute();

      await db.schema
        .createTable('article_sections')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addPrimaryKeyConstraint('article_sections_pk', ['article_id', 'section_id'])
        .execute();
      await db.schema.createIndex('article_sections_section').on('article_sections').columns(['section_id', 'article_id']).execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'person_id'])
        .execute();
      await db.schema.createIndex('article_authors_person').on('article_authors').columns(['person_id', 'article_id']).execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('article_tags_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

      await db.schema
        .createTable('collections')
        .addColumn('id', id, idCol)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('collection_items')
        .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('starts_at', ts)
        .addColumn('ends_at', ts)
        .addPrimaryKeyConstraint('collection_items_pk', ['collection_id', 'article_id'])
        .execute();

      // Full-text search: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL.
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
          db,
        );
      } else {
        await sql`CREATE TABLE article_search (
          article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
          headline text NOT NULL,
          standfirst text NOT NULL,
          body text NOT NULL,
          document tsvector NOT NULL
        )`.execute(db);
        await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
      }
    },
  };
}
