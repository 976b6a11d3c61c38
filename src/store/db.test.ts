// The durability settings every connection gets (docs/OPERATIONS.md, "Durability"): asserted on a real
// SQLite file and on PostgreSQL, so a change to them is a deliberate, visible one.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, withStatementCache } from './db.ts';
import { migrate } from './migrate.ts';
import { checkSqlite } from './maintenance.ts';
import { createStore } from './index.ts';
import { PG_ADMIN_URL, postgresTestDb } from '../../test/support/db.ts';

describe('durability settings on sqlite', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-db-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('a database file is in WAL mode with synchronous=FULL, a 5 s busy timeout and foreign keys on', async () => {
    const db = openDb({ kind: 'sqlite', file: path.join(dir, 'pragmas.db') });
    try {
      const p = (name: string) => db.sqlite!.pragma(name, { simple: true });
      expect(p('journal_mode')).toBe('wal');
      expect(p('synchronous')).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
      expect(p('busy_timeout')).toBe(5000);
      expect(p('foreign_keys')).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('foreign keys are enforced: a row pointing at a missing article is refused, and the file stays intact', async () => {
    const db = openDb({ kind: 'sqlite', file: path.join(dir, 'fk.db') });
    try {
      await migrate(db);
      const orphan = db.kysely.insertInto('article_tags').values({ article_id: 999_999, tag_id: 999_999 }).execute();
      await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
      expect(checkSqlite(db.sqlite!)).toEqual({ integrity: ['ok'], foreignKeyViolations: 0 });
    } finally {
      await db.close();
    }
  });
});

describe('prepared statements on sqlite', () => {
  it('are reused by SQL text, and a statement still being iterated is not taken by a second run of the same query', async () => {
    const db = openDb({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrate(db);
      const prepared: string[] = [];
      const prepare = db.sqlite!.prepare.bind(db.sqlite!);
      db.sqlite!.prepare = ((text: string) => {
        prepared.push(text);
        return prepare(text);
      }) as SQLite.Database['prepare'];
      const count = () => sql<{ n: number }>`select count(*) as n from sections where id > ${0}`.execute(db.kysely);
      for (let i = 0; i < 3; i++) expect((await count()).rows[0]!.n).toBe(0);
      expect(prepared.filter((t) => t.includes('count(*)'))).toHaveLength(1);

      // Kysely runs one query at a time per SQLite connection; a caller iterating a statement by hand must still
      // not have it taken from under it.
      const cache = withStatementCache(db.sqlite!);
      const text = 'select value from json_each(?)';
      const seen: number[][] = [];
      for (const row of cache.prepare(text).iterate('[1,2]') as Iterable<{ value: number }>) {
        seen.push([row.value, ...(cache.prepare(text).all('[7,8]') as { value: number }[]).map((r) => r.value)]);
      }
      expect(seen).toEqual([
        [1, 7, 8],
        [2, 7, 8],
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('transactions on a sqlite file shared by several processes', () => {
  it('a transaction that reads and then writes takes the write lock first, so a write elsewhere cannot make it fail', async () => {
    const file = path.join(os.tmpdir(), `masthead-tx-${crypto.randomBytes(4).toString('hex')}.db`);
    const a = openDb({ kind: 'sqlite', file });
    const b = openDb({ kind: 'sqlite', file }); // stands for another serving process
    try {
      await migrate(a);
      b.sqlite!.pragma('busy_timeout = 0'); // in one process a waiting writer would only block the event loop
      let other: unknown = 'not tried';
      await createStore(a).transaction(async (tx) => {
        await tx.taxonomy.allSections(); // a read first, as services do (the article's facts, then the change)
        try {
          b.sqlite!.prepare("INSERT INTO tags (slug, name) VALUES ('elsewhere', 'Elsewhere')").run();
          other = 'written';
        } catch (err) {
          other = (err as Error).message;
        }
        await tx.taxonomy.ensureTag('here', 'Here'); // with a deferred BEGIN this write failed: database is locked
      });
      expect(other).toMatch(/locked|busy/i); // the other writer waits its turn (here: gives up at once)
      expect(b.sqlite!.prepare("SELECT slug FROM tags WHERE slug = 'here'").get()).toEqual({ slug: 'here' });
    } finally {
      await a.close();
      await b.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) await fs.rm(f, { force: true });
    }
  });
});

describe('connections lost on postgres', () => {
  it('an idle connection closed by the server neither ends the process nor fails the next query', async () => {
    const t = await postgresTestDb();
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(t.db.kysely)).rows[0]!.pid;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]); // the pool's only connection, idle
      // The pool drops the connection once it hears; an unhandled 'error' event then would fail this run.
      for (let i = 0; i < 100 && t.db.pool!.totalCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(t.db.pool!.totalCount).toBe(0);
      const again = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(t.db.kysely);
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await admin.end();
      await t.destroy();
    }
  });
});

describe('durability settings on postgres', () => {
  it('every pooled connection commits synchronously and gives up a lock wait after 5 s', async () => {
    const t = await postgresTestDb();
    try {
      // More than one connection: the settings come with each new connection, not only the first.
      const rows = await Promise.all(
        Array.from({ length: 4 }, () =>
          t.db.kysely.connection().execute(async (c) => ({
            sync: (await sql<{ v: string }>`SELECT current_setting('synchronous_commit') AS v`.execute(c)).rows[0]!.v,
            lock: (await sql<{ v: string }>`SELECT current_setting('lock_timeout') AS v`.execute(c)).rows[0]!.v,
            fsync: (await sql<{ v: string }>`SELECT current_setting('fsync') AS v`.execute(c)).rows[0]!.v,
          })),
        ),
      );
      for (const r of rows) expect(r).toEqual({ sync: 'on', lock: '5s', fsync: 'on' });
    } finally {
      await t.destroy();
    }
  });

  it('a database configured with synchronous_commit=off is raised to on; a stricter level is kept', async () => {
    const name = `masthead_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const setting = async () => {
        const db = openDb({ kind: 'postgres', url: url.toString() });
        try {
          return (await sql<{ v: string }>`SELECT current_setting('synchronous_commit') AS v`.execute(db.kysely)).rows[0]!.v;
        } finally {
          await db.close();
        }
      };
      await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
      expect(await setting()).toBe('on');
      await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = remote_apply`);
      expect(await setting()).toBe('remote_apply');
    } finally {
      await admin.end();
      // A new connection for the drop, as test/support/db.ts does: by the time it is up, the pool's closed
      // connections have left the server, so FORCE has no one to terminate.
      const dropper = new pg.Client({ connectionString: PG_ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    }
  });
});
