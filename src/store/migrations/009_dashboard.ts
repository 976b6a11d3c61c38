// The newsroom dashboard (issue 13): "my work" seeks the user's drafts and stories in review, and "scheduled"
// walks only what is due to go out (scheduled_at is null on every other article), instead of scanning by status.
import type { Kysely, Migration } from 'kysely';

export const dashboardMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('articles_creator_status_modified')
      .on('articles')
      .columns(['created_by', 'status', 'modified_at', 'id'])
      .execute();
    await db.schema.createIndex('articles_scheduled').on('articles').columns(['scheduled_at', 'id']).execute();
  },
};
