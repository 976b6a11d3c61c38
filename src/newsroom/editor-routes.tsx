// The article editor's routes: the page; create and save, each optionally followed in the same step by submit,
// publish or schedule (so "Publish" works on a story that was never saved); the actions that do not save
// (unpublish, back to draft, discard held changes, corrections), each a small form of its own; the private preview.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { zonedToUtc } from '../domain/time.ts';
import { articlePath } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import { ARTICLE_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import { ARTICLE_ACTIONS, checkRole, perform, type ArticleActionName, type OperationDef } from '../services/operations/index.ts';
import { ArticleView } from '../site/views/article.tsx';
import type { SiteContext } from '../web/context.ts';
import { sendPage } from '../web/render.ts';
import { articleFormSchema, formToArticleInput } from './form.ts';
import { articleId, type CtxOf } from './request.ts';
import { EditorView, type EditorModel } from './views/editor.tsx';

const form = (req: FastifyRequest) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

const flashes: Record<string, string> = {
  saved: 'Saved.',
  unchanged: 'Nothing has changed since the last save: readers already see this version.',
  created: 'Draft created.',
  submit: 'Submitted for review.',
  publish: 'Published.',
  update: 'Updated: readers now see these changes.',
  discard: 'Changes discarded: the article is back to what readers see.',
  held: 'Saved. Readers do not see these changes until the article is updated.',
  schedule: 'Scheduled.',
  unpublish: 'Unpublished: readers now get a “removed” page.',
  draft: 'Moved back to draft.',
  corrections: 'Note appended; readers see it on the article.',
  restore: 'Revision restored as a new revision.',
};

/** What the editor's top bar and panel can ask for along with a save. */
const SAVE_AND = ['submit', 'publish', 'schedule'] as const satisfies readonly ArticleActionName[];
type Intent = (typeof SAVE_AND)[number];
/** Actions on the article as it stands, each from a small form of its own in the panel. */
const STANDALONE = ['unpublish', 'draft', 'discard', 'corrections'] as const satisfies readonly ArticleActionName[];

export function editorRoutes(app: FastifyInstance, opts: { services: Services; site: Omit<SiteContext, 'nav'>; ctxOf: CtxOf }) {
  const { services, site, ctxOf } = opts;

  async function editorModel(req: FastifyRequest, id: number | null): Promise<EditorModel> {
    const actor = actorOf(req);
    const [tree, people] = await Promise.all([services.reader.sections(), services.newsroom.people()]);
    const sections = tree.roots().flatMap((r) => [
      r,
      ...tree
        .subtreeIds(r.id)
        .slice(1)
        .map((i) => tree.get(i)!),
    ]);
    if (id === null) {
      return {
        id: null,
        revision: 1,
        status: 'draft',
        createdBy: actor.id,
        sections,
        people,
        lockHolder: null,
        scheduledAt: null,
        savedAt: null,
        held: false,
        previews: {},
        tvProblems: [],
        input: {
          headline: '',
          standfirst: '',
          slug: '',
          body: [],
          kind: 'news',
          primarySectionId: 0,
          extraSectionIds: [],
          tags: [],
          // The signed-in journalist's own byline, when their account is linked to an author.
          authorIds: req.user?.personId ? [req.user.personId] : [],
          hero: null,
          video: null,
          seoTitle: '',
          seoDescription: '',
        },
      };
    }
    const c = await services.content.current(actor, id);
    const lock = await services.newsroom.openArticle(actor, id);
    const heroIds = [c.input.hero?.mediaId, c.input.video?.posterMediaId].filter((m): m is number => !!m);
    const previews = await services.media.previews([...heroIds, ...c.input.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []))]);
    const tvProblems = c.input.video ? await services.tv.problemsFor(id) : [];
    const live = c.status === 'published' ? await services.reader.article(id).catch(() => null) : null;
    return {
      liveUrl: live ? articlePath(live.article, site.timezone) : null,
      id,
      revision: c.revision,
      status: c.status,
      createdBy: c.facts.createdBy,
      input: c.input,
      sections,
      people,
      lockHolder: lock,
      scheduledAt: c.facts.scheduled_at,
      savedAt: c.facts.modified_at,
      held: c.facts.held_revision !== null,
      previews,
      tvProblems,
    };
  }

  /** The intent a top-bar or panel button sent, checked (role, schedule time) before anything is saved. */
  function intentOf(req: FastifyRequest): { intent: Intent; input: Record<string, unknown> } | null {
    const body = form(req);
    if (body.intent === undefined || body.intent === '') return null;
    const intent = SAVE_AND.find((i) => i === body.intent);
    if (!intent) throw new AppError('INVALID_INPUT', `intent: must be one of ${SAVE_AND.join(', ')}`, { field: 'intent' });
    checkRole(actorOf(req), ARTICLE_ACTIONS[intent]);
    const input = { note: body.note ?? '', ...(intent === 'schedule' && { at: scheduleAt(body.at, site.timezone) }) };
    return { intent, input };
  }

  const act = (req: FastifyRequest, id: number, intent: Intent, input: Record<string, unknown>) =>
    perform(ARTICLE_ACTIONS[intent] as OperationDef, services, actorOf(req), { key: id, input });

  /** Nothing typed is lost: on a refusal the form comes back with every value and the reason. */
  async function refused(req: FastifyRequest, id: number | null, input: unknown, message: string, baseRevision?: number) {
    const m = await editorModel(req, id);
    return (
      <EditorView
        ctx={ctxOf(req)}
        m={{ ...m, ...(baseRevision !== undefined && { revision: baseRevision }), input: { ...m.input, ...(input as object) } }}
        error={message}
      />
    );
  }

  app.get('/newsroom/articles/new', async (req, reply) => {
    return sendPage(reply, <EditorView ctx={ctxOf(req)} m={await editorModel(req, null)} />);
  });

  app.post('/newsroom/articles', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const parsed = articleFormSchema.safeParse({ ...form(req), baseRevision: 1 });
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    const input = formToArticleInput(parsed.data);
    try {
      const next = intentOf(req);
      const { id } = await services.content.create(actorOf(req), input);
      if (!next) return reply.redirect(`/newsroom/articles/${id}?done=created`, 303);
      await act(req, id, next.intent, next.input);
      return reply.redirect(`/newsroom/articles/${id}?done=${next.intent}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT') throw err;
      return sendPage(reply, await refused(req, null, input, err.message), 400);
    }
  });

  app.get('/newsroom/articles/:id', async (req, reply) => {
    const done = String((req.query as Record<string, unknown>).done ?? '');
    return sendPage(reply, <EditorView ctx={ctxOf(req)} m={await editorModel(req, articleId(req))} flash={flashes[done]} />);
  });

  app.post('/newsroom/articles/:id', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const id = articleId(req);
    const parsed = articleFormSchema.safeParse(form(req));
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'The form is missing its revision number; reload the page.');
    const input = formToArticleInput(parsed.data);
    const actor = actorOf(req);
    try {
      const next = intentOf(req);
      const andUpdate = form(req).andUpdate === '1';
      const saved = await services.content.save(actor, id, input, parsed.data.baseRevision, { onlyIfChanged: next !== null || andUpdate });
      if (next) {
        await act(req, id, next.intent, next.input);
        return reply.redirect(`/newsroom/articles/${id}?done=${next.intent}`, 303);
      }
      if (!saved.held) return reply.redirect(`/newsroom/articles/${id}?done=${saved.unchanged ? 'unchanged' : 'saved'}`, 303);
      if (!andUpdate) return reply.redirect(`/newsroom/articles/${id}?done=held`, 303);
      // "Update": the revision just saved goes live at once.
      await services.workflow.update(actor, id, { revision: saved.revision, significantUpdate: parsed.data.significantUpdate });
      return reply.redirect(`/newsroom/articles/${id}?done=update`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'INVALID_INPUT' && err.code !== 'REVISION_CONFLICT')) throw err;
      // On a conflict the form keeps the user's text and is re-based on the newer revision, so saving again
      // deliberately keeps theirs as a new revision; the other version stays in the history.
      const conflict = err.code === 'REVISION_CONFLICT';
      const message = conflict
        ? `${err.message} ${err.details.savedBy ? `${String(err.details.savedBy)} saved revision ${String(err.details.currentRevision)}.` : ''} Your version is below: save again to keep it as a new revision, or open the history to compare.`
        : err.message;
      return sendPage(reply, await refused(req, id, input, message, conflict ? undefined : parsed.data.baseRevision), err.status);
    }
  });

  // The actions that do not save, made from the operation table the API's routes come from (services/operations).
  for (const action of STANDALONE) {
    app.post(`/newsroom/articles/:id/${action}`, async (req, reply) => {
      const id = articleId(req);
      await perform(ARTICLE_ACTIONS[action] as OperationDef, services, actorOf(req), { key: id, input: form(req) });
      return reply.redirect(`/newsroom/articles/${id}?done=${action}`, 303);
    });
  }

  app.get('/newsroom/articles/:id/preview', async (req, reply) => {
    const id = articleId(req);
    const c = await services.content.current(actorOf(req), id); // permission to view
    // A live article with held changes previews as it will read after Update.
    const page = await services.reader.preview(id, c.facts.held_revision !== null ? c.input : undefined);
    reply.header('x-robots-tag', 'noindex');
    reply.header('cache-control', 'private, no-store');
    const nav = (await services.reader.sections()).roots();
    return sendPage(reply, <ArticleView site={{ ...site, nav }} page={page} />);
  });
}

/** The schedule field's time is the newsroom's local time (datetime-local); the action takes an ISO time. */
function scheduleAt(value: unknown, timezone: string): string {
  const at = zonedToUtc(String(value ?? ''), timezone);
  if (!at) throw new AppError('INVALID_INPUT', 'at: choose the date and time it goes out', { field: 'at' });
  return at;
}
