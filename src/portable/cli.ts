// The export-content and import-content commands (dispatched from src/cli.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { progressReporter } from '../progress.ts';
import type { Db } from '../store/db.ts';
import { openMigratedStore } from '../store/open.ts';
import { exportContent } from './export.ts';
import { PortableError } from './format.ts';
import { importContent } from './import.ts';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The directory named by `--flag DIR` or as the only positional argument; undefined when the arguments are wrong. */
function directoryArg(args: string[], flag: string): string | undefined {
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { [flag]: { type: 'string' } } });
    const named = values[flag] as string | undefined;
    if (named !== undefined) return positionals.length === 0 && named ? named : undefined;
    return positionals.length === 1 ? positionals[0] : undefined;
  } catch {
    return undefined;
  }
}

async function withDb(config: Config, what: string, run: (db: Db) => Promise<void>) {
  const { db } = await openMigratedStore(config.database, 'command');
  try {
    await run(db);
  } catch (err) {
    if (!(err instanceof PortableError)) throw err;
    console.error(`${what} refused: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

export async function exportContentCommand(config: Config, args: string[]) {
  const out = directoryArg(args, 'out');
  if (!out) {
    console.error('Usage: masthead export-content --out DIR   (DIR must be new or empty)');
    process.exitCode = 2;
    return;
  }
  await withDb(config, 'Export', async (db) => {
    const started = Date.now();
    const { manifest, missing } = await exportContent({
      db,
      mediaDir: config.mediaDir,
      outDir: path.resolve(out),
      onProgress: progressReporter('Exporting content'),
      warn: (line) => console.warn(line),
    });
    const n = (name: string) => manifest.files.find((f) => f.name === name)!.records;
    console.log(
      `Exported ${n('articles.jsonl')} articles, ${n('revisions.jsonl')} revisions, ${n('media.jsonl')} pictures (${manifest.media.files} files, ${megabytes(manifest.media.bytes)}), ` +
        `${n('users.jsonl')} users (without passwords) and ${n('audit-log.jsonl')} audit entries to ${out} in ${seconds(started)}.`,
    );
    if (missing.length)
      console.warn(`${missing.length} media file(s) were missing from ${config.mediaDir}; the export records them as missing.`);
  });
}

export async function importContentCommand(config: Config, args: string[]) {
  const from = directoryArg(args, 'from');
  if (!from) {
    console.error('Usage: masthead import-content --from DIR   (into an empty database)');
    process.exitCode = 2;
    return;
  }
  await withDb(config, 'Import', async (db) => {
    const started = Date.now();
    const report = await importContent({
      db,
      mediaDir: config.mediaDir,
      fromDir: path.resolve(from),
      onProgress: progressReporter('Importing content'),
    });
    const r = report.records;
    console.log(
      `Imported ${r['articles.jsonl']} articles, ${r['revisions.jsonl']} revisions, ${r['media.jsonl']} pictures (${report.media.copied} files copied, ` +
        `${report.media.alreadyPresent} already in place, ${megabytes(report.media.bytes)}), ${r['users.jsonl']} users and ${r['audit-log.jsonl']} audit entries in ${seconds(started)}. The search index was rebuilt.`,
    );
    if (report.usersWithoutPassword) {
      console.log(
        `The ${report.usersWithoutPassword} imported user(s) have no password (exports never carry them); nobody can sign in as them until a password is set.`,
      );
    }
  });
}
