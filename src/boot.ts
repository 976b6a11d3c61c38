// Opening the content store for the server: connect, migrate, tune (store/open.ts), and load the demo when empty.
import type { Config } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import type { Db } from './store/db.ts';
import type { Store } from './store/index.ts';
import { openMigratedStore } from './store/open.ts';
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
  const { db, store, applied } = await openMigratedStore(config.database, 'serve');
  try {
    if (applied.length) log(`Database migrated (${applied.join(', ')}).`);
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
