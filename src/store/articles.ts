// Article queries: writing an article with its relations, and the public listings that read them.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ArticleKind } from '../domain/article.ts';
import { contentColumns, writeRelations, type NewArticle } from './article-writes.ts';
import type { ArticleSummary, MediaVariant, Person, Tag } from '../domain/model.ts';
import type { Database } from './schema.ts';
import type { SearchIndex } from './search.ts';

export type { NewArticle };

/** How many of each tag's newest articles are considered for "related" (see related()). */
const RELATED_CANDIDATES = 200;

/** A page of a listing: rows plus whether another page follows. */
export interface Slice<T> {
  items: T[];
  hasMore: boolean;
}

/**
 * Which slice of a newest-first listing: by position (offset, for hand-typed page numbers), or after a
 * cursor, the id of an article on the neighbouring page (keyset: an index seek however deep the page, so
 * page 500 of a big section costs what page 2 does). `before` = older than that article; `after` = newer.
 */
export interface PageRequest {
  limit: number;
  offset?: number;
  before?: number;
  after?: number;
}

/** The columns every listing shows (article, primary section, hero), whatever the status filter. */
export function summaryColumns(db: Kysely<Database>) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.primary_section_id')
    .leftJoin('media as m', 'm.id', 'a.hero_media_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.standfirst',
      'a.kind',
      'a.first_published_at',
      'a.updated_at',
      'a.hero_alt',
      'a.hero_caption',
      'a.hero_credit',
      's.path as section_path',
      's.name as section_name',
      'm.id as media_id',
      'm.original_file as media_file',
      'm.mime as media_mime',
      'm.width as media_width',
      'm.height as media_height',
      'm.credit as media_credit',
      'm.variants as media_variants',
    ]);
}

function summarySelect(db: Kysely<Database>) {
  return summaryColumns(db).where('a.status', '=', 'published');
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>['execute']>>[number];

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    standfirst: r.standfirst,
    kind: r.kind as ArticleKind,
    sectionPath: r.section_path,
    sectionName: r.section_name,
    firstPublishedAt: r.first_published_at!,
    updatedAt: r.updated_at,
    hero:
      r.media_id === null
        ? null
        : {
            id: r.media_id,
            file: r.media_file!,
            mime: r.media_mime!,
            width: r.media_width!,
            height: r.media_height!,
            alt: r.hero_alt,
            caption: r.hero_caption,
            credit: r.hero_credit || r.media_credit!,
            variants: JSON.parse(r.media_variants!) as MediaVariant[],
          },
  };
}

/**
 * Runs a newest-first listing. hasMore says whether the list goes on in the direction read: older items
 * normally, newer ones when reading `after` a cursor.
 */
async function page<Q extends SelectQueryBuilder<any, any, SummaryRow>>(
  db: Kysely<Database>,
  q: Q,
  req: PageRequest,
): Promise<Slice<ArticleSummary>> {
  const cursor = req.before ?? req.after;
  const newerFirst = req.after === undefined;
  let query: SelectQueryBuilder<any, any, SummaryRow> = q;
  if (cursor !== undefined) {
    // (first_published_at, id) beyond the cursor's, written so both databases seek the listing index.
    const at = db.selectFrom('articles').select('first_published_at').where('id', '=', cursor);
    const [cmp, strict] = newerFirst ? (['<=', '<'] as const) : (['>=', '>'] as const);
    query = query.where((eb) =>
      eb.and([eb('a.first_published_at', cmp, at), eb.or([eb('a.first_published_at', strict, at), eb('a.id', strict, cursor)])]),
    );
  }
  const direction = newerFirst ? 'desc' : 'asc';
  const rows = await query
    .orderBy('a.first_published_at', direction)
    .orderBy('a.id', direction)
    .limit(req.limit + 1)
    .offset(cursor === undefined ? (req.offset ?? 0) : 0)
    .execute();
  const items = rows.slice(0, req.limit);
  if (!newerFirst) items.reverse();
  return { items: items.map(toSummary), hasMore: rows.length > req.limit };
}

export function articleQueries(db: Kysely<Database>, search: SearchIndex) {
  return {
    /** Inserts an article with its sections, authors, tags and search entry; call inside a transaction. */
    async create(a: NewArticle, now: string): Promise<number> {
      const { id } = await db
        .insertInto('articles')
        .values({
          ...contentColumns({ ...a, seoTitle: '', seoDescription: '', video: a.video ?? null }),
          status: a.status,
          first_published_at: a.firstPublishedAt,
          updated_at: a.updatedAt,
          // An article stored whole (the demo, the synthetic archive) was last changed when it was last updated
          // or first published, not when it was loaded: the newsroom's lists and "Last change" say so.
          modified_at: a.modifiedAt ?? a.updatedAt ?? a.firstPublishedAt ?? now,
          created_at: a.createdAt ?? a.firstPublishedAt ?? now,
          scheduled_at: a.scheduledAt ?? null,
          revision: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeRelations(db, search, id, a);
      return id;
    },

    /** One article, whatever its status (callers decide what readers may see): summary columns plus the rest. */
    async byId(id: number) {
      return summaryColumns(db)
        .select(['a.status', 'a.body', 'a.seo_title', 'a.seo_description', 'a.primary_section_id', 'a.modified_at', 'a.video'])
        .where('a.id', '=', id)
        .executeTakeFirst();
    },

    async authorsOf(articleId: number): Promise<Person[]> {
      return db
        .selectFrom('article_authors as aa')
        .innerJoin('people as p', 'p.id', 'aa.person_id')
        .select(['p.id', 'p.slug', 'p.name', 'p.title', 'p.bio'])
        .where('aa.article_id', '=', articleId)
        .orderBy('aa.position')
        .execute();
    },

    async tagsOf(articleId: number): Promise<Tag[]> {
      return db
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .select(['t.id', 't.slug', 't.name'])
        .where('at.article_id', '=', articleId)
        .orderBy('t.name')
        .execute();
    },

    latest(req: PageRequest, excludeIds: number[] = []): Promise<Slice<ArticleSummary>> {
      let q = summarySelect(db);
      if (excludeIds.length) q = q.where('a.id', 'not in', excludeIds);
      return page(db, q, req);
    },

    /** Published articles filed in any of these sections (primary or secondary). */
    inSections(sectionIds: number[], req: PageRequest): Promise<Slice<ArticleSummary>> {
      if (sectionIds.length === 0) return Promise.resolve({ items: [], hasMore: false });
      // EXISTS walks the newest published articles and stops at the page's end: sections are large (a top-level
      // section holds its subtree), where IN would first collect every article ever filed there (53 ms → 0.05
      // ms for /news on 100k articles). A tiny section in a huge archive is the slow case (docs/ARCHITECTURE.md).
      const q = summarySelect(db).where(({ exists, selectFrom }) =>
        exists(
          selectFrom('article_sections as x')
            .select('x.article_id')
            .whereRef('x.article_id', '=', 'a.id')
            .where('x.section_id', 'in', sectionIds),
        ),
      );
      return page(db, q, req);
    },

    withTag(tagId: number, req: PageRequest): Promise<Slice<ArticleSummary>> {
      const q = summarySelect(db).where('a.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId));
      return page(db, q, req);
    },

    byAuthor(personId: number, req: PageRequest): Promise<Slice<ArticleSummary>> {
      const q = summarySelect(db).where(
        'a.id',
        'in',
        db.selectFrom('article_authors').select('article_id').where('person_id', '=', personId),
      );
      return page(db, q, req);
    },

    /** Published summaries for these ids, in the order given. */
    async summariesByIds(ids: number[]): Promise<ArticleSummary[]> {
      if (ids.length === 0) return [];
      const rows = await summarySelect(db).where('a.id', 'in', ids).execute();
      const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /**
     * Published articles sharing the most tags with this one, newest first among equals. Candidates are the
     * newest RELATED_CANDIDATES articles of each tag (an index range per tag), so a tag on 50,000 articles
     * costs what a rare one does.
     */
    /** Ids of published articles sharing the most tags with this one, newest first among equals. */
    async relatedIds(articleId: number, tagIds: number[], limit: number): Promise<number[]> {
      if (tagIds.length === 0) return [];
      const perTag = tagIds
        .slice(0, 12)
        .map((tagId, i) =>
          db
            .selectFrom(
              db
                .selectFrom('article_tags')
                .select('article_id')
                .where('tag_id', '=', tagId)
                .where('article_id', '!=', articleId)
                .orderBy('article_id', 'desc')
                .limit(RELATED_CANDIDATES)
                .as(`t${i}`),
            )
            .select(`t${i}.article_id as id`),
        );
      const union = perTag.slice(1).reduce((all, q) => all.unionAll(q), perTag[0]!);
      const candidates = db
        .selectFrom(union.as('u'))
        .select(['u.id', (eb) => eb.fn.countAll<number>().as('shared')])
        .groupBy('u.id')
        .as('c');
      const rows = await db
        .selectFrom(candidates)
        // CROSS JOIN keeps SQLite's join order (candidates first, then one key lookup each) instead of walking
        // every published article; PostgreSQL plans it like the inner join it is.
        .crossJoin('articles as a')
        .whereRef('a.id', '=', 'c.id')
        .select(['a.id', 'c.shared'])
        .where('a.status', '=', 'published')
        .orderBy('c.shared', 'desc')
        .orderBy('a.first_published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
