// What the sitemaps say. Every <loc> is on the primary origin, whichever address the request came in on: the
// primary is the one copy search engines should index (mirrors are noindex).
//
// <lastmod>, honestly:
// - an article: updated_at ?? first_published_at, the last significant update as readers see it ("Updated …").
//   modified_at is not used there because it also moves on changes that are not news to a crawler (a re-save,
//   an SEO field, unpublish and republish); claiming those would teach search engines to ignore our lastmod.
// - a monthly article sitemap (in the index): max(modified_at) of the month's published articles, because the
//   file itself changes with any of them (a new slug or section changes a <loc>, a new hero the image).
// - a section, tag or author page: first publication of its newest article (what changes the page's first
//   screen); the home page likewise with the newest article overall. sections/tags/authors files: the newest of
//   their entries.
// A file that outgrows `urlsPerFile` continues in numbered files (names.ts); all files of a month carry the
// month's lastmod, an upper bound for each.
import { articlePath, authorPath, sectionUrlPath, tagPath } from '../../domain/urls.ts';
import { SectionTree } from '../../domain/sections.ts';
import { mediaUrl } from '../../domain/urls.ts';
import type { Store } from '../../store/index.ts';
import type { SlugLastPublished } from '../../store/sitemaps.ts';
import { pageCount, parseSitemapName, sitemapPath } from './names.ts';
import { sitemapIndex, urlset, type SitemapRef, type UrlEntry } from './xml.ts';

export interface SitemapSite {
  /** The primary origin, e.g. https://news.example. */
  origin: string;
  siteName: string;
  /** BCP 47 tag of the site's language. */
  language: string;
  /** Newsroom time zone: article URLs carry the date in it. */
  timezone: string;
}

export interface SitemapLimits {
  /** URLs per sitemap file (the protocol's limit is 50,000). */
  urlsPerFile: number;
  /** Entries in the news sitemap (Google's limit is 1,000). */
  newsItems: number;
  /** How far back the news sitemap reaches (Google: articles of the last two days). */
  newsWindowHours: number;
}

export const DEFAULT_LIMITS: SitemapLimits = { urlsPerFile: 50_000, newsItems: 1_000, newsWindowHours: 48 };

/** Google News wants an ISO 639 code, except zh-cn / zh-tw for Simplified / Traditional Chinese. */
export function newsLanguage(tag: string): string {
  const subtags = tag.toLowerCase().split('-');
  const primary = subtags[0]!;
  if (primary !== 'zh') return primary;
  return subtags.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo') ? 'zh-tw' : 'zh-cn';
}

/** robots.txt: the same on every origin, naming the primary's sitemaps. */
export function robotsTxt(primary: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /newsroom',
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${primary}/sitemap.xml`,
    `Sitemap: ${primary}/news-sitemap.xml`,
    '',
  ].join('\n');
}

const iso = (t: string) => new Date(t).toISOString();
const newest = (times: (string | undefined)[]) =>
  times.reduce<string | undefined>((a, b) => (b !== undefined && (a === undefined || b > a) ? b : a), undefined);

export function sitemapService(
  store: Store,
  site: SitemapSite,
  clock: () => Date = () => new Date(),
  limits: SitemapLimits = DEFAULT_LIMITS,
) {
  const abs = (path: string) => new URL(path, site.origin).href;
  const articleUrl = (r: { id: number; slug: string; section_path: string; first_published_at: string }) =>
    abs(articlePath({ id: r.id, slug: r.slug, sectionPath: r.section_path, firstPublishedAt: r.first_published_at }, site.timezone));
  const perFile = limits.urlsPerFile;

  /** The home page and every section whose page lists articles (its own or its subsections'). */
  async function sectionEntries(): Promise<UrlEntry[]> {
    const [sections, rows] = await Promise.all([store.taxonomy.allSections(), store.sitemaps.sectionsLastPublished()]);
    const tree = new SectionTree(sections);
    const own = new Map(rows.map((r) => [r.sectionId, iso(r.lastPublished)]));
    const entries: UrlEntry[] = [{ loc: abs('/'), lastmod: newest([...own.values()]) }];
    for (const s of sections) {
      const lastmod = newest(tree.subtreeIds(s.id).map((id) => own.get(id)));
      if (lastmod) entries.push({ loc: abs(sectionUrlPath(s.path)), lastmod });
    }
    return entries;
  }

  const slugEntries = (rows: SlugLastPublished[], path: (slug: string) => string): UrlEntry[] =>
    rows.map((r) => ({ loc: abs(path(r.slug)), lastmod: iso(r.lastPublished) }));

  return {
    /** /sitemap.xml: the sections file, the tag and author files, and each month's article files, newest first. */
    async index(): Promise<string> {
      const [months, sections, tags, authors] = await Promise.all([
        store.sitemaps.months(),
        sectionEntries(),
        store.sitemaps.tagSummary(),
        store.sitemaps.authorSummary(),
      ]);
      const refs: SitemapRef[] = [{ loc: abs(sitemapPath({ kind: 'sections', page: 1 })), lastmod: sections[0]!.lastmod }];
      for (const [kind, summary] of [
        ['tags', tags],
        ['authors', authors],
      ] as const) {
        if (summary.count === 0) continue;
        const lastmod = summary.lastPublished === null ? undefined : iso(summary.lastPublished);
        for (let page = 1; page <= pageCount(summary.count, perFile); page++) refs.push({ loc: abs(sitemapPath({ kind, page })), lastmod });
      }
      for (const m of months) {
        for (let page = 1; page <= pageCount(m.count, perFile); page++)
          refs.push({ loc: abs(sitemapPath({ kind: 'articles', month: m.month, page })), lastmod: iso(m.lastModified) });
      }
      return sitemapIndex(refs);
    },

    /** One file under /sitemaps/, or null when there is no such file (a malformed name, an empty month or page). */
    async file(name: string): Promise<string | null> {
      const f = parseSitemapName(name);
      if (!f) return null;
      const offset = (f.page - 1) * perFile;
      switch (f.kind) {
        case 'sections':
          return urlset(await sectionEntries());
        case 'tags': {
          const rows = await store.sitemaps.tagsPage(perFile, offset);
          return rows.length ? urlset(slugEntries(rows, tagPath)) : null;
        }
        case 'authors': {
          const rows = await store.sitemaps.authorsPage(perFile, offset);
          return rows.length ? urlset(slugEntries(rows, authorPath)) : null;
        }
        case 'articles': {
          const rows = await store.sitemaps.articlesInMonth(f.month, perFile, offset);
          if (rows.length === 0) return null;
          const entries = rows.map((r) => ({
            loc: articleUrl(r),
            lastmod: iso(r.updated_at ?? r.first_published_at),
            images: r.hero_file ? [abs(mediaUrl(r.hero_file))] : [],
          }));
          return urlset(entries, ['image']);
        }
      }
    },

    /**
     * /news-sitemap.xml: articles first published in the last `newsWindowHours`, newest first, at most
     * `newsItems`. With none it is an empty <urlset> (well-formed, though the XSD wants at least one <url>).
     */
    async news(): Promise<string> {
      const since = new Date(clock().getTime() - limits.newsWindowHours * 3_600_000).toISOString();
      const rows = await store.sitemaps.newsSince(since, limits.newsItems);
      const language = newsLanguage(site.language);
      const entries = rows.map((r) => ({
        loc: articleUrl(r),
        news: { publicationName: site.siteName, language, publicationDate: iso(r.first_published_at), title: r.headline },
      }));
      return urlset(entries, ['news']);
    },
  };
}

export type SitemapService = ReturnType<typeof sitemapService>;
