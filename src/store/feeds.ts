// Queries behind the syndication feeds (src/distribution/feeds) and their WebSub notices
// (src/services/websub). A feed of 50 items costs a fixed number of queries, whatever its size: the items with
// their bodies, then the authors and the tags of all of them at once.
import type { Kysely } from 'kysely';
import type { ArticleSummary, Person, Tag } from '../domain/model.ts';
import { summaryColumns, toSummary } from './articles.ts';
import type { Database } from './schema.ts';

/** Which published articles a feed covers. */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'sections'; ids: number[] }
  | { kind: 'tag'; id: number }
  | { kind: 'author'; id: number };

export interface FeedRow {
  summary: ArticleSummary;
  /** The stored body (JSON blocks). */
  body: string;
}

/** Where an article is filed, whatever its status: the feeds that change when it does. */
export interface FeedMemberships {
  sectionIds: number[];
  tagSlugs: string[];
  authorSlugs: string[];
}

function groupBy<T extends { article_id: number }, V>(rows: T[], value: (row: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const row of rows) {
    const list = out.get(row.article_id) ?? [];
    list.push(value(row));
    out.set(row.article_id, list);
  }
  return out;
}

export function feedQueries(db: Kysely<Database>) {
  return {
    /** The newest `limit` published articles in `scope`, newest first, with their bodies: one query. */
    async latest(scope: FeedScope, limit: number): Promise<FeedRow[]> {
      if (scope.kind === 'sections' && scope.ids.length === 0) return [];
      let q = summaryColumns(db).select('a.body').where('a.status', '=', 'published');
      if (scope.kind === 'sections') {
        q = q.where('a.id', 'in', db.selectFrom('article_sections').select('article_id').where('section_id', 'in', scope.ids));
      } else if (scope.kind === 'tag') {
        q = q.where('a.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag_id', '=', scope.id));
      } else if (scope.kind === 'author') {
        q = q.where('a.id', 'in', db.selectFrom('article_authors').select('article_id').where('person_id', '=', scope.id));
      }
      const rows = await q.orderBy('a.first_published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ summary: toSummary(r), body: r.body }));
    },

    /** Bylines of these articles, in byline order: one query. */
    async authorsOf(articleIds: number[]): Promise<Map<number, Person[]>> {
      if (articleIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('article_authors as aa')
        .innerJoin('people as p', 'p.id', 'aa.person_id')
        .select(['aa.article_id', 'p.id', 'p.slug', 'p.name', 'p.title', 'p.bio'])
        .where('aa.article_id', 'in', articleIds)
        .orderBy('aa.article_id')
        .orderBy('aa.position')
        .execute();
      return groupBy(rows, ({ article_id: _a, ...person }) => person);
    },

    /** Tags of these articles, by name: one query. */
    async tagsOf(articleIds: number[]): Promise<Map<number, Tag[]>> {
      if (articleIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .select(['at.article_id', 't.id', 't.slug', 't.name'])
        .where('at.article_id', 'in', articleIds)
        .orderBy('at.article_id')
        .orderBy('t.name')
        .execute();
      return groupBy(rows, ({ article_id: _a, ...tag }) => tag);
    },

    /** The sections, tags and authors an article is filed under (any status: a withdrawn article leaves feeds too). */
    async memberships(articleId: number): Promise<FeedMemberships> {
      const [sections, tags, authors] = await Promise.all([
        db.selectFrom('article_sections').select('section_id').where('article_id', '=', articleId).execute(),
        db
          .selectFrom('article_tags as at')
          .innerJoin('tags as t', 't.id', 'at.tag_id')
          .select('t.slug')
          .where('at.article_id', '=', articleId)
          .execute(),
        db
          .selectFrom('article_authors as aa')
          .innerJoin('people as p', 'p.id', 'aa.person_id')
          .select('p.slug')
          .where('aa.article_id', '=', articleId)
          .execute(),
      ]);
      return { sectionIds: sections.map((r) => r.section_id), tagSlugs: tags.map((r) => r.slug), authorSlugs: authors.map((r) => r.slug) };
    },
  };
}
