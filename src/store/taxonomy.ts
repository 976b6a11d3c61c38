// Sections, tags and people: the things articles are filed under and written by.
import type { Kysely } from 'kysely';
import type { Person, Section, Tag } from '../domain/model.ts';
import type { Database } from './schema.ts';

export function taxonomyQueries(db: Kysely<Database>) {
  return {
    async allSections(): Promise<Section[]> {
      const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        slug: r.slug,
        path: r.path,
        name: r.name,
        description: r.description,
        position: r.position,
      }));
    },

    async createSection(s: { parentId: number | null; slug: string; path: string; name: string; description: string; position: number }) {
      const row = await db
        .insertInto('sections')
        .values({ parent_id: s.parentId, slug: s.slug, path: s.path, name: s.name, description: s.description, position: s.position })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateSection(
      id: number,
      s: { parentId: number | null; slug: string; path: string; name: string; description: string; position: number },
    ) {
      await db
        .updateTable('sections')
        .set({ parent_id: s.parentId, slug: s.slug, path: s.path, name: s.name, description: s.description, position: s.position })
        .where('id', '=', id)
        .execute();
    },

    async setSectionPath(id: number, path: string) {
      await db.updateTable('sections').set({ path }).where('id', '=', id).execute();
    },

    /** Remembers an old path so links to it keep working after a rename or move. */
    async addSectionRedirect(oldPath: string, sectionId: number) {
      await db.deleteFrom('section_redirects').where('old_path', '=', oldPath).execute();
      await db.insertInto('section_redirects').values({ old_path: oldPath, section_id: sectionId }).execute();
    },

    async dropSectionRedirect(path: string) {
      await db.deleteFrom('section_redirects').where('old_path', '=', path).execute();
    },

    async sectionRedirect(oldPath: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('section_redirects as r')
        .innerJoin('sections as s', 's.id', 'r.section_id')
        .select('s.path')
        .where('r.old_path', '=', oldPath)
        .executeTakeFirst();
      return row?.path;
    },

    async tagBySlug(slug: string): Promise<Tag | undefined> {
      return db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    },

    /** Returns the id of the tag with this slug, creating it if needed. */
    async ensureTag(slug: string, name: string): Promise<number> {
      const existing = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
      if (existing) return existing.id;
      // A renamed or merged tag's old name (typed again, or in an older revision) means the tag it became.
      const moved = await db.selectFrom('tag_redirects').select('tag_id').where('old_slug', '=', slug).executeTakeFirst();
      if (moved) return moved.tag_id;
      // Two saves may add the same new tag at once: the second insert yields (it waits for the first on
      // PostgreSQL) and both read the one row, instead of the second failing on the unique slug.
      await db
        .insertInto('tags')
        .values({ slug, name })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      return (await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    },

    async personBySlug(slug: string): Promise<Person | undefined> {
      return db.selectFrom('people').select(['id', 'slug', 'name', 'title', 'bio']).where('slug', '=', slug).executeTakeFirst();
    },

    async peopleByIds(ids: number[]): Promise<Map<number, Person>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('people').select(['id', 'slug', 'name', 'title', 'bio']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r]));
    },

    async allPeople(): Promise<Person[]> {
      return db.selectFrom('people').select(['id', 'slug', 'name', 'title', 'bio']).orderBy('name').execute();
    },

    /** By name, a page at a time; `after` is the (name, id) of the last person of the previous page. */
    async people(page: { after?: [string, number]; limit: number }): Promise<Person[]> {
      let q = db.selectFrom('people').select(['id', 'slug', 'name', 'title', 'bio']).orderBy('name').orderBy('id').limit(page.limit);
      if (page.after) {
        const [name, id] = page.after;
        q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
      }
      return q.execute();
    },

    /** Changes what readers see of a person; the slug (their page's address) stays. */
    async updatePerson(id: number, p: Pick<Person, 'name' | 'title' | 'bio'>): Promise<boolean> {
      const r = await db.updateTable('people').set(p).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** The articles that carry a person's byline (whose pages a change to the person must purge). */
    async articleIdsByPerson(personId: number): Promise<number[]> {
      const rows = await db.selectFrom('article_authors').select('article_id').where('person_id', '=', personId).execute();
      return rows.map((r) => r.article_id);
    },

    async createPerson(p: Omit<Person, 'id'>): Promise<number> {
      const row = await db.insertInto('people').values(p).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
