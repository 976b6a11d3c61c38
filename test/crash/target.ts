// The database a crash run writes to (a SQLite file, or a throwaway PostgreSQL database), the newsroom
// account the load generator uses, and the whole-database checks made after every restart.
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, type Db, type Dialect } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { checkSqliteFile, tableNames } from '../../src/store/maintenance.ts';
import { authService } from '../../src/services/auth/auth.ts';
import { PG_ADMIN_URL } from '../support/db.ts';
import { makeSection } from '../support/factories.ts';

export interface Target {
  dialect: Dialect;
  /** DATABASE_URL for the server. */
  url: string;
  /** The harness's own connection, for reading what the server wrote. */
  db: Db;
  store: Store;
  /** Problems with the database as a whole; empty when it is sound. */
  check(): Promise<string[]>;
  destroy(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function openTarget(dialect: Dialect, dir: string): Promise<Target> {
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'masthead.db');
    const db = openDb({ kind: 'sqlite', file });
    await migrate(db);
    return {
      dialect,
      url: `sqlite:${file}`,
      db,
      store: createStore(db),
      async check() {
        // A separate read-only connection, as an operator would run it; WAL lets it read beside the server.
        const r = checkSqliteFile(file);
        const problems = r.integrity.filter((line) => line !== 'ok').map((line) => `integrity_check: ${line}`);
        if (r.foreignKeyViolations) problems.push(`foreign_key_check: ${r.foreignKeyViolations} rows point nowhere`);
        return problems;
      },
      destroy: () => db.close(),
    };
  }
  const name = `masthead_crash_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openDb({ kind: 'postgres', url: url.toString() });
  await migrate(db);
  await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db.kysely);
  return {
    dialect,
    url: url.toString(),
    db,
    store: createStore(db),
    check: () => checkPostgres(db),
    async destroy() {
      await db.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * PostgreSQL after a client crash: every row of every table reads back in full (TOASTed values included),
 * every constraint is validated, and every B-tree index agrees with its table (amcheck, heapallindexed).
 */
async function checkPostgres(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const table of await tableNames(db)) {
    try {
      await sql`SELECT count(*) AS n, sum(length(t::text)) AS bytes FROM ${sql.table(table)} AS t`.execute(db.kysely);
    } catch (err) {
      problems.push(`${table}: rows not readable (${(err as Error).message})`);
    }
  }
  const invalid = await sql<{
    conname: string;
  }>`SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND NOT c.convalidated`.execute(
    db.kysely,
  );
  for (const r of invalid.rows) problems.push(`constraint ${r.conname} is not validated`);
  const indexes = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
    WHERE n.nspname = 'public' AND a.amname = 'btree'`.execute(db.kysely);
  for (const { name } of indexes.rows) {
    try {
      await sql`SELECT bt_index_check(${sql.raw(`'public.${name}'::regclass`)}, true)`.execute(db.kysely);
    } catch (err) {
      problems.push(`index ${name}: ${(err as Error).message}`);
    }
  }
  return problems;
}

/** An editor (who may write, publish, schedule and upload), an API token, and a section to write in. */
export async function provision(store: Store): Promise<{ token: string; sectionId: number }> {
  const auth = authService(store);
  const user = await auth.createUser({
    email: 'crash.editor@news.example',
    name: 'Crash Test Editor',
    role: 'editor',
    password: crypto.randomBytes(18).toString('base64url'),
  });
  const { token } = await auth.createApiToken(user.id, 'crash test');
  const sectionId = await makeSection(store, 'world', 'World');
  return { token, sectionId };
}
