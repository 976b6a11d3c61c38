// The newsroom desk: article lists for the dashboard, and the admin's users, tokens and audit log.
import { can, type Actor, type Role } from '../../domain/permissions.ts';
import type { Store } from '../../store/index.ts';
import type { AuthService, NewUser } from '../auth/auth.ts';
import { articleFacts, authorize } from './content.ts';

const LOCK_FRESH_MS = 2 * 60_000;

export function deskService(store: Store, auth: AuthService, clock: () => Date = () => new Date()) {
  return {
    /** Articles the actor may see, newest change first. Writers see their own work and what is published. */
    async list(actor: Actor, q: { status?: string; mine?: 'true' | 'false'; limit: number }) {
      authorize(actor, 'article.view');
      const rows = await store.editorial.list({
        status: q.status,
        createdBy: q.mine === 'true' ? actor.id : undefined,
        visibleTo: can(actor, 'article.publish') ? undefined : actor.id,
        limit: q.limit,
      });
      return rows;
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

    async users(actor: Actor) {
      authorize(actor, 'user.manage');
      return store.users.list();
    },

    async createUser(actor: Actor, input: NewUser) {
      authorize(actor, 'user.manage');
      return auth.createUser(input, actor.id);
    },

    async setRole(actor: Actor, userId: number, role: Role) {
      authorize(actor, 'user.manage');
      await auth.setRole(userId, role, actor.id);
    },

    async tokens(actor: Actor) {
      authorize(actor, 'token.manage');
      return store.users.tokensOf(actor.id);
    },

    async audit(actor: Actor, beforeId?: number) {
      authorize(actor, 'audit.view');
      return store.audit.recent(100, beforeId);
    },
  };
}
