// The newsroom's article finder (issue 13): newest change first, overall and within a status, is an index walk
// rather than a sort of the whole archive.
import type { Kysely, Migration } from 'kysely';

export const newsroomListsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('articles_modified').on('articles').columns(['modified_at', 'id']).execute();
    await db.schema.createIndex('articles_status_modified').on('articles').columns(['status', 'modified_at', 'id']).execute();
  },
};
