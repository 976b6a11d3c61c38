// The static mirror: crawls the public site through the app (no network), writes every page, feed, sitemap,
// picture and asset as files that any static server can serve, and on a second run rewrites only what changed.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileFor, linksIn, rewriteHtml } from './paths.ts';

export interface ExportOptions {
  app: FastifyInstance;
  outDir: string;
  /** Host the pages are rendered for (the mirror's), so feeds and notices match that origin. */
  host: string;
  /** Sub-path the mirror is served under, e.g. "/mirror" ("" for the root). */
  basePath: string;
  /** The static search page (search needs a server). */
  searchPage: string;
  onProgress?: (done: number, total: number) => void;
  warn?: (line: string) => void;
}

export interface ExportReport {
  files: number;
  written: number;
  unchanged: number;
  removed: number;
  skipped: string[];
}

const MANIFEST = '.masthead-export.json';
const SEEDS = ['/', '/robots.txt', '/sitemap.xml', '/news-sitemap.xml', '/feed.xml', '/feed.atom', '/feed.json'];

export async function exportSite(o: ExportOptions): Promise<ExportReport> {
  const previous: Record<string, string> = await fs
    .readFile(path.join(o.outDir, MANIFEST), 'utf8')
    .then((s) => JSON.parse(s) as Record<string, string>)
    .catch(() => ({}));
  const manifest: Record<string, string> = {};
  const report: ExportReport = { files: 0, written: 0, unchanged: 0, removed: 0, skipped: [] };
  const queue = [...SEEDS];
  const seen = new Set(queue);

  async function write(file: string, bytes: Buffer) {
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    manifest[file] = hash;
    report.files++;
    const target = path.join(o.outDir, file);
    if (
      previous[file] === hash &&
      (await fs.access(target).then(
        () => true,
        () => false,
      ))
    ) {
      report.unchanged++;
      return;
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    report.written++;
  }

  for (let i = 0; i < queue.length; i++) {
    const url = queue[i]!;
    const res = await o.app.inject({ method: 'GET', url, headers: { host: o.host } });
    o.onProgress?.(i + 1, queue.length);
    if (res.statusCode !== 200) {
      // Feeds or sitemaps a build does not serve, or a link to a page that is gone: say so, write nothing.
      if (!SEEDS.includes(url) || res.statusCode !== 404) o.warn?.(`skipped ${url}: HTTP ${res.statusCode}`);
      report.skipped.push(url);
      continue;
    }
    const isHtml = String(res.headers['content-type'] ?? '').startsWith('text/html');
    if (isHtml) {
      for (const link of linksIn(res.body)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
      await write(fileFor(url, true), Buffer.from(rewriteHtml(res.body, o.basePath)));
    } else {
      await write(fileFor(url, false), res.rawPayload);
    }
  }
  await write('search/index.html', Buffer.from(rewriteHtml(o.searchPage, o.basePath)));

  for (const file of Object.keys(previous)) {
    if (!(file in manifest)) {
      await fs.rm(path.join(o.outDir, file), { force: true });
      report.removed++;
    }
  }
  await fs.writeFile(path.join(o.outDir, MANIFEST), JSON.stringify(manifest));
  return report;
}
