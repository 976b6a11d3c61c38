// `masthead export-content`: the whole newsroom as documented JSON Lines plus its media files
// (docs/CONTENT-FORMAT.md). Rows are read in id order, a batch at a time, inside one read transaction, so the
// archive is a consistent snapshot, a large archive never sits in memory, and two exports of the same
// database are byte-identical.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import {
  FILES,
  FORMAT,
  MEDIA_FOLDER,
  VERSION,
  PortableError,
  mediaPath,
  type FileName,
  type Manifest,
  type MediaFileEntry,
} from './format.ts';
import { JsonlWriter, copyHashed, throttled, type Digest } from './io.ts';
import { producers, type Producer } from './producers.ts';
import { PUBLISH_JOB } from '../services/newsroom/workflow.ts';
import { countRows, inSnapshot, readLastIds, tableReads } from '../store/portable-tables.ts';

export interface ExportOptions {
  db: Db;
  /** MEDIA_DIR of the source: where the files named by media rows are. */
  mediaDir: string;
  /** Must not exist yet, or be empty. */
  outDir: string;
  onProgress?: (done: number, total: number) => void;
  /** Told about each media file the database names but the media directory lacks. */
  warn?: (line: string) => void;
  batchSize?: number;
}

export interface ExportReport {
  manifest: Manifest;
  /** Media files named by the database but absent from MEDIA_DIR (recorded as missing in the archive). */
  missing: string[];
}

async function prepare(outDir: string) {
  try {
    const entries = await fsp.readdir(outDir);
    if (entries.length > 0) throw new PortableError(`${outDir} is not empty; export into a new or empty directory`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fsp.mkdir(outDir, { recursive: true });
  }
}

export async function exportContent(o: ExportOptions): Promise<ExportReport> {
  await prepare(o.outDir);
  // One snapshot for the whole export, so references between files always resolve even while the site runs.
  return inSnapshot(o.db, (trx) => writeArchive(trx, o));
}

async function writeArchive(db: Kysely<Database>, o: ExportOptions): Promise<ExportReport> {
  const size = o.batchSize ?? 500;
  const reads = tableReads(db);
  const counts = await countRows(db, [
    'sections',
    'people',
    'tags',
    'media',
    'users',
    'articles',
    'collections',
    'revisions',
    'article_transitions',
    'corrections',
    'audit_log',
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0) + (await reads.scheduledJobCount(PUBLISH_JOB));
  const progress = throttled(o.onProgress ?? (() => {}), total);
  const files: Manifest['files'] = [];
  const copied = new Map<string, Digest | null>();
  const missing: string[] = [];

  async function file(name: FileName, produce: Producer) {
    const w = new JsonlWriter(path.join(o.outDir, name));
    try {
      await produce(async (record) => {
        await w.write(record);
        progress.step();
      });
    } finally {
      const digest = await w.close();
      files.push({ name, records: w.records, bytes: digest.bytes, sha256: digest.sha256 });
    }
  }

  /** Copies one media file into the archive (once, however many rows name it) and says what became of it. */
  async function mediaFile(p: string, where: string): Promise<MediaFileEntry> {
    if (!mediaPath.safeParse(p).success) throw new PortableError(`${where} names the file "${p}", which is not a plain relative path`);
    if (!copied.has(p)) {
      try {
        copied.set(p, await copyHashed(path.join(o.mediaDir, p), path.join(o.outDir, MEDIA_FOLDER, p)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        copied.set(p, null);
        missing.push(p);
        o.warn?.(`${where}: ${p} is not in the media directory; the archive records it as missing.`);
      }
    }
    const d = copied.get(p);
    return d ? { path: p, sha256: d.sha256, bytes: d.bytes } : { path: p, missing: true };
  }

  const produce = producers(reads, size, mediaFile);
  for (const name of FILES) await file(name, produce[name]);
  progress.finish();

  const present = [...copied.values()].filter((d): d is Digest => d !== null);
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    files: FILES.map((name) => files.find((f) => f.name === name)!),
    media: { files: present.length, bytes: present.reduce((n, d) => n + d.bytes, 0), missing: missing.length },
    lastIds: await readLastIds(db, o.db.dialect),
  };
  // Written last: an export without its manifest is unfinished, and the importer refuses it.
  await fsp.writeFile(path.join(o.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return { manifest, missing };
}
