// Rendered pages kept in memory, precompressed, tagged with surrogate keys (the ids of what each page shows)
// so that a change purges exactly the pages that show it. Least recently used pages go first when full.
import type { OutgoingHttpHeaders } from 'node:http';

/** One encoding of a page, with the complete response headers to send for it. */
export interface PageVariant {
  body: Buffer;
  headers: OutgoingHttpHeaders;
}

export interface CachedPage {
  etag: string;
  /** Surrogate keys: "article:42", "section:3", "home" … */
  keys: string[];
  identity: PageVariant;
  gzip: PageVariant;
  br: PageVariant;
  /** Headers of a 304 answer to a matching If-None-Match. */
  notModified: OutgoingHttpHeaders;
}

const size = (p: CachedPage) => p.identity.body.length + p.gzip.body.length + p.br.body.length + 1024;

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byKey = new Map<string, Set<string>>();
  private bytes = 0;
  private purges = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxBytes: number) {}

  get(url: string): CachedPage | undefined {
    const page = this.pages.get(url);
    if (!page) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map order is insertion order: re-inserting marks the page as most recently used.
    this.pages.delete(url);
    this.pages.set(url, page);
    return page;
  }

  set(url: string, page: CachedPage): void {
    if (size(page) > this.maxBytes) return;
    this.remove(url);
    this.pages.set(url, page);
    this.bytes += size(page);
    for (const key of page.keys) {
      const urls = this.byKey.get(key) ?? new Set<string>();
      urls.add(url);
      this.byKey.set(key, urls);
    }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /**
   * Counts purges. A page rendered while a purge happened may show what was just purged, so it is not stored
   * (see cache/http.ts): this closes the race between a slow render and a publish or unpublish.
   */
  get epoch(): number {
    return this.purges;
  }

  /** Drops every page tagged with any of `keys`; returns how many. */
  purge(keys: string[]): number {
    this.purges++;
    let n = 0;
    for (const key of keys) {
      for (const url of this.byKey.get(key) ?? []) {
        if (this.remove(url)) n++;
      }
    }
    return n;
  }

  clear(): void {
    this.purges++;
    this.pages.clear();
    this.byKey.clear();
    this.bytes = 0;
  }

  get stats() {
    return { pages: this.pages.size, bytes: this.bytes, hits: this.hits, misses: this.misses, purges: this.purges };
  }

  private remove(url: string): boolean {
    const page = this.pages.get(url);
    if (!page) return false;
    this.pages.delete(url);
    this.bytes -= size(page);
    for (const key of page.keys) {
      const urls = this.byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

/** Where a page is kept: the origin it was rendered for and its path with query (both doors of the cache use it). */
export const pageKey = (originUrl: string, url: string) => originUrl + url;
