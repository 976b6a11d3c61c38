// Static pages (issue 13): About, Contact, the corrections and ethics policies, Privacy and any other, written in
// the article body editor and published at /{slug} (domain/pages.ts).
// - body: JSON blocks, the article body format (domain/blocks.ts).
// - role: null or one of domain/pages.ts PAGE_ROLES; unique, so at most one page fills each role (both dialects
//   let any number of rows leave it null).
// - in_footer (0/1, an integer on both dialects) and position: whether and where the site footer lists the page.
// - published_at: first publication; status says whether readers see it now.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../db.ts';
import { columnTypes } from './columns.ts';

export function pagesMigration(dialect: Dialect): Migration {
  const { ts, id, idCol } = columnTypes(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('pages')
        .addColumn('id', id, idCol)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('role', 'text', (c) => c.unique())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('in_footer', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('published_at', ts)
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      // The footer and the structured data read the published pages in footer order.
      await db.schema.createIndex('pages_status_position').on('pages').columns(['status', 'position', 'id']).execute();
    },
  };
}
