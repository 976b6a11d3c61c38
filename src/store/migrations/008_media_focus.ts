// The media library's focal point (issue 13): where the 16:9, 4:3 and 1:1 crops for search engines and social
// cards centre (media/crops.ts), as fractions of the picture's width and height from its top left corner.
// 0.5/0.5 (the middle) until an editor sets it. The same type on both dialects: SQLite gives it REAL affinity.
import type { Kysely, Migration } from 'kysely';

export const mediaFocusMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('media')
      .addColumn('focus_x', 'double precision', (c) => c.notNull().defaultTo(0.5))
      .execute();
    await db.schema
      .alterTable('media')
      .addColumn('focus_y', 'double precision', (c) => c.notNull().defaultTo(0.5))
      .execute();
  },
};
