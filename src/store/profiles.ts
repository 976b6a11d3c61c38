// Authors as managed records: the profile (photo, links) their page shows, old addresses that redirect, and
// merging one author into another. Bylines (article_authors) keep their order through a merge.
import type { Kysely, Selectable } from 'kysely';
import { parseLinks, type PersonLink, type PersonProfile } from '../domain/people.ts';
import { toMediaRef } from './media.ts';
import type { Database, MediaTable } from './schema.ts';

export interface ProfileChange {
  slug: string;
  name: string;
  title: string;
  bio: string;
  photoMediaId: number | null;
  links: PersonLink[];
}

function profiles(db: Kysely<Database>) {
  return db
    .selectFrom('people as p')
    .leftJoin('media as m', 'm.id', 'p.photo_media_id')
    .select(['p.id', 'p.slug', 'p.name', 'p.title', 'p.bio', 'p.photo_media_id', 'p.links'])
    .select([
      'm.id as m_id',
      'm.original_file',
      'm.mime',
      'm.width',
      'm.height',
      'm.alt',
      'm.caption',
      'm.credit',
      'm.variants',
      'm.created_at',
      'm.uploaded_by',
    ]);
}

type ProfileRow = Awaited<ReturnType<ReturnType<typeof profiles>['execute']>>[number];

function toProfile(r: ProfileRow): PersonProfile {
  const photo = r.m_id === null ? null : toMediaRef({ ...(r as unknown as Selectable<MediaTable>), id: r.m_id });
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    title: r.title,
    bio: r.bio,
    photoMediaId: r.photo_media_id,
    photo,
    links: parseLinks(r.links),
  };
}

export function profileQueries(db: Kysely<Database>) {
  return {
    async bySlug(slug: string): Promise<PersonProfile | undefined> {
      const r = await profiles(db).where('p.slug', '=', slug).executeTakeFirst();
      return r && toProfile(r);
    },

    async byId(id: number): Promise<PersonProfile | undefined> {
      const r = await profiles(db).where('p.id', '=', id).executeTakeFirst();
      return r && toProfile(r);
    },

    /** By name, a page at a time; `after` is the (name, id) of the last person of the previous page. */
    async page(p: { after?: [string, number]; limit: number }): Promise<PersonProfile[]> {
      let q = profiles(db).orderBy('p.name').orderBy('p.id').limit(p.limit);
      if (p.after) {
        const [name, id] = p.after;
        q = q.where((eb) => eb.or([eb('p.name', '>', name), eb.and([eb('p.name', '=', name), eb('p.id', '>', id)])]));
      }
      return (await q.execute()).map(toProfile);
    },

    async update(id: number, c: ProfileChange): Promise<boolean> {
      const r = await db
        .updateTable('people')
        .set({ slug: c.slug, name: c.name, title: c.title, bio: c.bio, photo_media_id: c.photoMediaId, links: JSON.stringify(c.links) })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /**
     * Remembers an old address. A redirect that only said "renamed" yields to a new one; one that records a
     * merge keeps its row (older revisions find the merged author through it) and is merely shadowed while a
     * live author has the slug, since a live slug is always looked up first.
     */
    async addRedirect(oldSlug: string, personId: number, mergedId: number | null = null) {
      await db.deleteFrom('person_redirects').where('old_slug', '=', oldSlug).where('merged_id', 'is', null).execute();
      if (mergedId !== null) await db.deleteFrom('person_redirects').where('old_slug', '=', oldSlug).execute();
      await db
        .insertInto('person_redirects')
        .values({ old_slug: oldSlug, person_id: personId, merged_id: mergedId })
        .onConflict((oc) => oc.column('old_slug').doNothing())
        .execute();
    },

    /** The address an old author address now leads to. */
    async redirect(oldSlug: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('person_redirects as r')
        .innerJoin('people as p', 'p.id', 'r.person_id')
        .select('p.slug')
        .where('r.old_slug', '=', oldSlug)
        .executeTakeFirst();
      return row?.slug;
    },

    /** For ids of authors merged away: the author each now is. */
    async mergedInto(ids: number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('person_redirects').select(['merged_id', 'person_id']).where('merged_id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.merged_id!, r.person_id]));
    },

    /** How many articles carry each of these authors' bylines. */
    async bylineCount(personId: number): Promise<number> {
      const r = await db
        .selectFrom('article_authors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * Moves every byline, user link and old address of `from` to `into`, then removes `from`. An article that
     * had both keeps only `into`'s byline, where it was; elsewhere `into` takes `from`'s place in the order.
     */
    async merge(from: { id: number; slug: string }, intoId: number): Promise<void> {
      const both = db.selectFrom('article_authors').select('article_id').where('person_id', '=', intoId);
      await db.deleteFrom('article_authors').where('person_id', '=', from.id).where('article_id', 'in', both).execute();
      await db.updateTable('article_authors').set({ person_id: intoId }).where('person_id', '=', from.id).execute();
      await db.updateTable('users').set({ person_id: intoId }).where('person_id', '=', from.id).execute();
      await db.updateTable('person_redirects').set({ person_id: intoId }).where('person_id', '=', from.id).execute();
      await db.deleteFrom('person_redirects').where('old_slug', '=', from.slug).execute();
      await db.insertInto('person_redirects').values({ old_slug: from.slug, person_id: intoId, merged_id: from.id }).execute();
      await db.deleteFrom('people').where('id', '=', from.id).execute();
    },
  };
}
