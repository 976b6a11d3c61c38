// Sitemap file names under /sitemaps/. A sitemap holds at most 50,000 URLs, so a family that outgrows one file
// continues in numbered files: articles-2026-11.xml, articles-2026-11-2.xml, … (page 1 never has a suffix, so
// each file has exactly one name). Months are UTC months of first publication.

export type SitemapFile =
  | { kind: 'articles'; month: string; page: number }
  | { kind: 'sections'; page: 1 }
  | { kind: 'tags' | 'authors'; page: number };

const NAME = /^(?:articles-(\d{4}-(?:0[1-9]|1[0-2]))|(sections|tags|authors))(?:-([1-9]\d{0,5}))?\.xml$/;

/** The file a name stands for, or null for anything that is not the one canonical name of a sitemap file. */
export function parseSitemapName(name: string): SitemapFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const page = m[3] === undefined ? 1 : Number(m[3]);
  if (m[3] !== undefined && page < 2) return null;
  if (m[1] !== undefined) return { kind: 'articles', month: m[1], page };
  if (m[2] === 'sections') return page === 1 ? { kind: 'sections', page } : null;
  return { kind: m[2] as 'tags' | 'authors', page };
}

export function sitemapPath(f: SitemapFile): string {
  const base = f.kind === 'articles' ? `articles-${f.month}` : f.kind;
  return `/sitemaps/${base}${f.page > 1 ? `-${f.page}` : ''}.xml`;
}

/** Files needed for `count` URLs at `perFile` each (at least one). */
export const pageCount = (count: number, perFile: number) => Math.max(1, Math.ceil(count / perFile));
