// Helpers of the soak run (bench/soak.ts): the links readers follow, the server's memory, and the statistics.
import fs from 'node:fs/promises';

const ARTICLE_LINK = /href="(\/(?:[a-z0-9-]+\/)+\d{4}\/\d{2}\/\d{2}\/\d+\/[a-z0-9-]*)"/g;
const LISTING_LINK = /href="(\/(?:tag|author)\/[a-z0-9-]+)"/g;
const ASSET_LINK = /(?:href|src)="(\/(?:assets|media)\/[^"?#]+)"/g;
const PAGE_LINK = /[?&](?:amp;)?page=(\d+)/g;
const MAX_ARTICLES = 5_000;

/**
 * What readers can click next, gathered from the pages they were served: article links (the newest
 * publications among them), tag and author pages, assets, and how deep each listing's pagination is known
 * to go, so every URL asked for exists (an error in the soak is always the server's).
 */
export class Harvest {
  private readonly articles: string[] = [];
  private readonly seen = new Set<string>();
  /** Listing path → deepest page seen linked. */
  private readonly listings = new Map<string, number>();
  private readonly assets = new Set<string>();

  constructor(sectionPaths: string[]) {
    for (const p of sectionPaths) this.listings.set(`/${p}`, 1);
  }

  from(url: string, body: string): void {
    if (!body.startsWith('<!doctype html>')) return;
    for (const [, link] of body.matchAll(ARTICLE_LINK)) this.addArticle(link!, Math.random);
    for (const [, link] of body.matchAll(LISTING_LINK)) if (!this.listings.has(link!)) this.listings.set(link!, 1);
    for (const [, link] of body.matchAll(ASSET_LINK)) if (this.assets.size < 200) this.assets.add(link!);
    const base = url.split('?')[0]!;
    const known = this.listings.get(base);
    if (known !== undefined) for (const [, n] of body.matchAll(PAGE_LINK)) if (Number(n) > known) this.listings.set(base, Number(n));
  }

  private addArticle(link: string, rand: () => number) {
    if (this.seen.has(link)) return;
    this.seen.add(link);
    if (this.articles.length < MAX_ARTICLES) this.articles.push(link);
    else this.articles[Math.floor(rand() * MAX_ARTICLES)] = link;
  }

  article(rand: () => number): string | undefined {
    return this.articles.length ? this.articles[Math.floor(rand() * this.articles.length)] : undefined;
  }

  /** A section, tag or author page, any page of it known to exist. */
  listing(rand: () => number): string {
    const paths = [...this.listings.keys()];
    const path = paths[Math.floor(rand() * paths.length)]!;
    const page = 1 + Math.floor(rand() * this.listings.get(path)!);
    return page > 1 ? `${path}?page=${page}` : path;
  }

  asset(rand: () => number): string | undefined {
    const list = [...this.assets];
    return list.length ? list[Math.floor(rand() * list.length)] : undefined;
  }
}

/** Resident memory of a process and all its descendants (cluster workers), in MB, from /proc (Linux). */
export async function treeRssMb(root: number): Promise<number> {
  const parentOf = new Map<number, number>();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (command) state ppid …"; the command may contain spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parentOf.set(Number(entry), ppid);
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    kb += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

/** Least-squares slope of rssMb over time, per minute. */
export function slopePerMinute(samples: { second: number; rssMb: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((s, p) => s + p.second, 0) / n;
  const my = samples.reduce((s, p) => s + p.rssMb, 0) / n;
  const sxy = samples.reduce((s, p) => s + (p.second - mx) * (p.rssMb - my), 0);
  const sxx = samples.reduce((s, p) => s + (p.second - mx) ** 2, 0);
  return sxx ? (sxy / sxx) * 60 : 0;
}

/** Nearest-rank percentile of sorted values (0 when there are none). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
