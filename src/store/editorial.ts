// Newsroom writes on articles: guarded updates (no lost update), revisions, workflow history, corrections,
// and soft locks. Every method is meant to run inside store.transaction.
import type { Kysely } from 'kysely';
import type { ArticleStatus } from '../domain/article.ts';
import type { Database } from './schema.ts';
import type { Video } from '../domain/video.ts';
import type { NewArticle } from './articles.ts';
import { contentColumns, writeRelations } from './article-writes.ts';
import { finderQueries } from './finder.ts';
import type { SearchIndex } from './search.ts';

export type ArticleContent = Omit<NewArticle, 'status' | 'firstPublishedAt' | 'updatedAt' | 'video'> & {
  seoTitle: string;
  seoDescription: string;
  video: Video | null;
};

export interface RevisionRow {
  number: number;
  snapshot: string;
  userId: number | null;
  userName: string | null;
  kind: string;
  createdAt: string;
}

export function editorialQueries(db: Kysely<Database>, search: SearchIndex) {
  return {
    /** A new draft at revision 1. */
    async createDraft(c: ArticleContent, userId: number, now: string): Promise<number> {
      const { id } = await db
        .insertInto('articles')
        .values({
          ...contentColumns(c),
          status: 'draft',
          first_published_at: null,
          updated_at: null,
          modified_at: now,
          created_at: now,
          revision: 1,
          created_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeRelations(db, search, id, c);
      return id;
    },

    /**
     * Writes new content only if the article is still at `baseRevision`; returns the new revision number, or
     * null when someone saved in between (the caller reports a conflict and nothing is written).
     */
    async updateContent(
      id: number,
      c: ArticleContent,
      baseRevision: number,
      now: string,
      extra: { updatedAt?: string } = {},
    ): Promise<number | null> {
      const result = await db
        .updateTable('articles')
        .set((eb) => ({
          ...contentColumns(c),
          modified_at: now,
          revision: eb('revision', '+', 1),
          held_revision: null,
          ...(extra.updatedAt ? { updated_at: extra.updatedAt } : {}),
        }))
        .where('id', '=', id)
        .where('revision', '=', baseRevision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      await writeRelations(db, search, id, c);
      return baseRevision + 1;
    },

    /**
     * A save of a published article: a new revision number, held back from readers. The row keeps the published
     * content (and its relations and search entry) until applyContent. Null on a conflict, as updateContent.
     */
    async holdRevision(id: number, baseRevision: number, now: string): Promise<number | null> {
      const result = await db
        .updateTable('articles')
        .set((eb) => ({ modified_at: now, revision: eb('revision', '+', 1), held_revision: eb('revision', '+', 1) }))
        .where('id', '=', id)
        .where('revision', '=', baseRevision)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 0 ? null : baseRevision + 1;
    },

    /**
     * Makes `revision` (the latest) the content readers see, and clears the held mark. Refused (false) when the
     * article has moved past that revision meanwhile, so an editor never publishes a version they did not see.
     */
    async applyContent(id: number, c: ArticleContent, revision: number, now: string, extra: { updatedAt?: string } = {}): Promise<boolean> {
      const result = await db
        .updateTable('articles')
        .set({ ...contentColumns(c), modified_at: now, held_revision: null, ...(extra.updatedAt ? { updated_at: extra.updatedAt } : {}) })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await writeRelations(db, search, id, c);
      return true;
    },

    /** Changes status only from `from` (so a racing job or editor cannot apply the same change twice). */
    async setStatus(
      id: number,
      from: ArticleStatus,
      to: ArticleStatus,
      now: string,
      fields: { firstPublishedAt?: string; scheduledAt?: string | null } = {},
    ): Promise<boolean> {
      const result = await db
        .updateTable('articles')
        .set({
          status: to,
          modified_at: now,
          ...(fields.firstPublishedAt !== undefined ? { first_published_at: fields.firstPublishedAt } : {}),
          ...(fields.scheduledAt !== undefined ? { scheduled_at: fields.scheduledAt } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Newsroom listing: newest change first, with who created it (the finder, store/finder.ts). */
    list: finderQueries(db, search).find,

    async sectionIdsOf(articleId: number): Promise<number[]> {
      const rows = await db.selectFrom('article_sections').select('section_id').where('article_id', '=', articleId).execute();
      return rows.map((r) => r.section_id);
    },

    async existingIds(ids: number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('articles').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    async editorialState(id: number) {
      return db
        .selectFrom('articles')
        .select([
          'id',
          'status',
          'revision',
          'held_revision',
          'created_by',
          'first_published_at',
          'scheduled_at',
          'updated_at',
          'modified_at',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async addRevision(r: { articleId: number; number: number; snapshot: unknown; userId: number | null; kind: string; now: string }) {
      await db
        .insertInto('revisions')
        .values({
          article_id: r.articleId,
          number: r.number,
          snapshot: JSON.stringify(r.snapshot),
          user_id: r.userId,
          kind: r.kind,
          created_at: r.now,
        })
        .execute();
    },

    async revisions(articleId: number): Promise<RevisionRow[]> {
      const rows = await db
        .selectFrom('revisions as r')
        .leftJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.number', 'r.snapshot', 'r.user_id', 'u.name as user_name', 'r.kind', 'r.created_at'])
        .where('r.article_id', '=', articleId)
        .orderBy('r.number', 'desc')
        .execute();
      return rows.map((r) => ({
        number: r.number,
        snapshot: r.snapshot,
        userId: r.user_id,
        userName: r.user_name,
        kind: r.kind,
        createdAt: r.created_at,
      }));
    },

    async revision(articleId: number, number: number): Promise<RevisionRow | undefined> {
      const r = await db
        .selectFrom('revisions as r')
        .leftJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.number', 'r.snapshot', 'r.user_id', 'u.name as user_name', 'r.kind', 'r.created_at'])
        .where('r.article_id', '=', articleId)
        .where('r.number', '=', number)
        .executeTakeFirst();
      return (
        r && { number: r.number, snapshot: r.snapshot, userId: r.user_id, userName: r.user_name, kind: r.kind, createdAt: r.created_at }
      );
    },

    async addTransition(t: { articleId: number; from: ArticleStatus; to: ArticleStatus; userId: number | null; note: string; at: string }) {
      await db
        .insertInto('article_transitions')
        .values({ article_id: t.articleId, from_status: t.from, to_status: t.to, user_id: t.userId, note: t.note, at: t.at })
        .execute();
    },

    async transitions(articleId: number) {
      return db
        .selectFrom('article_transitions as t')
        .leftJoin('users as u', 'u.id', 't.user_id')
        .select(['t.from_status', 't.to_status', 't.note', 't.at', 'u.name as user_name'])
        .where('t.article_id', '=', articleId)
        .orderBy('t.id', 'desc')
        .execute();
    },

    async addCorrection(c: {
      articleId: number;
      kind: 'correction' | 'clarification';
      note: string;
      userId: number;
      at: string;
    }): Promise<number> {
      const row = await db
        .insertInto('corrections')
        .values({ article_id: c.articleId, kind: c.kind, note: c.note, user_id: c.userId, created_at: c.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async corrections(articleId: number) {
      return db
        .selectFrom('corrections')
        .select(['id', 'kind', 'note', 'created_at'])
        .where('article_id', '=', articleId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    // Soft locks: a hint of who else has the article open. Saves never rely on them (revisions guard).
    async lockHolder(articleId: number) {
      return db
        .selectFrom('article_locks as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.user_id', 'u.name', 'l.heartbeat_at'])
        .where('l.article_id', '=', articleId)
        .executeTakeFirst();
    },
    async takeLock(articleId: number, userId: number, now: string) {
      await db.deleteFrom('article_locks').where('article_id', '=', articleId).execute();
      await db.insertInto('article_locks').values({ article_id: articleId, user_id: userId, heartbeat_at: now }).execute();
    },
    async releaseLock(articleId: number, userId: number) {
      await db.deleteFrom('article_locks').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
    },
  };
}
