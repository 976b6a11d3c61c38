// masthead backup --out FILE, masthead restore FILE: a consistent copy of the database while the site is
// under write load, and a restore that only ever fills an empty database (docs/OPERATIONS.md, "Backup").
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { backupPostgres, restorePostgres } from './backup-postgres.ts';
import { backupSqlite, restoreSqlite } from './backup-sqlite.ts';
import { OpsError, fileSize, writeDurably } from './files.ts';

export { OpsError };

const mediaNote = (config: Config) =>
  `Pictures are not in the database: copy ${config.mediaDir} (MEDIA_DIR) after this backup. Its files are written before the rows that name them and never change, so a copy taken afterwards has every picture the backup refers to.`;

/** Writes a backup of the configured database to `out`, which must not exist yet. Returns the lines to print. */
export async function backup(config: Config, out: string): Promise<string[]> {
  const dest = path.resolve(out);
  if (fs.existsSync(dest)) throw new OpsError(`${dest} already exists; choose a new name (backups are never overwritten).`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const started = Date.now();
  const db = config.database;
  const what =
    db.kind === 'sqlite'
      ? await writeDurably(dest, async (tmp) => {
          const c = await backupSqlite(db.file, tmp);
          return `${c.articles} articles, ${c.users} users, ${c.media} pictures; integrity check ok`;
        })
      : await writeDurably(dest, async (tmp) => `${(await backupPostgres(db.url, tmp)).tables} tables (pg_dump custom format)`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [`Backed up ${what} to ${dest} (${fileSize(dest)}) in ${seconds} s.`, mediaNote(config)];
}

/** Restores `file` into the configured database, which must be empty. Returns the lines to print. */
export async function restore(config: Config, file: string): Promise<string[]> {
  const src = path.resolve(file);
  if (!fs.existsSync(src)) throw new OpsError(`There is no file at ${src}.`);
  const started = Date.now();
  const db = config.database;
  if (db.kind === 'sqlite' && db.file === ':memory:') throw new OpsError('DATABASE_URL names an in-memory database; restore into a file.');
  const c = db.kind === 'sqlite' ? await restoreSqlite(src, db.file) : await restorePostgres(src, db.url);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [
    `Restored ${c.articles} articles (${c.published} published), ${c.users} users and ${c.media} pictures from ${src} in ${seconds} s.`,
    `Put the pictures back in ${config.mediaDir} (MEDIA_DIR) before starting the site.`,
  ];
}

async function run(fn: () => Promise<string[]>) {
  try {
    for (const line of await fn()) console.log(line);
  } catch (err) {
    if (!(err instanceof OpsError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}

export async function backupCommand(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: masthead backup --out FILE');
    process.exitCode = 2;
    return;
  }
  await run(() => backup(config, values.out!));
}

export async function restoreCommand(config: Config, args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('Usage: masthead restore FILE   (into the empty database that DATABASE_URL names)');
    process.exitCode = 2;
    return;
  }
  await run(() => restore(config, positionals[0]!));
}
