// Tags as managed records: the newsroom's list (with how many articles carry each), renames, descriptions,
// old addresses that redirect, and merging one tag into another.
import type { Kysely } from 'kysely';
import type { TagProfile } from '../domain/people.ts';
import type { Database } from './schema.ts';

export interface TagListed extends TagProfile {
  /** Articles of any status that carry the tag. */
  articleCount: number;
}

export function tagQueries(db: Kysely<Database>) {
  return {
    /**
     * By name, a page at a time, optionally only names or slugs containing `q`; each tag's count is one index
     * range (article_tags_tag), read for the page's tags only.
     */
    async page(p: { q?: string; after?: [string, number]; limit: number }): Promise<TagListed[]> {
      let q = db
        .selectFrom('tags as t')
        .select(['t.id', 't.slug', 't.name', 't.description'])
        .select((eb) =>
          eb
            .selectFrom('article_tags as at')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('at.tag_id', '=', 't.id')
            .as('article_count'),
        )
        .orderBy('t.name')
        .orderBy('t.id')
        .limit(p.limit);
      if (p.q) {
        // Wildcards are dropped rather than escaped (ESCAPE differs between the dialects), as in media search.
        const like = `%${p.q.toLowerCase().replace(/[\\%_\u0000]/g, '')}%`;
        q = q.where((eb) => eb.or([eb(eb.fn('lower', ['t.name']), 'like', like), eb('t.slug', 'like', like)]));
      }
      if (p.after) {
        const [name, id] = p.after;
        q = q.where((eb) => eb.or([eb('t.name', '>', name), eb.and([eb('t.name', '=', name), eb('t.id', '>', id)])]));
      }
      return (await q.execute()).map((r) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        description: r.description,
        articleCount: Number(r.article_count ?? 0),
      }));
    },

    async articleCount(tagId: number): Promise<number> {
      const r = await db
        .selectFrom('article_tags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tag_id', '=', tagId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async byId(id: number): Promise<TagProfile | undefined> {
      return db.selectFrom('tags').select(['id', 'slug', 'name', 'description']).where('id', '=', id).executeTakeFirst();
    },

    async bySlug(slug: string): Promise<TagProfile | undefined> {
      return db.selectFrom('tags').select(['id', 'slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst();
    },

    async update(id: number, t: { slug: string; name: string; description: string }): Promise<boolean> {
      const r = await db
        .updateTable('tags')
        .set({ slug: t.slug, name: t.name, description: t.description })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Remembers an old address; a tag that takes the slug again simply shadows it (live slugs come first). */
    async addRedirect(oldSlug: string, tagId: number) {
      await db.deleteFrom('tag_redirects').where('old_slug', '=', oldSlug).execute();
      await db.insertInto('tag_redirects').values({ old_slug: oldSlug, tag_id: tagId }).execute();
    },

    /** The tag an old address now leads to. */
    async redirect(oldSlug: string): Promise<{ id: number; slug: string } | undefined> {
      return db
        .selectFrom('tag_redirects as r')
        .innerJoin('tags as t', 't.id', 'r.tag_id')
        .select(['t.id', 't.slug'])
        .where('r.old_slug', '=', oldSlug)
        .executeTakeFirst();
    },

    /** Articles (any status) carrying the tag, at most `limit`: whose pages a change must purge. */
    async articleIds(tagId: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', '=', tagId)
        .orderBy('article_id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.article_id);
    },

    /** Gives `from`'s articles the tag `into` (once each), points its old addresses at `into`, removes it. */
    async merge(from: { id: number; slug: string }, intoId: number): Promise<void> {
      const both = db.selectFrom('article_tags').select('article_id').where('tag_id', '=', intoId);
      await db.deleteFrom('article_tags').where('tag_id', '=', from.id).where('article_id', 'in', both).execute();
      await db.updateTable('article_tags').set({ tag_id: intoId }).where('tag_id', '=', from.id).execute();
      await db.updateTable('tag_redirects').set({ tag_id: intoId }).where('tag_id', '=', from.id).execute();
      await db.deleteFrom('tag_redirects').where('old_slug', '=', from.slug).execute();
      await db.insertInto('tag_redirects').values({ old_slug: from.slug, tag_id: intoId }).execute();
      await db.deleteFrom('tags').where('id', '=', from.id).execute();
    },
  };
}
