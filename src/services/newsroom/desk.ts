// The newsroom desk: article lists for the dashboard, and the admin's users, tokens and audit log.
import { z } from 'zod';
import { ARTICLE_KINDS } from '../../domain/article.ts';
import { SectionTree } from '../../domain/sections.ts';
import { slugify } from '../../domain/slug.ts';
import { MAX_ID } from '../../domain/urls.ts';
import { searchTokens } from '../../store/search.ts';
import { can, ROLES, type Actor } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import type { DashboardRow, ReviewRow } from '../../store/dashboard.ts';
import type { AuthService, NewUser } from '../auth/auth.ts';
import { page, pageQuery, parseWith } from '../page.ts';
import { articleFacts, authorize } from './content.ts';

/** A form's empty field means "any". */
const blankIsAny = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/** A date (that day's start, UTC) or a date and time with its offset, as an ISO time. */
const time = z.union([
  z.iso.date().transform((d) => `${d}T00:00:00.000Z`),
  z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString()),
]);
const id = z.coerce.number().int().positive().max(MAX_ID);

/** What the newsroom's finder takes: words, filters, an order and a page. */
export const listArticlesQuery = pageQuery(z.tuple([z.union([z.string().max(40), z.number().int()]), z.number().int()])).extend({
  q: z.string().trim().max(200).default('').describe('Words in the headline, standfirst or body (all statuses)'),
  status: blankIsAny(z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished'])),
  section: blankIsAny(id).describe('A section id: articles in it or any of its sub-sections'),
  author: blankIsAny(id).describe('An author (person) id'),
  kind: blankIsAny(z.enum(ARTICLE_KINDS)),
  tag: blankIsAny(z.string().trim().max(60)).describe('A tag, by name or slug'),
  from: blankIsAny(time).describe('From this time (inclusive) of the order: last change, first publication or creation'),
  to: blankIsAny(time).describe('Before this time (exclusive)'),
  sort: blankIsAny(z.enum(['modified', 'published', 'created'])).describe(
    'Newest last change (default), first publication or creation first',
  ),
  mine: blankIsAny(z.enum(['true', 'false'])),
});
export type ArticleQuery = z.output<typeof listArticlesQuery>;

export const usersQuery = pageQuery(z.tuple([z.string().max(200), z.number().int()]), 100);
export const byIdQuery = pageQuery(z.number().int());
export const auditQuery = pageQuery(z.number().int(), 100);
export const roleSchema = z.object({ role: z.enum(ROLES) });
export const tokenSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80) });

type FoundRow = Awaited<ReturnType<Store['editorial']['list']>>[number];

const LOCK_FRESH_MS = 2 * 60_000;

/** How many stories each dashboard list shows; "See all" leads to the finder for the rest. */
export const DASHBOARD_LIMIT = 8;

type WithByline<R> = R & { byline: string[] };
export interface Dashboard {
  /** Editors (and admins) see the review queue; writers see their own stories waiting for review. */
  role: 'editor' | 'writer';
  /** The time the lists were read, for "12 min ago". */
  now: string;
  limit: number;
  mine: WithByline<DashboardRow>[];
  review: WithByline<ReviewRow>[];
  scheduled: WithByline<DashboardRow>[];
  published: WithByline<DashboardRow>[];
}

export function deskService(store: Store, auth: AuthService, clock: () => Date = () => new Date()) {
  return {
    /** Finds articles of any status (those the actor may see), a page at a time: the newsroom's article list. */
    async list(actor: Actor, raw: unknown) {
      authorize(actor, 'article.view');
      const q = parseWith(listArticlesQuery, raw);
      const sort = q.sort ?? 'modified';
      const words = searchTokens(q.q);
      const tag = q.tag ? await store.taxonomy.tagBySlug(slugify(q.tag)) : undefined;
      // A search for nothing searchable, or for a tag nobody used, finds nothing (rather than everything).
      if ((q.q && words.length === 0) || (q.tag && !tag)) return page([] as FoundRow[], q.limit, () => null);
      const rows = await store.editorial.list({
        words,
        status: q.status,
        kind: q.kind,
        sectionIds: q.section ? new SectionTree(await store.taxonomy.allSections()).subtreeIds(q.section) : undefined,
        personId: q.author,
        tagId: tag?.id,
        from: q.from,
        to: q.to,
        sort,
        createdBy: q.mine === 'true' ? actor.id : undefined,
        visibleTo: can(actor, 'article.publish') ? undefined : actor.id,
        before: q.cursor,
        limit: q.limit + 1,
      });
      const position = {
        modified: (r: FoundRow) => r.modified_at,
        published: (r: FoundRow) => r.first_published_at,
        created: (r: FoundRow) => r.id,
      };
      return page(rows, q.limit, (r) => [position[sort](r), r.id]);
    },

    /**
     * The dashboard: the actor's unfinished work, the review queue (editors) or their own stories waiting for
     * review (writers), what goes out next, and what went live last; a few of each, with their bylines.
     */
    async dashboard(actor: Actor, limit = DASHBOARD_LIMIT): Promise<Dashboard> {
      const editor = can(actor, 'article.publish');
      const visibleTo = editor ? undefined : actor.id;
      const [mine, review, scheduled, published] = await Promise.all([
        store.dashboard.myWork(actor.id, limit),
        store.dashboard.reviewQueue(limit, visibleTo),
        store.dashboard.scheduled(limit, visibleTo),
        store.dashboard.recentlyPublished(limit),
      ]);
      const ids = [...new Set([mine, review, scheduled, published].flat().map((r) => r.id))];
      const bylines = await store.dashboard.bylines(ids);
      const withByline = <R extends { id: number }>(rows: R[]) => rows.map((r) => ({ ...r, byline: bylines.get(r.id) ?? [] }));
      return {
        role: editor ? 'editor' : 'writer',
        now: clock().toISOString(),
        limit,
        mine: withByline(mine),
        review: withByline(review),
        scheduled: withByline(scheduled),
        published: withByline(published),
      };
    },

    async people() {
      return store.taxonomy.allPeople();
    },

    /**
     * Marks the article as open by this user and returns who else had it open in the last two minutes.
     * Only a hint for people: saves are protected by revisions, never by this lock.
     */
    async openArticle(actor: Actor, articleId: number): Promise<{ name: string } | null> {
      const holder = await store.editorial.lockHolder(articleId);
      const fresh = holder && clock().getTime() - new Date(holder.heartbeat_at).getTime() < LOCK_FRESH_MS;
      await store.editorial.takeLock(articleId, actor.id, clock().toISOString());
      return fresh && holder.user_id !== actor.id ? { name: holder.name } : null;
    },

    /** Keeps this user's mark on an open article fresh; says who holds it if someone else took over. */
    async heartbeat(actor: Actor, articleId: number): Promise<{ heldBy: string | null }> {
      authorize(actor, 'article.view', await articleFacts(store, articleId));
      const holder = await store.editorial.lockHolder(articleId);
      if (holder && holder.user_id !== actor.id && clock().getTime() - new Date(holder.heartbeat_at).getTime() < LOCK_FRESH_MS)
        return { heldBy: holder.name };
      await store.editorial.takeLock(articleId, actor.id, clock().toISOString());
      return { heldBy: null };
    },

    /** The signed-in user. */
    async me(actor: Actor) {
      const user = await store.users.byId(actor.id);
      if (!user) throw new AppError('NOT_SIGNED_IN');
      return user;
    },

    async users(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'user.manage');
      const { cursor, limit } = parseWith(usersQuery, raw);
      return page(await store.users.list({ after: cursor, limit: limit + 1 }), limit, (u) => [u.name, u.id]);
    },

    async createUser(actor: Actor, input: NewUser) {
      authorize(actor, 'user.manage');
      return auth.createUser(input, actor.id);
    },

    async setRole(actor: Actor, userId: number, raw: unknown) {
      authorize(actor, 'user.manage');
      await auth.setRole(userId, parseWith(roleSchema, raw).role, actor.id);
    },

    async tokens(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'token.manage');
      const { cursor, limit } = parseWith(byIdQuery, raw);
      return page(await store.users.tokensOf(actor.id, { before: cursor, limit: limit + 1 }), limit, (t) => t.id);
    },

    /** A new API token for the actor, shown once. */
    async createToken(actor: Actor, raw: unknown) {
      authorize(actor, 'token.manage');
      return auth.createApiToken(actor.id, parseWith(tokenSchema, raw).name);
    },

    async audit(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'audit.view');
      const { cursor, limit } = parseWith(auditQuery, raw);
      return page(await store.audit.recent(limit + 1, cursor), limit, (e) => e.id);
    },
  };
}
