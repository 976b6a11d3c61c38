// Operations on articles: list, create, read, save, history, restore, the open-editor heartbeat, and the actions
// beside saving (submit, publish, schedule, unpublish, back to draft, update, discard, corrections), which the
// newsroom's forms also make their routes from.
import { z } from 'zod';
import { bulkSchema } from '../newsroom/bulk.ts';
import { listArticlesQuery } from '../newsroom/desk.ts';
import {
  articleInputSchema,
  restoreBody,
  saveArticleBody,
  correctionSchema,
  discardSchema,
  scheduleSchema,
  transitionSchema,
  updateSchema,
} from '../newsroom/schema.ts';
import { created, deskItem, history, idKey, ok } from './models.ts';
import { defineOperation } from './operation.ts';
import { pageOf } from './models.ts';
import { presentDeskRow, presentHistory } from './presenters.ts';

const articleStatus = z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']);
const saved = z.object({ revision: z.number().int(), held: z.boolean() });

export const articleOperations = {
  listArticles: defineOperation({
    summary:
      'Find articles of any status: words in the headline, standfirst or body; filters by status, section (with its sub-sections), author, kind, tag and time; newest first by last change, first publication or creation; a page at a time',
    permission: 'article.view',
    input: listArticlesQuery,
    output: pageOf(deskItem),
    run: async (s, actor, q) => {
      const p = await s.newsroom.list(actor, q);
      return { ...p, items: p.items.map(presentDeskRow) };
    },
  }),
  createArticle: defineOperation({
    summary: 'Create a draft',
    permission: 'article.create',
    input: articleInputSchema,
    output: z.object({ id: z.number().int(), revision: z.number().int() }),
    status: 201,
    run: (s, actor, input) => s.content.create(actor, input),
  }),
  getArticle: defineOperation({
    summary: 'An article at its current revision',
    permission: 'article.view',
    key: idKey,
    output: z.object({ id: z.number().int(), revision: z.number().int(), status: articleStatus, article: articleInputSchema }),
    run: async (s, actor, _, id) => {
      const c = await s.content.current(actor, id);
      return { id, revision: c.revision, status: c.status, article: c.input };
    },
  }),
  saveArticle: defineOperation({
    summary:
      'Save a new revision; refused with REVISION_CONFLICT when baseRevision is not the latest. On a published article the revision is held (held: true): readers see it only after /update',
    permission: 'article.edit',
    key: idKey,
    input: saveArticleBody,
    output: saved,
    run: (s, actor, body, id) => s.content.saveRequest(actor, id, body),
  }),
  articleHistory: defineOperation({
    summary: 'Revisions, status changes and corrections, newest first',
    permission: 'article.view',
    key: idKey,
    output: history,
    run: async (s, actor, _, id) => presentHistory(await s.content.history(actor, id)),
  }),
  restoreRevision: defineOperation({
    summary: 'Restore an old revision as a new one',
    permission: 'article.restore',
    key: idKey,
    input: restoreBody,
    output: saved,
    run: (s, actor, body, id) => s.content.restoreRequest(actor, id, body),
  }),
  bulkArticles: defineOperation({
    summary:
      'Withdraw, move to a section or tag up to 100 articles at once; each change is its own revision and audit entry, and one that fails is reported without stopping the rest',
    permission: 'article.publish',
    input: bulkSchema,
    output: z.object({
      results: z.array(z.object({ id: z.number().int(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })),
    }),
    run: (s, actor, input) => s.bulk.apply(actor, input),
  }),
  heartbeat: defineOperation({
    summary: 'Heartbeat of an open editor: marks the article as open by me, or says who took it over',
    permission: 'article.view',
    key: idKey,
    output: z.object({ heldBy: z.string().nullable() }),
    run: (s, actor, _, id) => s.newsroom.heartbeat(actor, id),
  }),
};

const done = async (work: Promise<unknown>) => {
  await work;
  return { ok: true as const };
};

/** The actions beside saving; each is a form in the newsroom's editor as well as an API route. */
export const ARTICLE_ACTIONS = {
  submit: defineOperation({
    summary: 'Submit for review',
    permission: 'article.submit',
    key: idKey,
    input: transitionSchema,
    output: ok,
    run: (s, actor, input, id) => done(s.workflow.submit(actor, id, input)),
  }),
  publish: defineOperation({
    summary: 'Publish now',
    permission: 'article.publish',
    key: idKey,
    input: transitionSchema,
    output: ok,
    run: (s, actor, input, id) => done(s.workflow.publish(actor, id, input)),
  }),
  schedule: defineOperation({
    summary: 'Publish at a future time (on a published article with held changes: update it then)',
    permission: 'article.schedule',
    key: idKey,
    input: scheduleSchema,
    output: ok,
    run: (s, actor, input, id) => done(s.workflow.schedule(actor, id, input)),
  }),
  unpublish: defineOperation({
    summary: 'Withdraw from the public site (410)',
    permission: 'article.unpublish',
    key: idKey,
    input: transitionSchema,
    output: ok,
    run: (s, actor, input, id) => done(s.workflow.unpublish(actor, id, input)),
  }),
  draft: defineOperation({
    summary: 'Send back to draft',
    permission: 'article.edit',
    key: idKey,
    input: transitionSchema,
    output: ok,
    run: (s, actor, input, id) => done(s.workflow.toDraft(actor, id, input)),
  }),
  update: defineOperation({
    summary: 'Publish a published article’s held changes (revision: the latest, as the editor saw it)',
    permission: 'article.publish',
    key: idKey,
    input: updateSchema,
    output: z.object({ revision: z.number().int() }),
    run: (s, actor, input, id) => s.workflow.update(actor, id, input),
  }),
  discard: defineOperation({
    summary: 'Discard a published article’s held changes: a new revision equal to what readers see',
    permission: 'article.publish',
    key: idKey,
    input: discardSchema,
    output: z.object({ revision: z.number().int() }),
    run: (s, actor, input, id) => s.workflow.discard(actor, id, input),
  }),
  corrections: defineOperation({
    summary: 'Append a dated correction or clarification',
    permission: 'article.correct',
    key: idKey,
    input: correctionSchema,
    output: created,
    status: 201,
    run: async (s, actor, input, id) => ({ id: await s.workflow.correct(actor, id, input) }),
  }),
};

export type ArticleActionName = keyof typeof ARTICLE_ACTIONS;
