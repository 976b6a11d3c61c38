// The newsroom dashboard's lists: one indexed query each, a handful of rows, and one query for the bylines of
// every row shown. None of them grows with the archive:
// - my work: `articles_creator_status_modified (created_by, status, modified_at, id)` seeks the user's drafts and
//   stories in review (two ranges, merged by a sort of the user's unfinished work only);
// - the review queue: `articles_status_modified` gives the stories in review; the time each was submitted is its
//   latest transition into review (`article_transitions_article (article_id, at)`, one seek per story);
// - scheduled: `articles_scheduled (scheduled_at, id)` holds only what is due to go out (publication or a held
//   update: every other path clears scheduled_at), walked in time order;
// - recently published: `articles_status_published (status, first_published_at, id)`, walked newest first.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.ts';

export interface DashboardRow {
  id: number;
  headline: string;
  slug: string;
  status: string;
  kind: string;
  modified_at: string;
  scheduled_at: string | null;
  first_published_at: string | null;
  updated_at: string | null;
  held_revision: number | null;
  section_name: string;
  section_path: string;
  created_by: number | null;
  created_by_name: string | null;
}

export interface ReviewRow extends DashboardRow {
  /** When it was (last) submitted for review, and by whom; null for a story put in review by an import. */
  submitted_at: string | null;
  submitted_by_name: string | null;
}

export function dashboardQueries(db: Kysely<Database>) {
  const rows = () =>
    db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.primary_section_id')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .select([
        'a.id',
        'a.headline',
        'a.slug',
        'a.status',
        'a.kind',
        'a.modified_at',
        'a.scheduled_at',
        'a.first_published_at',
        'a.updated_at',
        'a.held_revision',
        's.name as section_name',
        's.path as section_path',
        'a.created_by',
        'u.name as created_by_name',
      ]);
  /** A writer sees their own articles and published ones (as the finder's visibleTo). */
  const visible = <Q extends SelectQueryBuilder<any, any, any>>(q: Q, visibleTo: number | undefined): Q =>
    visibleTo === undefined
      ? q
      : (q.where((eb: any) => eb.or([eb('a.created_by', '=', visibleTo), eb('a.status', '=', 'published')])) as Q);

  return {
    /** Drafts and stories in review created by the user, newest change first. */
    async myWork(userId: number, limit: number): Promise<DashboardRow[]> {
      return rows()
        .where('a.created_by', '=', userId)
        .where('a.status', 'in', ['draft', 'in_review'])
        .orderBy('a.modified_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
    },

    /** Stories in review, longest waiting first (the queue's order), with when and by whom they were submitted. */
    async reviewQueue(limit: number, visibleTo?: number): Promise<ReviewRow[]> {
      const q = rows()
        // The latest move into review: a seek per story on (article_id, at).
        .leftJoin('article_transitions as t', (join) =>
          join
            .onRef('t.article_id', '=', 'a.id')
            .on((eb) =>
              eb(
                't.id',
                '=',
                eb
                  .selectFrom('article_transitions as l')
                  .select('l.id')
                  .whereRef('l.article_id', '=', 'a.id')
                  .where('l.to_status', '=', 'in_review')
                  .orderBy('l.at', 'desc')
                  .orderBy('l.id', 'desc')
                  .limit(1),
              ),
            ),
        )
        .leftJoin('users as su', 'su.id', 't.user_id')
        .select(['t.at as submitted_at', 'su.name as submitted_by_name'])
        .where('a.status', '=', 'in_review');
      return visible(q, visibleTo)
        .orderBy((eb) => eb.fn.coalesce('t.at', 'a.modified_at'), 'asc')
        .orderBy('a.id', 'asc')
        .limit(limit)
        .execute();
    },

    /** What goes out next: scheduled publications and scheduled updates of live articles, soonest first. */
    async scheduled(limit: number, visibleTo?: number): Promise<DashboardRow[]> {
      const q = rows().where('a.scheduled_at', 'is not', null).where('a.status', 'in', ['scheduled', 'published']);
      return visible(q, visibleTo).orderBy('a.scheduled_at', 'asc').orderBy('a.id', 'asc').limit(limit).execute();
    },

    /** Live articles, newest first publication first. */
    async recentlyPublished(limit: number): Promise<DashboardRow[]> {
      return rows()
        .where('a.status', '=', 'published')
        .orderBy('a.first_published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
    },

    /** The bylines of these articles, in byline order. */
    async bylines(articleIds: number[]): Promise<Map<number, string[]>> {
      const byArticle = new Map<number, string[]>();
      if (articleIds.length === 0) return byArticle;
      const found = await db
        .selectFrom('article_authors as aa')
        .innerJoin('people as p', 'p.id', 'aa.person_id')
        .select(['aa.article_id', 'p.name'])
        .where('aa.article_id', 'in', articleIds)
        .orderBy('aa.article_id')
        .orderBy('aa.position')
        .execute();
      for (const r of found) byArticle.set(r.article_id, [...(byArticle.get(r.article_id) ?? []), r.name]);
      return byArticle;
    },
  };
}
