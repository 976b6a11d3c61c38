// Backup and restore on a real SQLite file and a real PostgreSQL database: a backup taken while another
// process keeps inserting is one consistent moment, a restore reproduces it exactly, and a restore into a
// database that has anything in it is refused.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.ts';
import { openDb, type Db } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { createStore } from '../store/index.ts';
import { PG_ADMIN_URL } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';
import { backup, restore, OpsError } from './backup.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function pgAdmin(query: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  await c.query(query).finally(() => c.end());
}

/** A database to back up from or restore into: its DATABASE_URL, a Config naming it, and a way to drop it. */
async function place(dialect: 'sqlite' | 'postgres', name: string) {
  let url: string;
  let drop = async () => {};
  if (dialect === 'sqlite') url = `sqlite:${path.join(dir, `${name}.db`)}`;
  else {
    const db = `masthead_test_${crypto.randomBytes(6).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${db}`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${db}`;
    url = u.toString();
    drop = () => pgAdmin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
  const config: Config = loadConfig({ DATABASE_URL: url, MEDIA_DIR: path.join(dir, 'media') });
  return { url, config, drop };
}

/** Articles with their sections and tags, in id order, and a hash of all of it. */
async function content(db: Db, upToId = 2 ** 31 - 1) {
  const k = db.kysely;
  const articles = await k.selectFrom('articles').selectAll().where('id', '<=', upToId).orderBy('id').execute();
  const sections = await k
    .selectFrom('article_sections')
    .selectAll()
    .where('article_id', '<=', upToId)
    .orderBy('article_id')
    .orderBy('section_id')
    .execute();
  const tags = await k
    .selectFrom('article_tags')
    .selectAll()
    .where('article_id', '<=', upToId)
    .orderBy('article_id')
    .orderBy('tag_id')
    .execute();
  const checksum = crypto
    .createHash('sha256')
    .update(JSON.stringify([articles, sections, tags]))
    .digest('hex');
  return {
    count: articles.length,
    maxId: articles.at(-1)?.id ?? 0,
    checksum,
    withoutSection: articles.filter((a) => !sections.some((s) => s.article_id === a.id)).length,
  };
}

function cli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Starts the writer process and resolves once it has committed its first ten articles. */
function startWriter(url: string, sectionId: number): Promise<{ child: ChildProcess; stop(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/backup-writer.ts', String(sectionId)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    });
    let out = '';
    let err = '';
    const stopped = new Promise<string>((done) => child.on('close', () => done(out)));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => reject(new Error(`the writer stopped early (${code}): ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (/^\d+$/m.test(out))
        resolve({
          child,
          stop: () => {
            child.kill('SIGTERM');
            return stopped;
          },
        });
    });
  });
}

describe.each(['sqlite', 'postgres'] as const)('backup and restore on %s', (dialect) => {
  let source: Awaited<ReturnType<typeof place>>;
  let db: Db;
  let sectionId: number;
  const dropped: (() => Promise<void>)[] = [];
  let writer: Awaited<ReturnType<typeof startWriter>> | undefined;

  beforeAll(async () => {
    source = await place(dialect, 'source');
    db = openDb(source.config.database);
    await migrate(db);
    const store = createStore(db);
    sectionId = await makeSection(store, 'world', 'World');
    for (let i = 0; i < 30; i++) await makeArticle(store, { sectionId, tags: ['seed'] });
  });
  afterAll(async () => {
    await writer?.stop();
    await db.close();
    for (const drop of [...dropped, source.drop]) await drop();
  });

  async function restoredInto(file: string) {
    const target = await place(dialect, `target-${crypto.randomBytes(4).toString('hex')}`);
    dropped.push(target.drop);
    const lines = await restore(target.config, file);
    const tdb = openDb(target.config.database);
    try {
      return { lines, content: await content(tdb) };
    } finally {
      await tdb.close();
    }
  }

  // Generous time limits: the writer and the CLI are processes of their own that load the app through tsx.
  it('a backup taken while another process keeps inserting is one consistent moment, and restores into an empty database', {
    timeout: 180_000,
  }, async () => {
    writer = await startWriter(source.url, sectionId);
    let before: Awaited<ReturnType<typeof content>>;
    let after: Awaited<ReturnType<typeof content>>;
    const out = path.join(dir, `${dialect}-under-load.backup`);
    try {
      before = await content(db);
      const lines = await backup(source.config, out);
      after = await content(db);
      expect(lines[0]).toMatch(/^Backed up /);
    } finally {
      await writer.stop();
      writer = undefined;
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes(`${dialect}-under-load`))).toEqual([path.basename(out)]); // no -wal, no leftovers
    const { lines, content: restored } = await restoredInto(out);
    expect(lines[0]).toMatch(new RegExp(`^Restored ${restored.count} articles`));
    // Somewhere between the two counts, and exactly the source's first N articles: no article without the
    // section and tags written in the same transaction, none missing in between.
    console.log(`${dialect}: ${before.count} articles when the backup started, ${restored.count} in it, ${after.count} when it ended`);
    expect(restored.count).toBeGreaterThanOrEqual(before.count);
    expect(restored.count).toBeLessThanOrEqual(after.count);
    expect(restored.withoutSection).toBe(0);
    expect(restored.checksum).toBe((await content(db, restored.maxId)).checksum);
  });

  it('with the writer stopped, backup then restore reproduces the database exactly', async () => {
    const out = path.join(dir, `${dialect}-quiet.backup`);
    await backup(source.config, out);
    const { content: restored } = await restoredInto(out);
    const now = await content(db);
    expect(restored.count).toBe(now.count);
    expect(restored.checksum).toBe(now.checksum);
  });

  it('never overwrites a backup file', async () => {
    const out = path.join(dir, `${dialect}-quiet.backup`);
    const before = fs.readFileSync(out);
    await expect(backup(source.config, out)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });

  it('masthead restore refuses a database that is not empty, with a clear message, and leaves it as it was', {
    timeout: 120_000,
  }, async () => {
    const out = path.join(dir, `${dialect}-quiet.backup`);
    const before = await content(db);
    const res = await cli({ DATABASE_URL: source.url, MEDIA_DIR: path.join(dir, 'media') }, ['restore', out]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^Refusing to restore: the database .* is not empty \(\d+ tables\)\. Restore only into a new database/);
    expect(await content(db)).toEqual(before);
  });

  it('refuses a backup made for the other database', async () => {
    const other = path.join(dir, `${dialect}-other.backup`);
    fs.writeFileSync(other, dialect === 'sqlite' ? 'PGDMP\u0001\u000e\u0000' : 'SQLite format 3\u0000');
    const target = await place(dialect, 'never-written');
    dropped.push(target.drop);
    await expect(restore(target.config, other)).rejects.toThrow(OpsError);
    await expect(restore(target.config, other)).rejects.toThrow(dialect === 'sqlite' ? /is a PostgreSQL dump/ : /is a SQLite backup/);
  });
});
