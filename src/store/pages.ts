// Static pages (domain/pages.ts): the newsroom's list and edits, and what the reader site reads: the published
// pages for the footer and the outlet's structured data (one small query, kept between requests by
// services/reader.ts), and one published page by its address.
import type { Kysely } from 'kysely';
import { parseBody } from '../domain/blocks.ts';
import type { PageLink, PageRecord, PageRole, PageStatus } from '../domain/pages.ts';
import type { Database } from './schema.ts';

/** The most published pages the footer and the site's page lookup consider. */
export const MAX_SITE_PAGES = 200;

const COLUMNS = [
  'id',
  'slug',
  'title',
  'summary',
  'body',
  'role',
  'status',
  'in_footer',
  'position',
  'created_at',
  'updated_at',
  'published_at',
  'created_by',
] as const;

function toRecord(r: {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  role: string | null;
  status: string;
  in_footer: number;
  position: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  created_by: number | null;
}): PageRecord {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    body: parseBody(r.body),
    role: r.role as PageRole | null,
    status: r.status as PageStatus,
    inFooter: Number(r.in_footer) === 1,
    position: Number(r.position),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    createdBy: r.created_by,
  };
}

export interface PageWrite {
  slug: string;
  title: string;
  summary: string;
  body: string;
  role: PageRole | null;
  inFooter: boolean;
  position: number;
}

export function pageQueries(db: Kysely<Database>) {
  return {
    /** Every page (any status) in footer order, then by title: the newsroom's list (a site has tens of pages). */
    async all(): Promise<PageRecord[]> {
      const rows = await db.selectFrom('pages').select(COLUMNS).orderBy('position').orderBy('title').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async byId(id: number): Promise<PageRecord | undefined> {
      const r = await db.selectFrom('pages').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return r && toRecord(r);
    },

    async bySlug(slug: string): Promise<PageRecord | undefined> {
      const r = await db.selectFrom('pages').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
      return r && toRecord(r);
    },

    /** The page filling a role, whatever its status. */
    async byRole(role: PageRole): Promise<{ id: number; slug: string; title: string } | undefined> {
      return db.selectFrom('pages').select(['id', 'slug', 'title']).where('role', '=', role).executeTakeFirst();
    },

    /** Published pages in footer order, without their bodies: the footer, the policy links, which addresses are pages. */
    async published(): Promise<PageLink[]> {
      const rows = await db
        .selectFrom('pages')
        .select(['id', 'slug', 'title', 'role', 'in_footer'])
        .where('status', '=', 'published')
        .orderBy('position')
        .orderBy('id')
        .limit(MAX_SITE_PAGES)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        role: r.role as PageRole | null,
        inFooter: Number(r.in_footer) === 1,
      }));
    },

    async create(p: PageWrite & { createdBy: number | null }, now: string): Promise<number> {
      const r = await db
        .insertInto('pages')
        .values({
          slug: p.slug,
          title: p.title,
          summary: p.summary,
          body: p.body,
          role: p.role,
          status: 'draft',
          in_footer: p.inFooter ? 1 : 0,
          position: p.position,
          created_at: now,
          updated_at: now,
          created_by: p.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async update(id: number, p: PageWrite, now: string): Promise<boolean> {
      const r = await db
        .updateTable('pages')
        .set({
          slug: p.slug,
          title: p.title,
          summary: p.summary,
          body: p.body,
          role: p.role,
          in_footer: p.inFooter ? 1 : 0,
          position: p.position,
          updated_at: now,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Publishes (keeping the first publication time) or takes back to draft. */
    async setStatus(id: number, status: PageStatus, now: string): Promise<boolean> {
      const r = await db
        .updateTable('pages')
        .set((eb) => ({
          status,
          updated_at: now,
          ...(status === 'published' ? { published_at: eb.fn.coalesce('published_at', eb.val(now)) } : {}),
        }))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async remove(id: number): Promise<boolean> {
      const r = await db.deleteFrom('pages').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** The next footer position (after the last page). */
    async nextPosition(): Promise<number> {
      const r = await db
        .selectFrom('pages')
        .select((eb) => eb.fn.max('position').as('m'))
        .executeTakeFirst();
      return r?.m == null ? 0 : Number(r.m) + 1;
    },
  };
}
