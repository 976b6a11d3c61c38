// The article actions beside saving, declared once: each one's input schema, the permission it needs, what it
// does and what it answers. The JSON API (src/api/routes.ts) and the newsroom's forms (src/newsroom/routes.tsx)
// are both made from this table, so an action is added here and nowhere else; the OpenAPI document follows.
import type { z } from 'zod';
import type { Actor, Operation } from '../../domain/permissions.ts';
import type { Services } from '../index.ts';
import { correctionSchema, discardSchema, scheduleSchema, transitionSchema, updateSchema } from './schema.ts';

export interface ArticleAction {
  summary: string;
  /** The permission it needs (the role is checked at the door, the rest by the service). */
  op: Operation;
  input: z.ZodType;
  /** The HTTP status of success (200 unless it creates something). */
  status?: number;
  run(services: Services, actor: Actor, articleId: number, input: unknown): Promise<unknown>;
}

const ok = async (done: Promise<unknown>) => {
  await done;
  return { ok: true };
};

export const ARTICLE_ACTIONS = {
  submit: {
    summary: 'Submit for review',
    op: 'article.submit',
    input: transitionSchema,
    run: (s, actor, id, input) => ok(s.workflow.submit(actor, id, input)),
  },
  publish: {
    summary: 'Publish now',
    op: 'article.publish',
    input: transitionSchema,
    run: (s, actor, id, input) => ok(s.workflow.publish(actor, id, input)),
  },
  schedule: {
    summary: 'Publish at a future time (on a published article with held changes: update it then)',
    op: 'article.schedule',
    input: scheduleSchema,
    run: (s, actor, id, input) => ok(s.workflow.schedule(actor, id, input)),
  },
  unpublish: {
    summary: 'Withdraw from the public site (410)',
    op: 'article.unpublish',
    input: transitionSchema,
    run: (s, actor, id, input) => ok(s.workflow.unpublish(actor, id, input)),
  },
  draft: {
    summary: 'Send back to draft',
    op: 'article.edit',
    input: transitionSchema,
    run: (s, actor, id, input) => ok(s.workflow.toDraft(actor, id, input)),
  },
  update: {
    summary: 'Publish a published article’s held changes (revision: the latest, as the editor saw it)',
    op: 'article.publish',
    input: updateSchema,
    run: (s, actor, id, input) => s.workflow.update(actor, id, input),
  },
  discard: {
    summary: 'Discard a published article’s held changes: a new revision equal to what readers see',
    op: 'article.publish',
    input: discardSchema,
    run: (s, actor, id, input) => s.workflow.discard(actor, id, input),
  },
  corrections: {
    summary: 'Append a dated correction or clarification',
    op: 'article.correct',
    input: correctionSchema,
    status: 201,
    run: async (s, actor, id, input) => ({ id: await s.workflow.correct(actor, id, input) }),
  },
} satisfies Record<string, ArticleAction>;

export type ArticleActionName = keyof typeof ARTICLE_ACTIONS;
