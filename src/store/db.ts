// Opens the database for either dialect behind one Kysely instance. SQLite is the embedded default;
// PostgreSQL is for newsrooms that outgrow one machine.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
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
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL lets readers continue while a write commits; NORMAL sync is durable across application crashes in
  // WAL mode; the busy timeout makes concurrent writers wait rather than fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}
