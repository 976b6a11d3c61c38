// `masthead import-content`: reads an export (docs/CONTENT-FORMAT.md) back into an empty database.
// All or nothing: every record is checked and written inside one transaction, and the media files copied on
// the way are removed again if anything fails, so a refused import leaves the target as it found it.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { createStore } from '../store/index.ts';
import type { Database } from '../store/schema.ts';
import {
  FILES,
  FORMAT,
  MEDIA_FOLDER,
  PortableError,
  RECORDS,
  VERSION,
  manifestSchema,
  type FileName,
  type Manifest,
  type RecordOf,
} from './format.ts';
import { JsonlReader, copyHashed, hashFile, throttled } from './io.ts';
import { loaders, type LoadContext, type Loader } from './loaders.ts';
import { CONTENT_TABLES } from './policy.ts';
import { countRows, writeLastIds } from '../store/portable-tables.ts';

export interface ImportOptions {
  db: Db;
  /** MEDIA_DIR of the target: media files are copied here. */
  mediaDir: string;
  /** The directory `export-content` wrote. */
  fromDir: string;
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

export interface ImportReport {
  records: Record<FileName, number>;
  /** Media files written into MEDIA_DIR, and those already there with the same bytes. */
  media: { copied: number; alreadyPresent: number; missing: number; bytes: number };
  /** Imported users, none of whom has a password yet. */
  usersWithoutPassword: number;
}

const describeIssue = (issue: z.core.$ZodIssue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;

export async function readManifest(fromDir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(fromDir, 'manifest.json'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PortableError(`${fromDir} has no manifest.json: it is not a Masthead content export, or the export did not finish`);
    }
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PortableError('not valid JSON', 'manifest.json');
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head?.format !== FORMAT) throw new PortableError(`format is ${JSON.stringify(head?.format)}, not "${FORMAT}"`, 'manifest.json');
  if (head.version !== VERSION)
    throw new PortableError(
      `this is format version ${JSON.stringify(head.version)}; this Masthead reads version ${VERSION}`,
      'manifest.json',
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new PortableError(describeIssue(parsed.error.issues[0]!), 'manifest.json');
  const names = parsed.data.files.map((f) => f.name);
  const absent = FILES.filter((f) => !names.includes(f));
  if (absent.length || names.length !== FILES.length) {
    throw new PortableError(
      `files must list each of ${FILES.join(', ')} once${absent.length ? ` (missing: ${absent.join(', ')})` : ''}`,
      'manifest.json',
    );
  }
  return parsed.data;
}

async function assertEmpty(db: Kysely<Database>) {
  const counts = await countRows(db, CONTENT_TABLES);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length) {
    const what = filled.map(([t, n]) => `${n} in ${t}`).join(', ');
    throw new PortableError(
      `the target database is not empty (${what}). Import only into a newly created database (with MASTHEAD_DEMO_CONTENT=false, and before anyone creates a user), so that nothing is merged or overwritten.`,
    );
  }
}

export async function importContent(o: ImportOptions): Promise<ImportReport> {
  const manifest = await readManifest(o.fromDir);
  const created: string[] = [];
  let report: ImportReport;
  try {
    report = await o.db.kysely.transaction().execute(async (trx) => {
      await assertEmpty(trx);
      return load(trx, o, manifest, created);
    });
  } catch (err) {
    // The transaction is rolled back; take back the files too.
    await Promise.all(created.map((f) => fsp.rm(f, { force: true })));
    throw err;
  }
  // A bulk load: planner statistics and a compact search index, as after generating a corpus (after the commit,
  // and outside the clean-up above: the import has happened whatever this does).
  await createStore(o.db).updateStatistics();
  return report;
}

async function load(trx: Kysely<Database>, o: ImportOptions, manifest: Manifest, created: string[]): Promise<ImportReport> {
  const size = o.batchSize ?? 200;
  const progress = throttled(
    o.onProgress ?? (() => {}),
    manifest.files.reduce((n, f) => n + f.records, 0),
  );
  const media = { copied: 0, alreadyPresent: 0, missing: 0, bytes: 0 };
  const verified = new Map<string, string>();

  const context: LoadContext = {
    db: trx,
    dialect: o.db.dialect,
    async copyMedia(record, line) {
      for (const f of record.files) {
        if (!('sha256' in f)) {
          media.missing++;
          continue;
        }
        const seen = verified.get(f.path);
        if (seen !== undefined) {
          if (seen !== f.sha256)
            throw new PortableError(`files: ${f.path} is listed earlier with a different checksum`, 'media.jsonl', line);
          continue;
        }
        const from = path.join(o.fromDir, MEDIA_FOLDER, f.path);
        const to = path.join(o.mediaDir, f.path);
        const existing = await hashFile(to);
        if (existing) {
          if (existing.sha256 !== f.sha256)
            throw new PortableError(
              `files: a different file already exists at ${to}; import into an empty media directory`,
              'media.jsonl',
              line,
            );
          media.alreadyPresent++;
        } else {
          try {
            await copyHashed(from, to, (d) => {
              if (d.sha256 !== f.sha256 || d.bytes !== f.bytes) {
                throw new PortableError(
                  `files: ${MEDIA_FOLDER}/${f.path} does not match its checksum (sha256 ${d.sha256}, ${d.bytes} bytes; expected ${f.sha256}, ${f.bytes} bytes): the file was changed or damaged`,
                  'media.jsonl',
                  line,
                );
              }
            });
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT')
              throw new PortableError(`files: ${MEDIA_FOLDER}/${f.path} is not in the export`, 'media.jsonl', line);
            throw err;
          }
          created.push(to);
          media.copied++;
          media.bytes += f.bytes;
        }
        verified.set(f.path, f.sha256);
      }
    },
  };
  const all = loaders(context);
  const records = {} as Record<FileName, number>;
  for (const name of FILES) {
    records[name] = await loadFile(
      name,
      all[name] as Loader<FileName>,
      manifest.files.find((f) => f.name === name)!,
      o.fromDir,
      size,
      progress.step,
    );
  }
  await writeLastIds(trx, o.db.dialect, manifest.lastIds);
  progress.finish();
  return { records, media, usersWithoutPassword: records['users.jsonl'] };
}

async function loadFile(
  name: FileName,
  loader: Loader<FileName>,
  expected: Manifest['files'][number],
  fromDir: string,
  size: number,
  step: () => void,
): Promise<number> {
  const schema = RECORDS[name];
  const reader = new JsonlReader(path.join(fromDir, name));
  let batch: { record: RecordOf<FileName>; line: number }[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await loader.write(batch.map((b) => b.record));
    } catch (err) {
      if (err instanceof PortableError) throw err;
      const lines = batch.length === 1 ? `line ${batch[0]!.line}` : `lines ${batch[0]!.line}-${batch.at(-1)!.line}`;
      throw new PortableError(`the database refused the records on ${lines}: ${(err as Error).message}`, name);
    }
    batch = [];
  };
  try {
    for await (const { number, text } of reader.lines()) {
      if (text.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        throw new PortableError(`not valid JSON (${(err as Error).message})`, name, number);
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new PortableError(describeIssue(parsed.error.issues[0]!), name, number);
      await loader.check(parsed.data as RecordOf<FileName>, number);
      batch.push({ record: parsed.data as RecordOf<FileName>, line: number });
      count++;
      step();
      if (batch.length >= size) await flush();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new PortableError('is listed in manifest.json but missing from the export', name);
    throw err;
  }
  await flush();
  await loader.finish?.();
  const digest = reader.digest();
  if (digest.sha256 !== expected.sha256 || digest.bytes !== expected.bytes) {
    throw new PortableError('does not match its checksum in manifest.json: the file was changed or damaged after the export', name);
  }
  if (count !== expected.records) throw new PortableError(`has ${count} records; manifest.json says ${expected.records}`, name);
  return count;
}
