// The static mirror end to end: export the demo site, serve the folder with a plain static server on
// 127.0.0.1, crawl it from the home page, and find no broken internal link and no link to the primary
// except the canonical and identity ones. A second export rewrites only what changed.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../demo/seed.ts';
import { sqliteTestDb, type TestDb } from '../../../test/support/db.ts';
import { testApp } from '../../../test/support/app.ts';
import { DEMO_MEDIA_DIR } from '../../../test/support/demo-media.ts';
import { exportSite, type ExportOptions } from './exporter.ts';
import { searchUnavailablePage } from './search-page.tsx';
import { fileFor, rewriteHtml, staticUrl } from './paths.ts';

const MIRROR = 'https://mirror-one.example';
let t: TestDb;
let app: FastifyInstance;
let out: string;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A plain static file server: maps URL paths to files, "/dir/" to "/dir/index.html", serves under `prefix`. */
function staticServer(root: string, prefix = ''): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    let p = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (!p.startsWith(`${prefix}/`)) return void res.writeHead(404).end();
    p = p.slice(prefix.length);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

async function run(basePath = '', dir = out) {
  const options: ExportOptions = {
    app,
    outDir: dir,
    host: new URL(MIRROR).host,
    basePath,
    searchPage: searchUnavailablePage({
      siteName: 'Meridian',
      language: 'en',
      timezone: 'UTC',
      origin: 'https://news.example',
      mirrors: [MIRROR],
      tvAppUrl: undefined,
      nav: [],
    }),
  };
  return exportSite(options);
}

/** Follows every internal link from the home page; returns broken links and absolute links seen. */
async function crawl(base: string, prefix: string) {
  const broken: string[] = [];
  const absolute = new Set<string>();
  const queue = [`${base}/`];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length && i < 5_000; i++) {
    const res = await fetch(queue[i]!);
    if (res.status !== 200) {
      broken.push(`${queue[i]} (${res.status})`);
      continue;
    }
    if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
    const html = await res.text();
    for (const m of html.matchAll(/\b(?:href|src|srcset)="([^"]*)"/g)) {
      for (const raw of m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!)) {
        const u = raw.replaceAll('&amp;', '&');
        if (u.startsWith('#') || u === '') continue; // in-page links
        if (/^[a-z]+:/i.test(u) || u.startsWith('//')) {
          absolute.add(u);
          continue;
        }
        expect(u.startsWith(`${prefix}/`), `link ${u} escapes the base path`).toBe(true);
        const next = new URL(u, base).toString().split('#')[0]!;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return { broken, absolute: [...absolute], pages: seen.size };
}

beforeAll(async () => {
  t = await sqliteTestDb();
  await seedDemo(t.store, DEMO_MEDIA_DIR, new Date());
  app = await testApp(t.store, { MASTHEAD_MIRRORS: MIRROR, MEDIA_DIR: DEMO_MEDIA_DIR }, () => new Date());
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-export-'));
});
afterAll(async () => {
  await app.close();
  await t.destroy();
  await fs.rm(out, { recursive: true, force: true });
});

describe('static paths', () => {
  it('map pagination and pages to files', () => {
    expect(staticUrl('/news?page=2')).toBe('/news/page/2/');
    expect(staticUrl('/news?page=1')).toBe('/news/');
    expect(staticUrl('/feed.xml')).toBe('/feed.xml');
    expect(fileFor('/news/page/2/', true)).toBe('news/page/2/index.html');
    expect(fileFor('/', true)).toBe('index.html');
    expect(fileFor('/feed.xml', false)).toBe('feed.xml');
    expect(rewriteHtml('<a href="/news?page=2">x</a><img srcset="/media/a.webp 480w, /media/b.webp 960w"/>', '/m')).toBe(
      '<a href="/m/news/page/2/">x</a><img srcset="/m/media/a.webp 480w, /m/media/b.webp 960w"/>',
    );
  });
});

describe('static mirror export', { timeout: 240_000 }, () => {
  it('writes a site a plain static server serves with no broken internal link', async () => {
    const report = await run();
    expect(report.written).toBeGreaterThan(100);
    const server = await staticServer(out);
    try {
      const { broken, absolute, pages } = await crawl(server.url, '');
      expect(absolute.filter((u) => /^https?:\/\/(127\.0\.0\.1|localhost)/.test(u))).toEqual([]);
      expect(broken).toEqual([]);
      expect(pages).toBeGreaterThan(100);
      // Only identity links may point at the primary: <link rel="canonical"> (and, on the search page, the
      // explicit "search on the main site" link). Every navigation link stays on the mirror.
      const primaryLinks = absolute.filter((u) => u.startsWith('https://news.example'));
      expect(primaryLinks.length).toBeGreaterThan(0);
      for (const page of ['/', '/news/', '/tag/diplomacy/']) {
        const html = await (await fetch(`${server.url}${page}`)).text();
        const anchorsToPrimary = [...html.matchAll(/<a [^>]*href="(https:\/\/news\.example[^"]*)"/g)].map((m) => m[1]);
        expect(anchorsToPrimary, page).toEqual([]);
        expect(html).toMatch(/<link rel="canonical" href="https:\/\/news\.example\//);
      }
      const search = await (await fetch(`${server.url}/search/?q=ceasefire`)).text();
      expect(search).toContain('Search is unavailable on this mirror');
    } finally {
      await server.close();
    }
  });

  it('rewrites only what changed on a second run', async () => {
    const second = await run();
    expect(second.written).toBe(0);
    expect(second.unchanged).toBe(second.files);
  });

  it('works under a sub-path', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-export-sub-'));
    try {
      await run('/mirror', dir);
      const server = await staticServer(dir, '/mirror');
      try {
        const { broken } = await crawl(server.url, '/mirror');
        expect(broken).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
