// Opens the database for either dialect behind one Kysely instance. SQLite is the embedded default;
// PostgreSQL is for newsrooms that outgrow one machine.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL's connection pool counts, read by metrics (src/ops). */
  pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  /** The better-sqlite3 handle (SQLite only), for the online backup API and integrity checks (src/store/maintenance.ts). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// pg returns timestamptz as Date and bigint (count) as string by default; make both dialects return the
// same JS types so every query has one code path.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(20, (v) => Number(v)); // int8

export interface DbOptions {
  /** Called once per executed query: for counting queries per page in tests and metrics. */
  onQuery?: (sql: string) => void;
}

export function openDb(database: Config['database'], options: DbOptions = {}): Db {
  const log = options.onQuery ? (event: LogEvent) => options.onQuery!(event.query.sql) : undefined;
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // Durability and waiting, per connection (docs/OPERATIONS.md, "Durability"): a commit is acknowledged only
    // once its WAL record is flushed (synchronous_commit is raised from off, never lowered from a stricter
    // level such as remote_apply), and a lock wait fails after 5 s like SQLite's busy timeout instead of
    // holding a request and a pool connection indefinitely.
    pool.on('connect', (client) => {
      client
        .query(
          "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'; SET lock_timeout = '5s'",
        )
        .catch(() => {}); // a connection that cannot run this fails its first real query, with the real error
    });
    // An idle pooled connection can be closed by the server (a restart, an administrator, a dropped
    // database). pg reports that on the pool, and an 'error' event with no listener would end the process;
    // the pool has already discarded the connection and opens a new one when next needed.
    pool.on('error', (err) =>
      console.error(`PostgreSQL closed an idle connection (${err.message}); a new one will be opened when needed.`),
    );
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { kysely, dialect: 'postgres', pool, close: () => kysely.destroy() };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL lets readers continue while a write commits. FULL syncs the WAL at every commit, so an acknowledged
  // write survives power loss and OS crashes too, not only a killed process (NORMAL would); editorial writes
  // are few, and an fsync costs milliseconds (docs/OPERATIONS.md, "Durability"). The busy timeout makes
  // concurrent writers wait rather than fail; foreign keys are off in SQLite unless asked for.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log });
  return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query afresh, and preparing was an eighth of an article render's time. The same few
 * dozen statements serve every page, so they are kept, prepared, by SQL text (at most `size`, least recently
 * used going first). A statement still being iterated cannot run twice at once; such a call gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = statements.get(text);
      if (cached && !cached.busy) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (!cached) {
        statements.set(text, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

/**
 * Runs `fn` in one transaction. On SQLite it begins IMMEDIATE, taking the write lock (waiting up to the busy
 * timeout) before the first read: a deferred transaction that reads and then writes fails at once with
 * "database is locked", busy timeout or not, when another process committed in between, which several
 * serving processes on one file do all the time (found by the crash test, docs/OPERATIONS.md).
 */
export async function transaction<T>(db: Db, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite') return db.kysely.transaction().execute(fn);
  return db.kysely.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      // SQLite may have rolled back already (e.g. a full disk); never hide the first error behind a second.
      if (db.sqlite?.inTransaction) await sql`ROLLBACK`.execute(conn);
      throw err;
    }
  });
}
