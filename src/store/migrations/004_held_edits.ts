// Held edits and picture ownership (issue 11).
// - articles.held_revision: a published article's newer revision that readers must not see yet. The article row
//   keeps the published content until an editor applies ("Update") or discards the held revision.
// - media.uploaded_by: who uploaded a picture; writers may describe only their own.
// - article_media: which articles show which pictures (hero, body images, video poster), so a change to a
//   picture's alt, caption or credit purges exactly the pages that show it.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../db.ts';

export function heldEditsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('articles').addColumn('held_revision', 'integer').execute();
      // No foreign key: an export lists pictures before users (docs/CONTENT-FORMAT.md), and user ids are never reused.
      await db.schema.alterTable('media').addColumn('uploaded_by', 'integer').execute();
      await db.schema
        .createTable('article_media')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        // No foreign key to media: body blocks may name pictures an import did not bring (docs/CONTENT-FORMAT.md).
        .addColumn('media_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_media_pk', ['article_id', 'media_id'])
        .execute();
      await db.schema.createIndex('article_media_media').on('article_media').columns(['media_id', 'article_id']).execute();
      await backfillArticleMedia(db, dialect);
    },
  };
}

/** Fills article_media from the articles already stored: one statement per source of pictures. */
async function backfillArticleMedia(db: Kysely<any>, dialect: Dialect) {
  await sql`INSERT INTO article_media (article_id, media_id)
    SELECT id, hero_media_id FROM articles WHERE hero_media_id IS NOT NULL`.execute(db);
  const fromJson =
    dialect === 'postgres'
      ? sql`SELECT DISTINCT a.id, (b.value->>'mediaId')::integer AS media_id
            FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.body::jsonb) AS b(value)
            WHERE b.value->>'type' = 'image'
          UNION
          SELECT a.id, (a.video::jsonb->>'posterMediaId')::integer FROM articles a
            WHERE a.video IS NOT NULL AND a.video::jsonb->>'posterMediaId' IS NOT NULL`
      : sql`SELECT DISTINCT a.id, json_extract(b.value, '$.mediaId') AS media_id
            FROM articles a, json_each(a.body) AS b
            WHERE json_extract(b.value, '$.type') = 'image'
          UNION
          SELECT a.id, json_extract(a.video, '$.posterMediaId') FROM articles a
            WHERE a.video IS NOT NULL AND json_extract(a.video, '$.posterMediaId') IS NOT NULL`;
  await sql`INSERT INTO article_media (article_id, media_id)
    SELECT u.id, u.media_id FROM (${fromJson}) AS u
    WHERE u.media_id IN (SELECT id FROM media)
      AND NOT EXISTS (SELECT 1 FROM article_media x WHERE x.article_id = u.id AND x.media_id = u.media_id)`.execute(db);
}
