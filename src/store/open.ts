// The database's life, in one place: every command and the server open the store here, which connects, brings the
// schema up to date and tunes the connection for what comes next. Seeding content is the caller's (boot.ts).
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { openDb, type Db, type DbOptions } from './db.ts';
import { createStore, type Store } from './index.ts';
import { migrate } from './migrate.ts';

export interface OpenedStore {
  db: Db;
  store: Store;
  /** Migrations applied by this opening, by name. */
  applied: string[];
}

/**
 * - `serve`: a long-running process. SQLite refreshes planner statistics for tables that changed much since last
 *   time (cheap when nothing has), as its documentation advises; PostgreSQL's autovacuum keeps its own.
 * - `command`: a short command (users, export, import): schema only.
 * - `bulk`: a synthetic archive, regenerated rather than recovered, so SQLite commits without waiting for the
 *   disk (the server's synchronous=FULL makes bulk loads I/O-bound).
 */
export type StorePurpose = 'serve' | 'command' | 'bulk';

/** Opens, migrates and tunes the store; closes the connection again if any of that fails. */
export async function openMigratedStore(
  database: Config['database'],
  purpose: StorePurpose,
  options: DbOptions = {},
): Promise<OpenedStore> {
  const db = openDb(database, options);
  try {
    const applied = await migrate(db);
    if (purpose === 'serve') {
      db.sqlite?.pragma('analysis_limit = 1000');
      db.sqlite?.pragma('optimize = 0x10002');
    }
    if (purpose === 'bulk') db.sqlite?.pragma('synchronous = OFF');
    return { db, store: createStore(db), applied };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** The file SQLite keeps the main database in ('' for an in-memory one, or on PostgreSQL). */
export async function sqliteFile(db: Db): Promise<string> {
  if (db.dialect !== 'sqlite') return '';
  const r = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db.kysely);
  return r.rows.find((x) => x.name === 'main')?.file ?? '';
}
