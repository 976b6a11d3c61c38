// Video articles for the TV-app feeds.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function tvQueries(db: Kysely<Database>) {
  return {
    /** Published articles that carry a video, newest first, with section path and tags (two queries). */
    async videoArticles(limit: number, onlyId?: number) {
      let q = db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.primary_section_id')
        .select([
          'a.id',
          'a.slug',
          'a.headline',
          'a.standfirst',
          'a.first_published_at',
          'a.modified_at',
          'a.video',
          'a.status',
          's.path as section_path',
          's.name as section_name',
        ])
        .where('a.video', 'is not', null)
        .orderBy('a.first_published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit);
      q = onlyId === undefined ? q.where('a.status', '=', 'published') : q.where('a.id', '=', onlyId);
      const rows = await q.execute();
      const ids = rows.map((r) => r.id);
      const tags = ids.length
        ? await db
            .selectFrom('article_tags as at')
            .innerJoin('tags as t', 't.id', 'at.tag_id')
            .select(['at.article_id', 't.name'])
            .where('at.article_id', 'in', ids)
            .orderBy('t.name')
            .execute()
        : [];
      return rows.map((r) => ({ ...r, tags: tags.filter((t) => t.article_id === r.id).map((t) => t.name) }));
    },
  };
}
