// Queries behind the XML sitemaps (src/distribution/sitemaps): grouped summaries for the sitemap index and the
// rows of each sitemap file. Only published articles count. The one dialect difference, turning a timestamp into
// its UTC year-month, is kept here.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './db.ts';
import type { Database } from './schema.ts';

export interface MonthSummary {
  /** "YYYY-MM" (UTC) of first publication. */
  month: string;
  /** Published articles first published that month. */
  count: number;
  /** Latest modified_at among them: the last time anything in that month's sitemap could have changed. */
  lastModified: string;
}

export interface ArticleLocRow {
  id: number;
  slug: string;
  section_path: string;
  first_published_at: string;
  updated_at: string | null;
  /** The hero picture's original file (relative to the media directory), if any. */
  hero_file: string | null;
}

export interface NewsRow {
  id: number;
  slug: string;
  section_path: string;
  headline: string;
  first_published_at: string;
}

/** A tag or author page: its slug and the first publication time of its newest article. */
export interface SlugLastPublished {
  slug: string;
  lastPublished: string;
}

export interface FamilySummary {
  count: number;
  lastPublished: string | null;
}

/** "YYYY-MM" → [start, end) as ISO instants in UTC. */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1));
  const end = new Date(Date.UTC(y, m, 1));
  return [start.toISOString(), end.toISOString()];
}

export function sitemapQueries(db: Kysely<Database>, dialect: Dialect) {
  const yearMonth =
    dialect === 'postgres'
      ? sql<string>`to_char(a.first_published_at at time zone 'UTC', 'YYYY-MM')`
      : sql<string>`substr(a.first_published_at, 1, 7)`;

  const published = () => db.selectFrom('articles as a').where('a.status', '=', 'published').where('a.first_published_at', 'is not', null);

  return {
    /** Every month with published articles, newest first. */
    async months(): Promise<MonthSummary[]> {
      const rows = await published()
        .select([
          yearMonth.as('month'),
          (eb) => eb.fn.countAll<number>().as('count'),
          (eb) => eb.fn.max('a.modified_at').as('last_modified'),
        ])
        .groupBy(yearMonth)
        .orderBy(yearMonth, 'desc')
        .execute();
      return rows.map((r) => ({ month: r.month, count: Number(r.count), lastModified: r.last_modified }));
    },

    /** Published articles first published in this UTC month, oldest first (so pages stay stable as the month fills). */
    async articlesInMonth(month: string, limit: number, offset: number): Promise<ArticleLocRow[]> {
      const [start, end] = monthRange(month);
      const rows = await published()
        .innerJoin('sections as s', 's.id', 'a.primary_section_id')
        .leftJoin('media as m', 'm.id', 'a.hero_media_id')
        .select(['a.id', 'a.slug', 's.path as section_path', 'a.first_published_at', 'a.updated_at', 'm.original_file as hero_file'])
        .where('a.first_published_at', '>=', start)
        .where('a.first_published_at', '<', end)
        .orderBy('a.first_published_at')
        .orderBy('a.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({ ...r, first_published_at: r.first_published_at! }));
    },

    /** Articles first published at or after `since`, newest first, at most `limit`. */
    async newsSince(since: string, limit: number): Promise<NewsRow[]> {
      const rows = await published()
        .innerJoin('sections as s', 's.id', 'a.primary_section_id')
        .select(['a.id', 'a.slug', 's.path as section_path', 'a.headline', 'a.first_published_at'])
        .where('a.first_published_at', '>=', since)
        .orderBy('a.first_published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, first_published_at: r.first_published_at! }));
    },

    /** Per section (the ones an article is filed in, primary or not): its newest article's first publication. */
    async sectionsLastPublished(): Promise<{ sectionId: number; lastPublished: string }[]> {
      const rows = await published()
        .innerJoin('article_sections as x', 'x.article_id', 'a.id')
        .select(['x.section_id', (eb) => eb.fn.max('a.first_published_at').as('last')])
        .groupBy('x.section_id')
        .execute();
      return rows.map((r) => ({ sectionId: r.section_id, lastPublished: r.last! }));
    },

    /** How many tags have published articles, and the newest of those articles. */
    async tagSummary(): Promise<FamilySummary> {
      const row = await published()
        .innerJoin('article_tags as x', 'x.article_id', 'a.id')
        .select([(eb) => eb.fn.count<number>('x.tag_id').distinct().as('count'), (eb) => eb.fn.max('a.first_published_at').as('last')])
        .executeTakeFirst();
      return { count: Number(row?.count ?? 0), lastPublished: row?.last ?? null };
    },

    /** Tags with published articles, by slug. */
    async tagsPage(limit: number, offset: number): Promise<SlugLastPublished[]> {
      const rows = await published()
        .innerJoin('article_tags as x', 'x.article_id', 'a.id')
        .innerJoin('tags as t', 't.id', 'x.tag_id')
        .select(['t.slug', (eb) => eb.fn.max('a.first_published_at').as('last')])
        .groupBy(['t.id', 't.slug'])
        .orderBy('t.slug')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({ slug: r.slug, lastPublished: r.last! }));
    },

    /** How many people have bylines on published articles, and the newest of those articles. */
    async authorSummary(): Promise<FamilySummary> {
      const row = await published()
        .innerJoin('article_authors as x', 'x.article_id', 'a.id')
        .select([(eb) => eb.fn.count<number>('x.person_id').distinct().as('count'), (eb) => eb.fn.max('a.first_published_at').as('last')])
        .executeTakeFirst();
      return { count: Number(row?.count ?? 0), lastPublished: row?.last ?? null };
    },

    /** People with bylines on published articles, by slug. */
    async authorsPage(limit: number, offset: number): Promise<SlugLastPublished[]> {
      const rows = await published()
        .innerJoin('article_authors as x', 'x.article_id', 'a.id')
        .innerJoin('people as p', 'p.id', 'x.person_id')
        .select(['p.slug', (eb) => eb.fn.max('a.first_published_at').as('last')])
        .groupBy(['p.id', 'p.slug'])
        .orderBy('p.slug')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({ slug: r.slug, lastPublished: r.last! }));
    },
  };
}

export type SitemapQueries = ReturnType<typeof sitemapQueries>;
