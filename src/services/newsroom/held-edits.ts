// Edits to a published article are held back from readers (issue 11): saves and autosaves make revisions that
// only the newsroom sees, until an editor publishes them ("Update", now or at a scheduled time) or discards them.
// The article row keeps the published content throughout, so every reader-facing surface (pages, feeds, caches,
// sitemaps, TV feeds, mirrors) needs no rule of its own.
import type { Actor } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Queries, Store } from '../../store/index.ts';
import { applyLatestRevision, articleFacts, authorize, conflict, inputFromRow, toContent } from './content.ts';
import { discardSchema, updateSchema } from './schema.ts';
import { parse, publishJobKey } from './workflow.ts';

export function heldEditsService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  /** A scheduled update is a pending publish job on a published article; updating or discarding ends it. */
  async function cancelScheduledUpdate(tx: Queries, id: number, scheduledAt: string | null) {
    if (scheduledAt === null) return;
    await tx.jobs.cancel(publishJobKey(id));
    await tx.editorial.setStatus(id, 'published', 'published', now(), { scheduledAt: null });
  }

  return {
    /** Publishes the held changes (revision `revision`, which must be the latest): the "Update" button. */
    async update(actor: Actor, id: number, raw: unknown): Promise<{ revision: number }> {
      const { revision, significantUpdate, note } = parse(updateSchema, raw);
      await store.transaction(async (tx) => {
        const facts = await articleFacts(tx, id);
        authorize(actor, 'article.publish', facts);
        if (facts.status !== 'published')
          throw new AppError('INVALID_TRANSITION', 'Only a published article has changes to update; publish it instead.');
        if (facts.held_revision === null) throw new AppError('INVALID_TRANSITION', 'There are no unpublished changes to update.');
        if (facts.revision !== revision) throw await conflict(tx, id, facts.revision);
        const applied = await applyLatestRevision(tx, id, revision, now(), significantUpdate ? { updatedAt: now() } : {});
        if (!applied) throw await conflict(tx, id, (await articleFacts(tx, id)).revision);
        await cancelScheduledUpdate(tx, id, facts.scheduled_at);
        await tx.audit.record({
          userId: actor.id,
          action: 'article.update',
          subject: `article:${id}`,
          details: { revision, significantUpdate, note },
          at: now(),
        });
      });
      await events.emit('article.updated', { articleId: id, status: 'published' });
      return { revision };
    },

    /** Throws the held changes away: a new revision equal to what readers see (the held ones stay in history). */
    async discard(actor: Actor, id: number, raw: unknown): Promise<{ revision: number }> {
      const { revision } = parse(discardSchema, raw);
      const r = await store.transaction(async (tx) => {
        const facts = await articleFacts(tx, id);
        authorize(actor, 'article.publish', facts);
        if (facts.held_revision === null) throw new AppError('INVALID_TRANSITION', 'There are no unpublished changes to discard.');
        if (facts.revision !== revision) throw await conflict(tx, id, facts.revision);
        const published = await inputFromRow(tx, id);
        const next = await tx.editorial.updateContent(id, await toContent(tx, published), revision, now());
        if (next === null) throw await conflict(tx, id, (await articleFacts(tx, id)).revision);
        await tx.editorial.addRevision({ articleId: id, number: next, snapshot: published, userId: actor.id, kind: 'discard', now: now() });
        if (facts.status === 'published') await cancelScheduledUpdate(tx, id, facts.scheduled_at);
        await tx.audit.record({
          userId: actor.id,
          action: 'article.discard',
          subject: `article:${id}`,
          details: { revision: next, discarded: facts.held_revision },
          at: now(),
        });
        return { revision: next, status: facts.status };
      });
      await events.emit('article.updated', { articleId: id, status: r.status });
      return { revision: r.revision };
    },
  };
}

export type HeldEditsService = ReturnType<typeof heldEditsService>;
