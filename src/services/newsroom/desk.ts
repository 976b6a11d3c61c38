// The newsroom desk: article lists for the dashboard, and the admin's users, tokens and audit log.
import { z } from 'zod';
import { can, ROLES, type Actor } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import type { AuthService, NewUser } from '../auth/auth.ts';
import { page, pageQuery, parseWith } from '../page.ts';
import { articleFacts, authorize } from './content.ts';

export const listArticlesQuery = pageQuery(z.tuple([z.string().max(40), z.number().int()])).extend({
  status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const usersQuery = pageQuery(z.tuple([z.string().max(200), z.number().int()]), 100);
export const byIdQuery = pageQuery(z.number().int());
export const auditQuery = pageQuery(z.number().int(), 100);
export const roleSchema = z.object({ role: z.enum(ROLES) });
export const tokenSchema = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80) });

const LOCK_FRESH_MS = 2 * 60_000;

export function deskService(store: Store, auth: AuthService, clock: () => Date = () => new Date()) {
  return {
    /** Articles the actor may see, newest change first. Writers see their own work and what is published. */
    async list(actor: Actor, raw: unknown) {
      authorize(actor, 'article.view');
      const q = parseWith(listArticlesQuery, raw);
      const rows = await store.editorial.list({
        status: q.status,
        createdBy: q.mine === 'true' ? actor.id : undefined,
        visibleTo: can(actor, 'article.publish') ? undefined : actor.id,
        before: q.cursor,
        limit: q.limit + 1,
      });
      return page(rows, q.limit, (r) => [r.modified_at, r.id]);
    },

    async dashboard(actor: Actor) {
      const visibleTo = can(actor, 'article.publish') ? undefined : actor.id;
      const [mine, inReview, scheduled, published, others] = await Promise.all([
        store.editorial.list({ status: 'draft', createdBy: actor.id, limit: 20 }),
        store.editorial.list({ status: 'in_review', visibleTo, limit: 20 }),
        store.editorial.list({ status: 'scheduled', visibleTo, limit: 20 }),
        store.editorial.list({ status: 'published', limit: 10 }),
        store.editorial.list({ editedByOthersThan: actor.id, visibleTo, limit: 10 }),
      ]);
      return { mine, inReview, scheduled, published, others };
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
