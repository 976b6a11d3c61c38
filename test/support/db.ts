// Real databases for tests: SQLite in memory, and a throwaway PostgreSQL database on the local server.
import crypto from 'node:crypto';
import pg from 'pg';
import { openDb, type Db, type DbOptions } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createStore, type Store } from '../../src/store/index.ts';

/** Admin connection used to create and drop test databases. CI starts the server at this address. */
export const PG_ADMIN_URL = process.env.MASTHEAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  db: Db;
  store: Store;
  /** The connection URL (PostgreSQL), for a second connection to the same database. */
  url?: string;
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
}

export async function sqliteTestDb(file = ':memory:', options: DbOptions = {}): Promise<TestDb> {
  const db = openDb({ kind: 'sqlite', file }, options);
  await migrate(db);
  return { db, store: createStore(db), destroy: () => db.close() };
}

export async function postgresTestDb(options: DbOptions = {}): Promise<TestDb> {
  const name = `masthead_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openDb({ kind: 'postgres', url: url.toString() }, options);
  await migrate(db);
  return {
    db,
    store: createStore(db),
    url: url.toString(),
    async destroy() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Both dialects, for suites that must pass on each (the store's contract). */
export const dialects = [
  { name: 'sqlite', open: () => sqliteTestDb() },
  { name: 'postgres', open: () => postgresTestDb() },
] as const;

/**
 * The database of a suite that runs once per dialect as a whole file: vitest's `postgres` project (vitest.config.ts)
 * runs the page, feed, sitemap, API and query-budget suites again with MASTHEAD_TEST_DIALECT=postgres.
 */
export const suiteDialect = process.env.MASTHEAD_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export function suiteTestDb(options: DbOptions = {}): Promise<TestDb> {
  return suiteDialect === 'postgres' ? postgresTestDb(options) : sqliteTestDb(':memory:', options);
}
