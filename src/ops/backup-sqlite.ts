// SQLite backup and restore with SQLite's online backup API, safe while the site keeps writing.
import fs from 'node:fs';
import path from 'node:path';
import {
  checkSqliteFile,
  contentSummary,
  copySqliteDatabase,
  readAsIs,
  sealSqliteCopy,
  snapshotSqlite,
  sqliteFileTables,
  type SealedCopy,
} from '../store/maintenance.ts';
import { OpsError, isPgDump, isSqliteFile, writeDurably } from './files.ts';

/** Copies the live database `file` to `tmp`: one consistent snapshot, checked, as a single self-contained file. */
export async function backupSqlite(file: string, tmp: string): Promise<SealedCopy> {
  if (!fs.existsSync(file)) throw new OpsError(`There is no database at ${file} (DATABASE_URL).`);
  await snapshotSqlite(file, tmp);
  const sealed = sealSqliteCopy(tmp);
  if (sealed.integrity.join() !== 'ok')
    throw new OpsError(`The copy failed its integrity check: ${sealed.integrity.slice(0, 5).join('; ')}`);
  return sealed;
}

/** Restores `backup` as the database `file`, which must not exist yet or be empty (no tables). */
export async function restoreSqlite(backup: string, file: string) {
  if (isPgDump(backup))
    throw new OpsError(`${backup} is a PostgreSQL dump, but DATABASE_URL names a SQLite database; restore it into PostgreSQL.`);
  if (!isSqliteFile(backup)) throw new OpsError(`${backup} is not a SQLite database or a Masthead backup.`);
  const check = checkSqliteFile(backup);
  if (check.integrity.join() !== 'ok')
    throw new OpsError(`${backup} failed its integrity check: ${check.integrity.slice(0, 5).join('; ')}`);
  if (!sqliteFileTables(backup).includes('articles'))
    throw new OpsError(`${backup} is a SQLite database, but not a Masthead one (it has no articles table).`);

  const present = fs.existsSync(file) && fs.statSync(file).size > 0 ? sqliteFileTables(file) : [];
  if (present.length) {
    throw new OpsError(
      `Refusing to restore: the database at ${file} is not empty (${present.length} tables). Restore only into a new database: ` +
        `point DATABASE_URL at a file that does not exist yet, then swap files while the site is stopped.`,
    );
  }
  for (const side of ['-wal', '-journal']) {
    if (fs.existsSync(file + side) && fs.statSync(file + side).size > 0) {
      throw new OpsError(
        `Refusing to restore: ${file}${side} exists, so a database was in use at ${file}. Stop whatever uses it and choose a new file.`,
      );
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeDurably(file, (tmp) => copySqliteDatabase(backup, tmp));
  fs.rmSync(`${file}-shm`, { force: true });
  return readAsIs({ kind: 'sqlite', file }, contentSummary);
}
