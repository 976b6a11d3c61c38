// What backup, restore and the crash test ask of a database as a whole: its tables, whether it is
// intact, and a summary of its content. Operations code calls these rather than writing SQL itself.
import SQLite from 'better-sqlite3';
import type { Config } from '../config.ts';
import { openDb, type Db } from './db.ts';

/** Every table in the database, the migration bookkeeping included (an empty database has none). */
export async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
  return tables
    .filter((t) => !t.isView)
    .map((t) => (t.schema && t.schema !== 'public' ? `${t.schema}.${t.name}` : t.name))
    .sort();
}

/** Tables in a SQLite file, read without creating or converting it (no WAL files appear). */
export function sqliteFileTables(file: string): string[] {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    return rows.map((r) => r.name);
  } finally {
    sqlite.close();
  }
}

export interface SqliteCheck {
  /** `PRAGMA integrity_check`: ['ok'] when the file is sound, otherwise the problems it found. */
  integrity: string[];
  /** Rows whose foreign key points nowhere (`PRAGMA foreign_key_check`). */
  foreignKeyViolations: number;
}

export function checkSqlite(sqlite: SQLite.Database): SqliteCheck {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  return { integrity, foreignKeyViolations };
}

/** Opens a SQLite file read-only and checks it. */
export function checkSqliteFile(file: string): SqliteCheck {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return checkSqlite(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A few counts that tell an operator what a backup or a restored database holds. */
export async function contentSummary(db: Db): Promise<{ articles: number; published: number; users: number; media: number }> {
  const k = db.kysely;
  const [articles, published, users, media] = await Promise.all([
    k
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    k
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
    k
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    k
      .selectFrom('media')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { articles: Number(articles.n), published: Number(published.n), users: Number(users.n), media: Number(media.n) };
}

export interface SealedCopy extends SqliteCheck {
  articles: number;
  users: number;
  media: number;
}

/**
 * Makes a fresh copy of a database one self-contained file (rollback journal, so no -wal file has to travel
 * with it), checks it and counts what it holds.
 */
export function sealSqliteCopy(file: string): SealedCopy {
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma('journal_mode = DELETE');
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const has = (t: string) => (tables.has(t) ? count(t) : 0);
    return { ...checkSqlite(sqlite), articles: has('articles'), users: has('users'), media: has('media') };
  } finally {
    sqlite.close();
  }
}

/** Copies a SQLite database with SQLite's backup API (a consistent copy even of a file in WAL mode). */
export async function copySqliteDatabase(from: string, to: string): Promise<void> {
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/**
 * Copies the live SQLite database `file` to `to`: all pages in one step, inside one read transaction, so a
 * snapshot of one moment that the server's writes (WAL mode) neither wait for nor disturb. Copied in small
 * steps, as is the default, the copy would start over after every write by another connection and might never
 * finish on a busy site. The database is opened as it is, never migrated: a backup copies what is there.
 */
export async function snapshotSqlite(file: string, to: string): Promise<void> {
  const db = openDb({ kind: 'sqlite', file });
  try {
    await db.sqlite!.backup(to, { progress: () => 0x7fffffff });
  } finally {
    await db.close();
  }
}

/**
 * Runs `read` on a database opened as it is (never migrated: a restore checks an empty database before loading
 * into it, and counts what it restored after), then closes it.
 */
export async function readAsIs<T>(database: Config['database'], read: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(database);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}
