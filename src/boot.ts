// Opening the content store the way every command needs it: connect, migrate, and load the demo when empty.
import type { Config } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { openDb, type Db } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { createStore, type Store } from './store/index.ts';
import { progressReporter } from './progress.ts';

export interface Opened {
  db: Db;
  store: Store;
}

export async function openStore(
  config: Config,
  log: (line: string) => void = console.log,
  onProgress: (done: number, total: number) => void = progressReporter('Painting demo pictures'),
): Promise<Opened> {
  const db = openDb(config.database);
  try {
    const applied = await migrate(db);
    if (applied.length) log(`Database migrated (${applied.join(', ')}).`);
    // Planner statistics for tables that have changed much since last time (cheap when nothing has):
    // SQLite's advice for long-running processes. PostgreSQL's autovacuum keeps its own up to date.
    db.sqlite?.pragma('analysis_limit = 1000');
    db.sqlite?.pragma('optimize = 0x10002');
    const store = createStore(db);
    if (config.demoContent && (await store.isEmpty())) {
      log('Empty database: loading the demo content…');
      const report = await seedDemo(store, config.mediaDir, new Date(), onProgress);
      log(
        `Demo content loaded: ${report.articles} articles, ${report.sections} sections, ${report.people} authors, ${report.images} pictures.`,
      );
    }
    return { db, store };
  } catch (err) {
    await db.close();
    throw err;
  }
}
