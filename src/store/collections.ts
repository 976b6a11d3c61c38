// Curated collections (Editor's Choice, Top stories): ordered article lists with optional time windows.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function collectionQueries(db: Kysely<Database>) {
  return {
    async create(slug: string, name: string): Promise<number> {
      const row = await db.insertInto('collections').values({ slug, name }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async bySlug(slug: string) {
      return db.selectFrom('collections').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    },

    async all() {
      return db.selectFrom('collections').select(['id', 'slug', 'name']).orderBy('name').execute();
    },

    /** Every entry with its window, whatever its status or time: what editors curate. */
    async entries(collectionId: number) {
      return db
        .selectFrom('collection_items as ci')
        .innerJoin('articles as a', 'a.id', 'ci.article_id')
        .select(['ci.article_id', 'ci.position', 'ci.starts_at', 'ci.ends_at', 'a.headline', 'a.status'])
        .where('ci.collection_id', '=', collectionId)
        .orderBy('ci.position')
        .execute();
    },

    async setItems(collectionId: number, items: { articleId: number; startsAt?: string | null; endsAt?: string | null }[]) {
      await db.deleteFrom('collection_items').where('collection_id', '=', collectionId).execute();
      if (items.length === 0) return;
      await db
        .insertInto('collection_items')
        .values(
          items.map((it, position) => ({
            collection_id: collectionId,
            article_id: it.articleId,
            position,
            starts_at: it.startsAt ?? null,
            ends_at: it.endsAt ?? null,
          })),
        )
        .execute();
    },

    /** Article ids currently shown in a collection, in curated order (entries outside their window are left out). */
    async activeArticleIds(slug: string, now: string, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('collection_items as ci')
        .innerJoin('collections as c', 'c.id', 'ci.collection_id')
        .innerJoin('articles as a', 'a.id', 'ci.article_id')
        .select('ci.article_id')
        .where('c.slug', '=', slug)
        .where('a.status', '=', 'published')
        .where((eb) => eb.or([eb('ci.starts_at', 'is', null), eb('ci.starts_at', '<=', now)]))
        .where((eb) => eb.or([eb('ci.ends_at', 'is', null), eb('ci.ends_at', '>', now)]))
        .orderBy('ci.position')
        .limit(limit)
        .execute();
      return rows.map((r) => r.article_id);
    },
  };
}
