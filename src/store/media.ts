// Media rows: the original file plus generated variants.
import type { Kysely, Selectable } from 'kysely';
import type { MediaRef, MediaVariant } from '../domain/model.ts';
import type { Database, MediaTable } from './schema.ts';

export interface NewMedia {
  originalFile: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
  /** The uploading user, when there is one (demo pictures have none). */
  uploadedBy?: number | null;
}

export function toMediaRef(row: Selectable<MediaTable>): MediaRef {
  return {
    id: row.id,
    file: row.original_file,
    mime: row.mime,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as MediaVariant[],
  };
}

/** A picture as the media library shows it: who uploaded it and where its crops centre. */
export type LibraryMedia = MediaRef & { uploadedBy: number | null; focusX: number; focusY: number };

const toLibraryMedia = (r: Selectable<MediaTable>): LibraryMedia => ({
  ...toMediaRef(r),
  uploadedBy: r.uploaded_by,
  focusX: r.focus_x,
  focusY: r.focus_y,
});

/** Where a picture is used: articles of any status (hero, body, video poster) and authors' photos. */
export interface MediaUse {
  articles: { id: number; headline: string; status: string }[];
  people: { id: number; name: string; slug: string }[];
}

export function mediaQueries(db: Kysely<Database>) {
  return {
    async create(m: NewMedia, now: string): Promise<number> {
      const row = await db
        .insertInto('media')
        .values({
          original_file: m.originalFile,
          mime: m.mime,
          width: m.width,
          height: m.height,
          alt: m.alt,
          caption: m.caption,
          credit: m.credit,
          variants: JSON.stringify(m.variants),
          created_at: now,
          uploaded_by: m.uploadedBy ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Who uploaded the picture (null: nobody recorded), or undefined when there is no such picture. */
    async uploaderOf(id: number): Promise<number | null | undefined> {
      const row = await db.selectFrom('media').select('uploaded_by').where('id', '=', id).executeTakeFirst();
      return row ? row.uploaded_by : undefined;
    },

    /** Articles that show the picture (hero, body, video poster), any status; at most `limit`. */
    async articlesShowing(id: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('article_media')
        .select('article_id')
        .where('media_id', '=', id)
        .orderBy('article_id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.article_id);
    },

    /** One picture of the library, or undefined. */
    async libraryItem(id: number): Promise<LibraryMedia | undefined> {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toLibraryMedia(row);
    },

    /** Sets the focal point together with the crops made around it (their variants replace the old crops). */
    async setFocus(id: number, focus: { x: number; y: number }, variants: MediaVariant[]): Promise<boolean> {
      const r = await db
        .updateTable('media')
        .set({ focus_x: focus.x, focus_y: focus.y, variants: JSON.stringify(variants) })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** The newest `limit` articles showing the picture (any status) and the authors whose photo it is. */
    async usedIn(id: number, limit: number): Promise<MediaUse> {
      const [articles, people] = await Promise.all([
        db
          .selectFrom('article_media')
          .innerJoin('articles', 'articles.id', 'article_media.article_id')
          .select(['articles.id', 'articles.headline', 'articles.status'])
          .where('article_media.media_id', '=', id)
          .orderBy('articles.id', 'desc')
          .limit(limit)
          .execute(),
        db.selectFrom('people').select(['id', 'name', 'slug']).where('photo_media_id', '=', id).orderBy('id').limit(limit).execute(),
      ]);
      return { articles, people };
    },

    async describe(id: number, d: { alt: string; caption: string; credit: string }): Promise<boolean> {
      const r = await db.updateTable('media').set(d).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Newest first, matching alt, caption, credit or file name (case-insensitive on both dialects). */
    async search(q: string, limit: number, beforeId?: number): Promise<LibraryMedia[]> {
      let query = db.selectFrom('media').selectAll().orderBy('id', 'desc').limit(limit);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      if (q) {
        // Wildcards are dropped rather than escaped: ESCAPE differs between the dialects, and nobody searches for them.
        // So is NUL, which PostgreSQL text cannot hold (a %00 in the query was a 500 there).
        const like = `%${q.toLowerCase().replace(/[\\%_\u0000]/g, '')}%`;
        query = query.where((eb) =>
          eb.or((['alt', 'caption', 'credit', 'original_file'] as const).map((col) => eb(eb.fn('lower', [col]), 'like', like))),
        );
      }
      return (await query.execute()).map(toLibraryMedia);
    },

    async byIds(ids: number[]): Promise<Map<number, MediaRef>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, toMediaRef(r)]));
    },
  };
}
