// Video articles: the source, duration, poster and caption tracks, as one JSON value (domain/video.ts).
import type { Kysely, Migration } from 'kysely';

export function videoSchemaMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('articles').addColumn('video', 'text').execute();
    },
  };
}
