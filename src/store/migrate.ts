// Runs the schema migrations in order; safe to call at every start.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.ts';
import { contentSchema } from './migrations/001_content.ts';
import { newsroomSchema } from './migrations/002_newsroom.ts';
import { videoSchemaMigration } from './migrations/003_video.ts';
import { heldEditsMigration } from './migrations/004_held_edits.ts';
import { newsroomListsMigration } from './migrations/005_newsroom_lists.ts';
import { peopleTagsMigration } from './migrations/006_people_tags.ts';
import { pagesMigration } from './migrations/007_pages.ts';
import { mediaFocusMigration } from './migrations/008_media_focus.ts';
import { dashboardMigration } from './migrations/009_dashboard.ts';

function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '001_content': contentSchema(db.dialect),
    '002_newsroom': newsroomSchema(db.dialect),
    '003_video': videoSchemaMigration(),
    '004_held_edits': heldEditsMigration(db.dialect),
    '005_newsroom_lists': newsroomListsMigration,
    '006_people_tags': peopleTagsMigration,
    '007_pages': pagesMigration(db.dialect),
    '008_media_focus': mediaFocusMigration,
    '009_dashboard': dashboardMigration,
  };
}

export async function migrate(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(db) };
  // Numbers are reserved as work starts, so one may land after a higher one (008 after 009): each runs once, in order
  // of name among those not yet run; none depends on one with a higher number.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
