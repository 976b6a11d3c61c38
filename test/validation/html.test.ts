// The reader pages are valid HTML: the Nu Html Checker (vnu.jar, the W3C validator's engine, from the
// vnu-jar devDependency, run with the machine's java) reads the demo outlet's home, a section, a
// sub-section, an article, a tag and an author page and must report no errors.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { testApp } from '../support/app.ts';
import { sqliteTestDb, type TestDb } from '../support/db.ts';
import { DEMO_MEDIA_DIR } from '../support/demo-media.ts';
import { T0 } from '../support/factories.ts';
import { PASSWORD, signIn } from '../support/newsroom.ts';

const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

let t: TestDb;
let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  t = await sqliteTestDb();
  await seedDemo(t.store, DEMO_MEDIA_DIR, T0);
  // Every author with a photo and links, every tag described: the parts of those pages the demo leaves empty.
  const [photo] = await t.store.media.search('', 1);
  for (const p of await t.store.taxonomy.allPeople())
    await t.store.profiles.update(p.id, {
      ...p,
      photoMediaId: photo!.id,
      links: [
        { label: 'Website', url: `https://example.org/${p.slug}` },
        { label: 'E-mail', url: `mailto:${p.slug}@example.org` },
      ],
    });
  for (const tag of await t.store.tags.page({ limit: 100 }))
    await t.store.tags.update(tag.id, { ...tag, description: `All about ${tag.name}.` });
  app = await testApp(t.store, { MEDIA_DIR: DEMO_MEDIA_DIR, MASTHEAD_MIRRORS: 'https://mirror-one.example' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-vnu-'));
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function html(url: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.body;
}

/** The first href on the page matching a pattern. */
function firstLink(page: string, pattern: RegExp): string {
  const href = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern}`);
  return href;
}

describe('HTML validation (vnu.jar)', () => {
  it('finds no errors on the home, section, sub-section, article, tag, author and static pages', { timeout: 240_000 }, async () => {
    const home = await html('/');
    const article = firstLink(home, /^\/[a-z0-9/-]+\/\d{4}\/\d{2}\/\d{2}\/\d+\/[a-z0-9-]+$/);
    const articleHtml = await html(article);
    const pages: Record<string, string> = {
      home,
      section: await html(firstLink(home, /^\/[a-z0-9-]+$/)),
      subsection: await html(firstLink(articleHtml, /^\/[a-z0-9-]+\/[a-z0-9-]+$/)),
      article: articleHtml,
      tag: await html(firstLink(articleHtml, /^\/tag\/[a-z0-9-]+$/)),
      author: await html(firstLink(articleHtml, /^\/author\/[a-z0-9-]+$/)),
      'static-page': await html('/corrections-policy'),
    };
    const files = await Promise.all(
      Object.entries(pages).map(async ([name, body]) => {
        const file = path.join(dir, `${name}.html`);
        await fs.writeFile(file, body);
        return file;
      }),
    );
    const messages = await vnu(files);
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    expect(
      errors.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`),
    ).toEqual([]);
  });

  it('finds no errors on every newsroom page an admin sees', { timeout: 240_000 }, async () => {
    await app.services.auth.createUser({ email: 'vnu.admin@example.org', name: 'Val Admin', role: 'admin', password: PASSWORD });
    const session = await signIn(app, 'vnu.admin@example.org');
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: session.headers(false) });
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };
    const list = await get('/newsroom/articles');
    const id = /href="\/newsroom\/articles\/(\d+)"/.exec(list)![1];
    const [person, other] = await t.store.taxonomy.allPeople();
    const [tag, otherTag] = await t.store.tags.page({ limit: 2 });
    const [staticPage] = await t.store.pages.all();
    const [picture] = await t.store.media.search('', 1);
    const urls = {
      dashboard: '/newsroom',
      articles: '/newsroom/articles',
      found: '/newsroom/articles?q=harbour&sort=published',
      'new-article': '/newsroom/articles/new',
      editor: `/newsroom/articles/${id}`,
      history: `/newsroom/articles/${id}/history`,
      collection: '/newsroom/collections/editors-choice',
      sections: '/newsroom/sections',
      users: '/newsroom/users',
      people: '/newsroom/people',
      person: `/newsroom/people/${person!.id}`,
      'person-merge': `/newsroom/people/${person!.id}/merge?into=${other!.id}`,
      tags: '/newsroom/tags',
      'tags-found': '/newsroom/tags?q=a',
      tag: `/newsroom/tags/${tag!.id}`,
      'tag-merge': `/newsroom/tags/${tag!.id}/merge?into=${otherTag!.slug}`,
      pages: '/newsroom/pages',
      'new-page': '/newsroom/pages/new',
      page: `/newsroom/pages/${staticPage!.id}`,
      media: '/newsroom/media',
      picture: `/newsroom/media/${picture!.id}`,
      tokens: '/newsroom/tokens',
      audit: '/newsroom/audit',
    };
    const files = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const file = path.join(dir, `newsroom-${name}.html`);
        await fs.writeFile(file, await get(url));
        return file;
      }),
    );
    const errors = (await vnu(files)).filter((m) => m.type === 'error' || m.subType === 'fatal');
    expect(
      errors.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`),
    ).toEqual([]);
  });
});

/** Runs the checker on the files; its JSON report lists errors only (and non-document problems). */
async function vnu(files: string[]): Promise<VnuMessage[]> {
  const run = promisify(execFile);
  const args = ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files];
  const out = await run('java', args, { maxBuffer: 32 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (err: NodeJS.ErrnoException & { stdout?: string; stderr?: string }) => {
      // The checker exits 1 when it found errors: the report is still on stdout.
      if (err.code === 'ENOENT') throw new Error('java is needed to run vnu.jar (apt-get install default-jre-headless)');
      if (err.stdout?.trim().startsWith('{')) return err.stdout;
      throw new Error(`vnu.jar failed: ${err.stderr ?? err.message}`);
    },
  );
  return (JSON.parse(out) as { messages: VnuMessage[] }).messages;
}
