// Authors and tags as managed records (issue 13).
// - people.photo_media_id: the author's picture from the media library. No foreign key: an export lists people
//   before pictures (docs/CONTENT-FORMAT.md), and a missing picture only means no photo is shown.
// - people.links: JSON array of {label, url} (domain/people.ts checks the addresses).
// - tags.description: shown under the tag page's heading.
// - person_redirects, tag_redirects: old addresses (after a slug change or a merge) answer 301 to the record
//   that now owns them. person_redirects.merged_id keeps the id of a merged-away author, so an older revision
//   that still names it gets the author it was merged into.
import type { Kysely, Migration } from 'kysely';

export const peopleTagsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('people').addColumn('photo_media_id', 'integer').execute();
    await db.schema
      .alterTable('people')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('tags')
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createTable('person_redirects')
      .addColumn('old_slug', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
      .addColumn('merged_id', 'integer')
      .execute();
    await db.schema.createIndex('person_redirects_person').on('person_redirects').column('person_id').execute();
    await db.schema.createIndex('person_redirects_merged').on('person_redirects').column('merged_id').execute();
    await db.schema
      .createTable('tag_redirects')
      .addColumn('old_slug', 'text', (c) => c.primaryKey())
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
      .execute();
    await db.schema.createIndex('tag_redirects_tag').on('tag_redirects').column('tag_id').execute();
  },
};
