// What the importer refuses, and that a refusal leaves the target as it was: no rows, no search entries and no
// media files. Each case damages a copy of one small export and imports it into the same target database,
// which therefore must still be empty after every refused attempt.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { exportContent } from './export.ts';
import { importContent } from './import.ts';
import { tempDir } from '../../test/support/portable-fixture.ts';
import { CONTENT_TABLES } from './policy.ts';
import { countRows } from '../store/portable-tables.ts';

let source: TestDb;
let sourceMedia: string;
let archive: string;
const warnings: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  source = await sqliteTestDb();
  sourceMedia = await tempDir('refusal-src');
  archive = path.join(await tempDir('refusal-archive'), 'export');
  dirs.push(sourceMedia, path.dirname(archive));
  const news = await makeSection(source.store, 'news');
  await makeSection(source.store, 'news/europe');
  const person = await makePerson(source.store, 'Ana Reporter');
  const hero = await makeMedia(source.store);
  const lost = await makeMedia(source.store, { caption: 'Its files were lost before the export' });
  // The factories name files; give all but the lost picture real bytes.
  for (const m of await source.db.kysely.selectFrom('media').selectAll().where('id', '!=', lost).execute()) {
    for (const file of [m.original_file, ...JSON.parse(m.variants).map((v: { file: string }) => v.file)]) {
      await fs.mkdir(path.dirname(path.join(sourceMedia, file)), { recursive: true });
      await fs.writeFile(path.join(sourceMedia, file), `picture bytes of ${file}`);
    }
  }
  await makeArticle(source.store, { sectionId: news, authorIds: [person], tags: ['Ports'], heroMediaId: hero, headline: 'First story' });
  await makeArticle(source.store, { sectionId: news, authorIds: [person], headline: 'Second story' });
  await exportContent({ db: source.db, mediaDir: sourceMedia, outDir: archive, warn: (w) => warnings.push(w) });
});

afterAll(async () => {
  await source?.destroy();
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

/** A copy of the export to damage. */
async function copyOfArchive(): Promise<string> {
  const dir = path.join(await tempDir('damaged'), 'export');
  dirs.push(path.dirname(dir));
  await fs.cp(archive, dir, { recursive: true });
  return dir;
}

async function editLine(dir: string, file: string, line: number, edit: (record: any) => unknown) {
  const lines = (await fs.readFile(path.join(dir, file), 'utf8')).split('\n');
  lines[line - 1] = JSON.stringify(edit(JSON.parse(lines[line - 1]!)));
  await fs.writeFile(path.join(dir, file), lines.join('\n'));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

it('exports a picture whose files are missing as missing, and says so', async () => {
  expect(warnings.some((w) => /is not in the media directory/.test(w))).toBe(true);
  const media = (await fs.readFile(path.join(archive, 'media.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(media[1].files.every((f: { missing?: boolean }) => f.missing === true)).toBe(true);
});

it('refuses to export into a directory that is not empty', async () => {
  await expect(exportContent({ db: source.db, mediaDir: sourceMedia, outDir: archive })).rejects.toThrow(/is not empty/);
});

describe.each(dialects)('importing into $name', ({ open }) => {
  let target: TestDb;
  let media: string;

  beforeAll(async () => {
    target = await open();
    media = await tempDir('refusal-target');
    dirs.push(media);
  });
  afterAll(async () => target?.destroy());

  async function expectRefused(dir: string, message: RegExp) {
    await expect(importContent({ db: target.db, mediaDir: media, fromDir: dir })).rejects.toThrow(message);
    const counts = await countRows(target.db.kysely, [...CONTENT_TABLES, 'article_search']);
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    expect(await filesUnder(media)).toEqual([]);
  }

  it('names the file and line of a record that breaks the format', async () => {
    const dir = await copyOfArchive();
    await editLine(dir, 'articles.jsonl', 2, (a) => ({ ...a, status: 'publishd' }));
    await expectRefused(dir, /^articles\.jsonl line 2: status: Invalid option/);
  });

  it('names the line that is not JSON', async () => {
    const dir = await copyOfArchive();
    await fs.appendFile(path.join(dir, 'tags.jsonl'), '{"id": 7, "slug": "cut-off\n');
    await expectRefused(dir, /^tags\.jsonl line 2: not valid JSON/);
  });

  it('names a reference to something the export does not contain', async () => {
    const dir = await copyOfArchive();
    await editLine(dir, 'articles.jsonl', 1, (a) => ({ ...a, primarySectionId: 999 }));
    await expectRefused(dir, /^articles\.jsonl line 1: primarySectionId: there is no section 999$/);
  });

  it('refuses a record changed after the export (checksum in the manifest)', async () => {
    const dir = await copyOfArchive();
    await editLine(dir, 'articles.jsonl', 1, (a) => ({ ...a, headline: 'Quietly rewritten' }));
    await expectRefused(dir, /^articles\.jsonl: does not match its checksum in manifest\.json/);
  });

  it('refuses a tampered media file', async () => {
    const dir = await copyOfArchive();
    const first = JSON.parse((await fs.readFile(path.join(dir, 'media.jsonl'), 'utf8')).split('\n')[0]!);
    await fs.writeFile(path.join(dir, 'media', first.files[1].path), 'something else entirely');
    await expectRefused(dir, /^media\.jsonl line 1: files: media\/.+ does not match its checksum/);
  });

  it('refuses media paths that would leave the media directory', async () => {
    const dir = await copyOfArchive();
    await editLine(dir, 'media.jsonl', 1, (m) => ({
      ...m,
      originalFile: '../../escaped.jpg',
      files: [{ ...m.files[0], path: '../../escaped.jpg' }, ...m.files.slice(1)],
    }));
    await expectRefused(dir, /^media\.jsonl line 1: originalFile: must be a relative path/);
    await expect(fs.access(path.join(media, '../../escaped.jpg'))).rejects.toThrow();
  });

  it('refuses another format version, or a directory without a manifest', async () => {
    const dir = await copyOfArchive();
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8'));
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
    await expectRefused(dir, /^manifest\.json: this is format version 2; this Masthead reads version 1$/);
    await fs.rm(path.join(dir, 'manifest.json'));
    await expectRefused(dir, /has no manifest\.json/);
  });

  it('imports the undamaged export (the target was left empty by every refusal)', async () => {
    const report = await importContent({ db: target.db, mediaDir: media, fromDir: archive });
    expect(report.records['articles.jsonl']).toBe(2);
    expect(report.media).toMatchObject({ copied: 2, missing: 2 });
    expect((await target.store.articles.latest({ limit: 10, offset: 0 })).items.map((a) => a.headline).sort()).toEqual([
      'First story',
      'Second story',
    ]);
  });

  it('refuses a database that already has content, and adds nothing to it', async () => {
    const other = await open();
    const unused = await tempDir('unused');
    dirs.push(unused);
    try {
      await makeSection(other.store, 'existing');
      await expect(importContent({ db: other.db, mediaDir: unused, fromDir: archive })).rejects.toThrow(
        /target database is not empty \(1 in sections\)/,
      );
      expect(await countRows(other.db.kysely, ['sections', 'articles', 'people'])).toEqual({ sections: 1, articles: 0, people: 0 });
    } finally {
      await other.destroy();
    }
  });
});
