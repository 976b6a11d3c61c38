// The newsroom's article finder: every article whatever its status, by words in its headline, standfirst or
// body, narrowed by status, sections, author, kind, tag and a time range, in one of three orders, a page at a
// time (keyset: the sort value and id of the last row seen).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { SearchIndex } from './search.ts';

export type FinderSort = 'modified' | 'published' | 'created';

export interface FinderFilter {
  /** Search words (already split by searchTokens); every one must be in the article. */
  words?: string[];
  status?: string;
  /** Articles in any of these sections (a section and its sub-sections). */
  sectionIds?: number[];
  personId?: number;
  kind?: string;
  tagId?: number;
  /** The sort column's range, as ISO times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  createdBy?: number;
  /** A writer's view: their own articles and published ones. */
  visibleTo?: number;
  editedByOthersThan?: number;
  sort?: FinderSort;
  /** The (sort value, id) of the last row of the previous page. */
  before?: [string | number, number];
  limit: number;
}

const SORT_COLUMN = { modified: 'a.modified_at', published: 'a.first_published_at', created: 'a.id' } as const;

export function finderQueries(db: Kysely<Database>, search: SearchIndex) {
  return {
    async find(f: FinderFilter) {
      const sort = SORT_COLUMN[f.sort ?? 'modified'];
      // The page's ids first, from the indexes alone where the filters allow (an article's row is large: reading
      // thousands of them to reject most cost 185 ms for a tag on a million articles), then their rows.
      let q = db.selectFrom('articles as a').select('a.id').orderBy(sort, 'desc').orderBy('a.id', 'desc').limit(f.limit);
      if (f.words?.length) {
        const words = await search.matching(db, f.words, 'a.id');
        if (!words) return [];
        q = q.where(words);
      }
      if (f.status) q = q.where('a.status', '=', f.status);
      if (f.kind) q = q.where('a.kind', '=', f.kind);
      if (f.sort === 'published') q = q.where('a.first_published_at', 'is not', null);
      // The time range applies to the order's time: last change, first publication, or creation.
      const range = f.sort === 'created' ? 'a.created_at' : sort;
      if (f.from) q = q.where(range, '>=', f.from);
      if (f.to) q = q.where(range, '<', f.to);
      if (f.sectionIds?.length) {
        const ids = f.sectionIds;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_sections as x')
              .select('x.article_id')
              .whereRef('x.article_id', '=', 'a.id')
              .where('x.section_id', 'in', ids),
          ),
        );
      }
      if (f.personId !== undefined) {
        const id = f.personId;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_authors as x')
              .select('x.article_id')
              .whereRef('x.article_id', '=', 'a.id')
              .where('x.person_id', '=', id),
          ),
        );
      }
      if (f.tagId !== undefined) {
        const id = f.tagId;
        q = q.where((eb) =>
          eb.exists(
            eb.selectFrom('article_tags as x').select('x.article_id').whereRef('x.article_id', '=', 'a.id').where('x.tag_id', '=', id),
          ),
        );
      }
      if (f.createdBy !== undefined) q = q.where('a.created_by', '=', f.createdBy);
      if (f.visibleTo !== undefined) {
        const me = f.visibleTo;
        q = q.where((eb) => eb.or([eb('a.created_by', '=', me), eb('a.status', '=', 'published')]));
      }
      if (f.editedByOthersThan !== undefined) {
        const me = f.editedByOthersThan;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('revisions as r')
              .select('r.id')
              .whereRef('r.article_id', '=', 'a.id')
              .whereRef('r.number', '=', 'a.revision')
              .where('r.user_id', '!=', me),
          ),
        );
      }
      if (f.before) {
        const [value, id] = f.before;
        // A row value: an index range from the cursor on, rather than a walk from the top that skips the pages before.
        q = q.where((eb) => eb(eb.refTuple(sort, 'a.id'), '<', eb.tuple(value, id)));
      }
      return (
        db
          .selectFrom(q.as('page'))
          // CROSS JOIN keeps the page first (SQLite otherwise walks every article in the order's index to meet it).
          .crossJoin('articles as a')
          .whereRef('a.id', '=', 'page.id')
          .innerJoin('sections as s', 's.id', 'a.primary_section_id')
          .leftJoin('users as u', 'u.id', 'a.created_by')
          .select([
            'a.id',
            'a.headline',
            'a.status',
            'a.kind',
            'a.revision',
            'a.held_revision',
            'a.modified_at',
            'a.scheduled_at',
            'a.first_published_at',
            'a.created_by',
            's.name as section_name',
            'u.name as created_by_name',
          ])
          .orderBy(sort, 'desc')
          .orderBy('a.id', 'desc')
          .execute()
      );
    },
  };
}
