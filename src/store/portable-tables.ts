// Table-level reads and writes for the portable export and import (src/portable): whole rows in id order, bulk
// inserts with the ids they had, and the id sequences. Only the portable format needs this access. Nothing here
// reads a password hash, session or token.
import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from './db.ts';
import type { Database } from './schema.ts';
import { ID_TABLES } from '../portable/policy.ts';

export type Page<R> = (after: number, limit: number) => Promise<R[]>;

/** Rows in id order, `size` at a time, so a table of any length is never in memory at once. */
export async function* keyset<R extends { id: number }>(page: Page<R>, size: number): AsyncGenerator<R[]> {
  let after = 0;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < size) return;
  }
}

export function tableReads(db: Kysely<Database>) {
  return {
    sections: () => db.selectFrom('sections').selectAll().orderBy('id').execute(),
    redirects: () => db.selectFrom('section_redirects').selectAll().execute(),
    personRedirects: () => db.selectFrom('person_redirects').selectAll().execute(),
    tagRedirects: () => db.selectFrom('tag_redirects').selectAll().execute(),
    people: (after: number, limit: number) =>
      db.selectFrom('people').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    tags: (after: number, limit: number) => db.selectFrom('tags').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    media: (after: number, limit: number) =>
      db.selectFrom('media').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    users: (after: number, limit: number) =>
      db
        .selectFrom('users')
        // Named columns, never selectAll: the password hash is not read at all.
        .select(['id', 'email', 'name', 'role', 'person_id', 'created_at', 'disabled_at'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute(),
    pages: (after: number, limit: number) =>
      db.selectFrom('pages').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    articles: (after: number, limit: number) =>
      db.selectFrom('articles').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    async articleRelations(ids: number[]) {
      if (ids.length === 0) return { sections: [], authors: [], tags: [] };
      const [sections, authors, tags] = await Promise.all([
        db.selectFrom('article_sections').selectAll().where('article_id', 'in', ids).orderBy('article_id').orderBy('section_id').execute(),
        db
          .selectFrom('article_authors')
          .selectAll()
          .where('article_id', 'in', ids)
          .orderBy('article_id')
          .orderBy('position')
          .orderBy('person_id')
          .execute(),
        db.selectFrom('article_tags').selectAll().where('article_id', 'in', ids).orderBy('article_id').orderBy('tag_id').execute(),
      ]);
      return { sections, authors, tags };
    },
    collections: (after: number, limit: number) =>
      db.selectFrom('collections').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    async collectionItems(ids: number[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('collection_items')
        .selectAll()
        .where('collection_id', 'in', ids)
        .orderBy('collection_id')
        .orderBy('position')
        .orderBy('article_id')
        .execute();
    },
    revisions: (after: number, limit: number) =>
      db.selectFrom('revisions').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    transitions: (after: number, limit: number) =>
      db.selectFrom('article_transitions').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    corrections: (after: number, limit: number) =>
      db.selectFrom('corrections').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
    scheduledJobs:
      (
        kind: string,
      ): Page<{
        id: number;
        kind: string;
        key: string;
        payload: string;
        run_at: string;
        attempts: number;
        last_error: string | null;
        created_at: string;
      }> =>
      (after, limit) =>
        db
          .selectFrom('jobs')
          .select(['id', 'kind', 'key', 'payload', 'run_at', 'attempts', 'last_error', 'created_at'])
          .where('state', '=', 'pending')
          .where('kind', '=', kind)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
    async scheduledJobCount(kind: string): Promise<number> {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'pending')
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    audit: (after: number, limit: number) =>
      db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute(),
  };
}

/** Row counts of these tables (for progress, and to prove a target database is empty). */
export async function countRows(db: Kysely<Database>, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await (db as Kysely<any>)
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  return counts;
}

/**
 * The highest id each table has handed out: SQLite's AUTOINCREMENT counter or PostgreSQL's sequence, and never
 * less than the largest id present (a table filled with explicit ids may not have moved its sequence).
 */
export async function readLastIds(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const seq = new Map<string, number>();
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; seq: number }>`SELECT name, seq FROM sqlite_sequence`.execute(db);
    for (const r of rows) seq.set(r.name, Number(r.seq));
  }
  for (const table of ID_TABLES) {
    let mark = seq.get(table) ?? 0;
    if (dialect === 'postgres') {
      const { rows } = await sql<{
        last: number | null;
      }>`SELECT pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass) AS last`.execute(db);
      mark = Number(rows[0]?.last ?? 0);
    }
    const max = await (db as Kysely<any>)
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    out[table] = Math.max(mark, Number(max.m ?? 0));
  }
  return out;
}

/** Moves every id sequence to at least its mark, so new rows get ids above all imported and reserved ones. */
export async function writeLastIds(db: Kysely<Database>, dialect: Dialect, marks: Record<string, number>): Promise<void> {
  for (const table of ID_TABLES) {
    const max = await (db as Kysely<any>)
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const mark = Math.max(marks[table] ?? 0, Number(max.m ?? 0));
    if (dialect === 'postgres') {
      // setval(…, 1, false) means "nothing handed out yet": the next id is 1.
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${Math.max(mark, 1)}, ${mark > 0})`.execute(db);
    } else if (mark > 0) {
      await sql`DELETE FROM sqlite_sequence WHERE name = ${table}`.execute(db);
      await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${mark})`.execute(db);
    }
  }
}

/** Inserts rows as they are, ids included. */
export async function insertRows(db: Kysely<Database>, table: keyof Database, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await (db as Kysely<any>).insertInto(table).values(rows).execute();
}

export async function setSectionParent(db: Kysely<Database>, id: number, parentId: number): Promise<void> {
  await db.updateTable('sections').set({ parent_id: parentId }).where('id', '=', id).execute();
}

/** Tables and their columns as the database has them (SQLite's FTS5 shadow tables left out). */
export async function liveSchema(db: Kysely<Database>, dialect: Dialect): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dialect === 'sqlite') {
    const { rows } = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_search_%'`.execute(db);
    for (const { name } of rows) {
      const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(db);
      out.set(
        name,
        cols.rows.map((c) => c.name),
      );
    }
  } else {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(
      db,
    );
    for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  }
  return out;
}

/**
 * Runs `read` in one read transaction, a single snapshot (PostgreSQL: repeatable read, read only; SQLite: a
 * transaction, which in WAL mode is a snapshot), so references between an export's files always resolve while
 * the site keeps writing.
 */
export function inSnapshot<T>(db: Db, read: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  const tx = db.kysely.transaction();
  return db.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read').setAccessMode('read only').execute(read) : tx.execute(read);
}
