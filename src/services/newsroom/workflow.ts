// The status machine in action: submit, publish, schedule, unpublish, back to draft, corrections.
// Every change is conditional on the status it starts from, recorded (who, when, note) and audited.
import { canTransition, firstPublishedAt, type ArticleStatus } from '../../domain/article.ts';
import type { Actor, Operation } from '../../domain/permissions.ts';
import { AppError, invalidInput } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Queries, Store } from '../../store/index.ts';
import { applyLatestRevision, articleFacts, authorize } from './content.ts';
import { correctionSchema, scheduleSchema, transitionSchema } from './schema.ts';

export const PUBLISH_JOB = 'publish_article';
export const publishJobKey = (id: number) => `publish:${id}`;

/** Parses a command's input, or INVALID_INPUT naming the field. */
export function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: any[] } } },
  raw: unknown,
): T {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw invalidInput(r.error.issues);
  return r.data;
}

export function workflowService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  /** Moves an article to `to` on behalf of `actor` (null: the scheduler). Returns the status it came from. */
  async function move(
    tx: Queries,
    actor: Actor | null,
    op: Operation,
    id: number,
    to: ArticleStatus,
    note: string,
    extra: (facts: Awaited<ReturnType<typeof articleFacts>>) => { firstPublishedAt?: string; scheduledAt?: string | null } = () => ({}),
  ): Promise<{ from: ArticleStatus; firstPublication: boolean }> {
    const facts = await articleFacts(tx, id);
    if (actor) authorize(actor, op, facts);
    if (!canTransition(facts.status, to)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `The article is ${facts.status.replace('_', ' ')} and cannot become ${to.replace('_', ' ')}.`,
      );
    }
    const fields = extra(facts);
    if (!(await tx.editorial.setStatus(id, facts.status, to, now(), fields)))
      throw new AppError('INVALID_TRANSITION', 'The article changed status meanwhile; reload and try again.');
    await tx.editorial.addTransition({ articleId: id, from: facts.status, to, userId: actor?.id ?? null, note, at: now() });
    await tx.audit.record({
      userId: actor?.id ?? null,
      action: `article.${to}`,
      subject: `article:${id}`,
      details: { from: facts.status, note },
      at: now(),
    });
    return { from: facts.status, firstPublication: facts.first_published_at === null };
  }

  async function publishNow(actor: Actor | null, id: number, note: string) {
    const r = await store.transaction(async (tx) => {
      const moved = await move(tx, actor, 'article.publish', id, 'published', note, (f) => ({
        firstPublishedAt: firstPublishedAt(f.first_published_at, now()),
        scheduledAt: null,
      }));
      // Edits held while it was live and then withdrawn are part of what is published again.
      const facts = await articleFacts(tx, id);
      if (facts.held_revision !== null) await applyLatestRevision(tx, id, facts.revision, now());
      await tx.jobs.cancel(publishJobKey(id));
      return moved;
    });
    await events.emit('article.published', { articleId: id, first: r.firstPublication });
  }

  /** A scheduled update: publishes the latest revision if the article still has held changes and is due. */
  async function publishHeldDue(id: number): Promise<boolean> {
    const done = await store.transaction(async (tx) => {
      const facts = await articleFacts(tx, id);
      if (facts.status !== 'published' || !facts.scheduled_at || facts.scheduled_at > now()) return false;
      if (facts.held_revision !== null && !(await applyLatestRevision(tx, id, facts.revision, now()))) return false;
      await tx.editorial.setStatus(id, 'published', 'published', now(), { scheduledAt: null });
      await tx.audit.record({
        userId: null,
        action: 'article.update',
        subject: `article:${id}`,
        details: { revision: facts.revision, scheduled: true },
        at: now(),
      });
      return true;
    });
    if (done) await events.emit('article.updated', { articleId: id, status: 'published' });
    return done;
  }

  return {
    async submit(actor: Actor, id: number, raw?: unknown) {
      const { note } = parse(transitionSchema, raw);
      await store.transaction((tx) => move(tx, actor, 'article.submit', id, 'in_review', note));
      await events.emit('article.updated', { articleId: id, status: 'in_review' });
    },

    async publish(actor: Actor, id: number, raw?: unknown) {
      await publishNow(actor, id, parse(transitionSchema, raw).note);
    },

    /** Publishes at a future time through the job table (it survives restarts and runs once). */
    async schedule(actor: Actor, id: number, raw: unknown) {
      const { at, note } = parse(scheduleSchema, raw);
      const runAt = new Date(at).toISOString();
      if (runAt <= now()) throw new AppError('INVALID_INPUT', 'at: must be in the future; use Publish to publish now', { field: 'at' });
      await store.transaction(async (tx) => {
        const facts = await articleFacts(tx, id);
        if (facts.status === 'published') {
          // A live article's held changes can be scheduled: the job publishes the latest revision when due.
          authorize(actor, 'article.publish', facts);
          if (facts.held_revision === null)
            throw new AppError('INVALID_TRANSITION', 'The article is published and has no unpublished changes to schedule.');
          await tx.editorial.setStatus(id, 'published', 'published', now(), { scheduledAt: runAt });
          await tx.audit.record({
            userId: actor.id,
            action: 'article.update_scheduled',
            subject: `article:${id}`,
            details: { at: runAt, note },
            at: now(),
          });
        } else if (facts.status === 'scheduled') {
          // Re-timing a scheduled article is not a status change: move the job and record the note.
          authorize(actor, 'article.schedule', facts);
          await tx.editorial.setStatus(id, 'scheduled', 'scheduled', now(), { scheduledAt: runAt });
          await tx.audit.record({
            userId: actor.id,
            action: 'article.rescheduled',
            subject: `article:${id}`,
            details: { at: runAt, note },
            at: now(),
          });
        } else {
          await move(tx, actor, 'article.schedule', id, 'scheduled', note, () => ({ scheduledAt: runAt }));
        }
        await tx.jobs.schedule({ kind: PUBLISH_JOB, key: publishJobKey(id), payload: { articleId: id }, runAt, now: now() });
      });
      await events.emit('article.scheduled', { articleId: id, at: runAt });
    },

    async unpublish(actor: Actor, id: number, raw?: unknown) {
      const { note } = parse(transitionSchema, raw);
      await store.transaction(async (tx) => {
        await move(tx, actor, 'article.unpublish', id, 'unpublished', note, () => ({ scheduledAt: null }));
        await tx.jobs.cancel(publishJobKey(id)); // a scheduled update of what is now withdrawn
      });
      await events.emit('article.unpublished', { articleId: id });
    },

    /** Back to draft from review, schedule or unpublished: writers may pull back their own submission. */
    async toDraft(actor: Actor, id: number, raw?: unknown) {
      const { note } = parse(transitionSchema, raw);
      const facts = await articleFacts(store, id);
      const op: Operation = facts.status === 'in_review' ? 'article.edit' : 'article.schedule';
      await store.transaction(async (tx) => {
        await move(tx, actor, op, id, 'draft', note, () => ({ scheduledAt: null }));
        await tx.jobs.cancel(publishJobKey(id));
      });
      await events.emit('article.updated', { articleId: id, status: 'draft' });
    },

    /** Appends a dated correction or clarification. Notes are never edited or removed, only added. */
    async correct(actor: Actor, id: number, raw: unknown) {
      const { kind, note } = parse(correctionSchema, raw);
      const correctionId = await store.transaction(async (tx) => {
        const facts = await articleFacts(tx, id);
        authorize(actor, 'article.correct', facts);
        if (!facts.first_published_at)
          throw new AppError('INVALID_TRANSITION', 'Corrections are for articles readers have seen; this one was never published.');
        const cid = await tx.editorial.addCorrection({ articleId: id, kind, note, userId: actor.id, at: now() });
        await tx.audit.record({ userId: actor.id, action: `article.${kind}`, subject: `article:${id}`, details: { note }, at: now() });
        return cid;
      });
      await events.emit('article.updated', { articleId: id, status: 'published' });
      return correctionId;
    },

    /** The scheduler's job: publish if the article is still scheduled and due; otherwise do nothing. */
    async publishDue(id: number): Promise<boolean> {
      const facts = await store.editorial.editorialState(id);
      if (!facts?.scheduled_at || facts.scheduled_at > now()) return false;
      if (facts.status === 'published') return publishHeldDue(id);
      if (facts.status !== 'scheduled') return false;
      try {
        await publishNow(null, id, 'Published on schedule');
        return true;
      } catch (err) {
        // Another node published it first: the conditional update refused, which is the point.
        if (err instanceof AppError && err.code === 'INVALID_TRANSITION') return false;
        throw err;
      }
    },
  };
}

export type WorkflowService = ReturnType<typeof workflowService>;
