// The lock-in proof: a rich newsroom exported from each database, imported into a fresh one of the same and of
// the other dialect, exported again byte for byte the same, and serving the same pages.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articlePath } from '../domain/urls.ts';
import { createServices } from '../services/index.ts';
import { exportContent } from './export.ts';
import { FILES, type Manifest } from './format.ts';
import { importContent, type ImportReport } from './import.ts';
import { seedRichWorld, sourceMediaDir, tempDir, type RichWorld } from '../../test/support/portable-fixture.ts';

/** Every file under `dir` with its SHA-256: two archives are the same when these maps are equal. */
async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = crypto
      .createHash('sha256')
      .update(await fs.readFile(full))
      .digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const readLines = async (dir: string, file: string) =>
  (await fs.readFile(path.join(dir, file), 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

async function pages(app: FastifyInstance, urls: string[]) {
  const out: Record<string, { status: number; location?: string; body: string }> = {};
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url });
    out[url] = { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body };
  }
  return out;
}

const resultLinks = (html: string) => [...html.matchAll(/<li><h2><a href="([^"]+)"/g)].map((m) => m[1]).sort();

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(dialects)('content export from $name', ({ open }) => {
  let source: TestDb;
  let mediaDir: string;
  let archive: string;
  let manifest: Manifest;
  let world: RichWorld;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    source = await open();
    cleanups.push(() => source.destroy());
    mediaDir = await sourceMediaDir();
    archive = await tempDir('archive');
    cleanups.push(
      () => fs.rm(mediaDir, { recursive: true, force: true }),
      () => fs.rm(archive, { recursive: true, force: true }),
    );
    world = await seedRichWorld(source.store, mediaDir);
    ({ manifest } = await exportContent({ db: source.db, mediaDir, outDir: archive, onProgress: (d, t) => progress.push([d, t]) }));
  });

  it('writes every file of the format, with counts, checksums and the media files', async () => {
    expect(manifest).toMatchObject({ format: 'masthead-content', version: 1 });
    expect(manifest.files.map((f) => f.name)).toEqual([...FILES]);
    const count = (name: string) => manifest.files.find((f) => f.name === name)!.records;
    for (const name of FILES) expect(count(name), name).toBeGreaterThan(0);
    expect(count('users.jsonl')).toBe(4);
    // The two publications (the demo desk's scheduled story and the fixture's); the queued WebSub pings stay behind.
    expect(count('scheduled-jobs.jsonl')).toBe(2);
    for (const f of manifest.files) {
      const bytes = await fs.readFile(path.join(archive, f.name));
      expect(crypto.createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
    // Originals and renditions (resized copies, crops, the upload's AVIF/WebP/JPEG sizes) travel with their hashes.
    const media = await readLines(archive, 'media.jsonl');
    const uploaded = media.find((m) => m.id === world.uploadedMediaId);
    expect(uploaded.files.length).toBeGreaterThan(3);
    expect(uploaded.files.map((f: { path: string }) => f.path)).toContain(uploaded.originalFile);
    for (const f of media.flatMap((m) => m.files)) {
      expect(f.missing, f.path).toBeUndefined();
      const bytes = await fs.readFile(path.join(archive, 'media', f.path));
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    expect(manifest.media.files).toBe(new Set(media.flatMap((m) => m.files.map((f: { path: string }) => f.path))).size);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
  });

  it('carries the whole editorial state of an article', async () => {
    const articles = await readLines(archive, 'articles.jsonl');
    const a = articles.find((x) => x.id === world.published);
    // Revision 6 is an autosave held back from readers: the record's content is the published revision 5.
    expect(a).toMatchObject({ status: 'published', revision: 6, heldRevision: 6, headline: 'Harbour fully reopens after the storm' });
    expect(a).toMatchObject({ seoTitle: 'Harbour reopens | storm aftermath', heroMediaId: world.uploadedMediaId });
    expect(a.authorIds).toHaveLength(2);
    expect(a.sectionIds).toContain(a.primarySectionId);
    expect(a.updatedAt).not.toBeNull();
    expect(articles.find((x) => x.id === world.scheduled)).toMatchObject({
      status: 'scheduled',
      scheduledAt: new Date(T0.getTime() + 30 * 3_600_000).toISOString(),
    });
    expect(articles.find((x) => x.id === world.video).video).toMatchObject({ type: 'hls', posterMediaId: world.uploadedMediaId });
    const revisions = (await readLines(archive, 'revisions.jsonl')).filter((r) => r.articleId === world.published);
    expect(revisions.map((r) => r.kind)).toEqual(['create', 'save', 'autosave', 'restore', 'save', 'autosave']);
    expect(revisions.at(-1).snapshot.headline).toBe('Harbour reopens: ferries first');
    expect((await readLines(archive, 'corrections.jsonl')).map((c) => c.articleId)).toContain(world.published);
    expect((await readLines(archive, 'sections.jsonl')).flatMap((s) => s.redirects).length).toBeGreaterThan(0);
    const choice = (await readLines(archive, 'collections.jsonl')).find((c) => c.slug === 'editors-choice');
    expect(choice.items[0]).toMatchObject({ articleId: world.published, startsAt: expect.any(String), endsAt: expect.any(String) });
  });

  it('leaves password hashes, sessions and API tokens behind', async () => {
    const text = (await Promise.all(FILES.map((f) => fs.readFile(path.join(archive, f), 'utf8')))).join('\n');
    const secrets = await source.db.kysely.selectFrom('users').select('password_hash').execute();
    const tokens = await source.db.kysely.selectFrom('api_tokens').select('token_hash').execute();
    expect(secrets.length).toBe(4);
    for (const s of [...secrets.map((r) => r.password_hash), ...tokens.map((r) => r.token_hash), 'a'.repeat(64), 'csrf-secret-token'])
      expect(text).not.toContain(s);
    expect(text).not.toContain('scrypt$');
    expect(Object.keys((await readLines(archive, 'users.jsonl'))[0]).sort()).toEqual([
      'createdAt',
      'disabledAt',
      'email',
      'id',
      'name',
      'personId',
      'role',
    ]);
  });

  it('is byte-identical when the same database is exported twice', async () => {
    const again = await tempDir('again');
    cleanups.push(() => fs.rm(again, { recursive: true, force: true }));
    await exportContent({ db: source.db, mediaDir, outDir: again });
    expect(await treeDigest(again)).toEqual(await treeDigest(archive));
  });

  it('gives the same bytes whatever the batch size (many small batches on export and import)', async () => {
    const small = await tempDir('small-batches');
    const reexport = await tempDir('small-batches-again');
    const media = await tempDir('small-batches-media');
    const target = await sqliteTestDb();
    cleanups.push(() => target.destroy(), ...[small, reexport, media].map((d) => () => fs.rm(d, { recursive: true, force: true })));
    await exportContent({ db: source.db, mediaDir, outDir: small, batchSize: 3 });
    expect(await treeDigest(small)).toEqual(await treeDigest(archive));
    await importContent({ db: target.db, mediaDir: media, fromDir: small, batchSize: 4 });
    await exportContent({ db: target.db, mediaDir: media, outDir: reexport, batchSize: 7 });
    expect(await treeDigest(reexport)).toEqual(await treeDigest(archive));
  });

  describe.each(dialects)('imported into $name', ({ name: targetName, open: openTarget }) => {
    let target: TestDb;
    let targetMedia: string;
    let report: ImportReport;

    beforeAll(async () => {
      target = await openTarget();
      cleanups.push(() => target.destroy());
      targetMedia = await tempDir('media');
      cleanups.push(() => fs.rm(targetMedia, { recursive: true, force: true }));
      report = await importContent({ db: target.db, mediaDir: targetMedia, fromDir: archive });
    });

    it('exports again to the same bytes (content, history, users, media)', async () => {
      expect(report.records['articles.jsonl']).toBe(manifest.files.find((f) => f.name === 'articles.jsonl')!.records);
      expect(report.media.copied).toBe(manifest.media.files);
      const again = await tempDir('reexport');
      cleanups.push(() => fs.rm(again, { recursive: true, force: true }));
      await exportContent({ db: target.db, mediaDir: targetMedia, outDir: again });
      expect(await treeDigest(again)).toEqual(await treeDigest(archive));
    });

    // PostgreSQL's autovacuum analyses on its own.
    it.skipIf(targetName !== 'sqlite')('leaves the planner statistics up to date, as a bulk load should', async () => {
      const stats = await sql<{ tbl: string }>`SELECT tbl FROM sqlite_stat1`.execute(target.db.kysely);
      expect(stats.rows.map((r) => r.tbl)).toContain('articles');
    });

    it('serves the same pages: article, home, sections, tags, authors, search, feeds, redirects', async () => {
      const a = (await source.store.articles.byId(world.published))!;
      const url = articlePath({ id: a.id, slug: a.slug, sectionPath: a.section_path, firstPublishedAt: a.first_published_at! }, 'UTC');
      const [person] = await source.store.articles.authorsOf(a.id);
      const redirect = (await source.db.kysely.selectFrom('section_redirects').select('old_path').executeTakeFirstOrThrow()).old_path;
      const urls = [
        url,
        '/',
        `/${a.section_path}`,
        '/tag/shipping',
        `/author/${person!.slug}`,
        '/search?q=harbour',
        '/search?q=minister',
        '/feed.xml',
        '/sitemap.xml',
        '/tv/roku.json',
        `/${redirect}`,
      ];
      const before = await pages(await testApp(source.store, { MEDIA_DIR: mediaDir }), urls);
      const after = await pages(await testApp(target.store, { MEDIA_DIR: targetMedia }), urls);
      expect(before[url]!.status).toBe(200);
      expect(before[url]!.body).toContain('Harbour fully reopens');
      expect(before['/search?q=harbour']!.body).toContain('Harbour fully reopens');
      expect(before[`/${redirect}`]!.status).toBe(301);
      const sameEngine = source.db.dialect === target.db.dialect;
      for (const u of urls) {
        if (u.startsWith('/search') && !sameEngine) {
          // FTS5 and PostgreSQL rank and cut snippets their own way; the same articles must be found.
          expect(resultLinks(after[u]!.body), u).toEqual(resultLinks(before[u]!.body));
        } else expect(after[u], u).toEqual(before[u]);
      }
      // A picture is served from the imported media directory.
      const media = await testApp(target.store, { MEDIA_DIR: targetMedia });
      const file = (await source.store.media.byIds([world.uploadedMediaId])).get(world.uploadedMediaId)!.file;
      expect((await media.inject({ method: 'GET', url: `/media/${file}` })).statusCode).toBe(200);
    });

    it('gives new articles, revisions and audit entries ids after the imported ones', async () => {
      const services = createServices(target.store, {
        mediaDir: targetMedia,
        origin: 'https://news.example',
        timezone: 'UTC',
        clock: () => T0,
      });
      const editor = (await target.store.users.byEmail('eddie@news.example'))!;
      const section = (await target.store.taxonomy.allSections())[0]!;
      const { id } = await services.content.create(
        { id: editor.id, role: 'editor' },
        { headline: 'After the move', primarySectionId: section.id, tags: ['Brand new tag'] },
      );
      expect(id).toBe(manifest.lastIds.articles! + 1);
      const audit = await target.store.audit.recent(1);
      expect(audit[0]!.id).toBe(manifest.lastIds.audit_log! + 1);
      // API tokens were left behind, but their ids stay reserved: a new one does not reuse an id the audit log may name.
      const { id: tokenId } = await services.auth.createApiToken(editor.id, 'new app');
      expect(tokenId).toBe(manifest.lastIds.api_tokens! + 1);
    });

    it('brings users back without a password (they cannot sign in until one is set)', async () => {
      expect(report.usersWithoutPassword).toBe(4);
      const services = createServices(target.store, {
        mediaDir: targetMedia,
        origin: 'https://news.example',
        timezone: 'UTC',
        clock: () => T0,
      });
      await expect(
        services.auth.signIn({ email: world.adminEmail, password: 'correct horse battery staple', ip: '203.0.113.1', userAgent: 'test' }),
      ).rejects.toThrow();
      expect(await target.db.kysely.selectFrom('sessions').select('id').execute()).toEqual([]);
      const disabled = await target.store.users.byEmail('gone@news.example');
      expect(disabled!.disabled_at).not.toBeNull();
    });
  });
});
