// PostgreSQL backup and restore with the server's own tools: pg_dump takes one consistent snapshot (a
// repeatable-read transaction, so the site keeps writing), pg_restore loads it into an empty database.
import { spawn } from 'node:child_process';
import { contentSummary, readAsIs, tableNames } from '../store/maintenance.ts';
import { OpsError, isPgDump, isSqliteFile } from './files.ts';

/** The connection string without its password, which goes through PGPASSWORD instead of the process list. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new OpsError(
              `${tool} was not found. Install the PostgreSQL client tools (Debian: postgresql-client), the server's major version or newer.`,
            )
          : e,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new OpsError(`${tool} failed (exit ${code}): ${err.trim() || out.trim()}`)),
    );
  });
}

/** Dumps the database at `url` to `tmp` in pg_dump's custom format; returns how many tables it holds. */
export async function backupPostgres(url: string, tmp: string): Promise<{ tables: number }> {
  const { dbname, env } = connection(url);
  await run('pg_dump', ['--format=custom', '--no-password', `--file=${tmp}`, `--dbname=${dbname}`], env);
  // Reading the archive's table of contents proves it is complete and readable by pg_restore.
  const toc = await run('pg_restore', ['--list', tmp], env);
  return { tables: toc.split('\n').filter((line) => / TABLE DATA /.test(line)).length };
}

/** Restores a custom-format dump into the database at `url`, which must have no tables. */
export async function restorePostgres(file: string, url: string) {
  if (isSqliteFile(file))
    throw new OpsError(`${file} is a SQLite backup, but DATABASE_URL names a PostgreSQL database; restore it into SQLite.`);
  if (!isPgDump(file)) throw new OpsError(`${file} is not a pg_dump archive (custom format) or a Masthead backup.`);
  const present = await readAsIs({ kind: 'postgres', url }, tableNames);
  if (present.length) {
    const name = new URL(url).pathname.slice(1);
    throw new OpsError(
      `Refusing to restore: the database ${name} is not empty (${present.length} tables). Restore only into a new database: ` +
        `createdb a new one, point DATABASE_URL at it, and switch the site over once the restore is done.`,
    );
  }
  const { dbname, env } = connection(url);
  // One transaction: a restore that fails part-way leaves the database as empty as it was.
  await run(
    'pg_restore',
    ['--no-password', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file],
    env,
  );
  return readAsIs({ kind: 'postgres', url }, contentSummary);
}
