// The newsroom's HTML routes: parse the form, check who is asking, call one service, present or redirect.
import crypto from 'node:crypto';
import { articlePath } from '../domain/urls.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { zonedToUtc } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { actorOf, clientIp, cookieOptions, SESSION_COOKIE, setSessionCookie, SIGN_IN_CSRF_COOKIE } from '../http/auth.ts';
import { csrfMatches } from '../services/auth/auth.ts';
import { ARTICLE_BODY_LIMIT, SIGN_IN_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import type { SiteContext } from '../web/context.ts';
import { sendPage } from '../web/render.ts';
import { ArticleView } from '../site/views/article.tsx';
import { articleFormSchema, formToArticleInput } from './form.ts';
import { historyRoutes } from './history.tsx';
import { peopleRoutes } from './people.tsx';
import { finderRoutes } from './finder.tsx';
import { curationRoutes } from './curation.tsx';
import { adminRoutes } from './admin.tsx';
import type { NewsroomContext } from './views/layout.tsx';
import { articleId } from './request.ts';
import { ARTICLE_ACTIONS, perform, type OperationDef } from '../services/operations/index.ts';
import { EditorView, type EditorModel } from './views/editor.tsx';
import { AuditView, DashboardView, SignInView, TokensView } from './views/pages.tsx';

export interface NewsroomOptions {
  services: Services;
  site: Omit<SiteContext, 'nav'>;
  secureCookies: boolean;
}

const form = (req: FastifyRequest) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
const flashes: Record<string, string> = {
  saved: 'Saved.',
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

export function newsroomRoutes(app: FastifyInstance, opts: NewsroomOptions) {
  const { services, site, secureCookies } = opts;
  const ctxOf = (req: FastifyRequest, csrf?: string): NewsroomContext => ({
    siteName: site.siteName,
    timezone: site.timezone,
    actor: req.user ? actorOf(req) : null,
    csrfToken: csrf ?? req.session?.csrfToken ?? '',
  });

  // Pages need a session; without one, a reader is sent to sign in and brought back afterwards.
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/newsroom') || req.url.startsWith('/newsroom/sign-in')) return;
    if (!req.user && req.method === 'GET') return reply.redirect(`/newsroom/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    if (!req.user) throw new AppError('NOT_SIGNED_IN');
  });

  app.get('/newsroom/sign-in', async (req, reply) => {
    // Double-submit token: the sign-in form has no session yet, so its CSRF token lives in a cookie.
    const token = crypto.randomBytes(24).toString('base64url');
    reply.setCookie(SIGN_IN_CSRF_COOKIE, token, { ...cookieOptions(secureCookies), maxAge: 3600 });
    const next = safeNext((req.query as Record<string, unknown>).next);
    // Shown as signed out even to someone signed in (switching accounts): the header's sign-out form would carry
    // the sign-in token, not the session's.
    return sendPage(reply, <SignInView ctx={{ ...ctxOf(req, token), actor: null }} next={next} />);
  });

  app.post('/newsroom/sign-in', { bodyLimit: SIGN_IN_BODY_LIMIT }, async (req, reply) => {
    const body = form(req);
    if (!csrfMatches(req.cookies[SIGN_IN_CSRF_COOKIE] ?? '', body._csrf)) throw new AppError('CSRF_INVALID');
    const email = String(body.email ?? '');
    try {
      const s = await services.auth.signIn({
        email,
        password: String(body.password ?? ''),
        ip: clientIp(req),
        userAgent: String(req.headers['user-agent'] ?? ''),
      });
      // The new session replaces whatever session the browser held (switching accounts): end that one.
      if (req.session) await services.auth.signOut(req.session.sessionId);
      setSessionCookie(reply, s.token, secureCookies);
      reply.clearCookie(SIGN_IN_CSRF_COOKIE, { path: '/' });
      return reply.redirect(safeNext(body.next) ?? '/newsroom', 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'SIGN_IN_FAILED' && err.code !== 'SIGN_IN_THROTTLED')) throw err;
      if (err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
      return sendPage(reply, <SignInView ctx={ctxOf(req, String(body._csrf))} error={err.message} email={email} />, err.status);
    }
  });

  app.post('/newsroom/sign-out', async (req, reply) => {
    const actor = actorOf(req);
    const { everywhere, revokeTokens } = form(req);
    if (everywhere) await services.auth.signOutEverywhere(actor.id, clientIp(req), { revokeTokens: Boolean(revokeTokens) });
    else if (req.session) await services.auth.signOut(req.session.sessionId);
    // The box sits in the one sign-out form: ticked, it is an explicit request, honoured whichever button was pressed.
    if (revokeTokens && !everywhere) await services.auth.revokeAllApiTokens(actor, actor.id, clientIp(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/newsroom/sign-in', 303);
  });

  app.get('/newsroom', async (req, reply) => {
    const d = await services.newsroom.dashboard(actorOf(req));
    return sendPage(reply, <DashboardView ctx={ctxOf(req)} d={d} />);
  });

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
        held: false,
        previews: {},
        tvProblems: [],
        input: {
          headline: '',
          standfirst: '',
          slug: '',
          body: [],
          kind: 'news',
          primarySectionId: sections[0]?.id ?? 0,
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
    const previews = await services.media.previews(c.input.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])));
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
      held: c.facts.held_revision !== null,
      previews,
      tvProblems,
    };
  }

  app.get('/newsroom/articles/new', async (req, reply) => {
    return sendPage(reply, <EditorView ctx={ctxOf(req)} m={await editorModel(req, null)} />);
  });

  app.post('/newsroom/articles', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const parsed = articleFormSchema.safeParse({ ...form(req), baseRevision: 1 });
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    try {
      const { id } = await services.content.create(actorOf(req), formToArticleInput(parsed.data));
      return reply.redirect(`/newsroom/articles/${id}?done=created`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT') throw err;
      // Nothing typed is lost: the form comes back with every value and the reason.
      const m = await editorModel(req, null);
      return sendPage(
        reply,
        <EditorView
          ctx={ctxOf(req)}
          m={{ ...m, input: { ...m.input, ...(formToArticleInput(parsed.data) as any) } }}
          error={err.message}
        />,
        400,
      );
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
    try {
      const saved = await services.content.save(actorOf(req), id, input, parsed.data.baseRevision);
      if (!saved.held) return reply.redirect(`/newsroom/articles/${id}?done=saved`, 303);
      if (form(req).andUpdate !== '1') return reply.redirect(`/newsroom/articles/${id}?done=held`, 303);
      // "Save and update live article": the revision just saved goes live at once.
      await services.workflow.update(actorOf(req), id, { revision: saved.revision, significantUpdate: parsed.data.significantUpdate });
      return reply.redirect(`/newsroom/articles/${id}?done=update`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'INVALID_INPUT' && err.code !== 'REVISION_CONFLICT')) throw err;
      const m = await editorModel(req, id);
      // On a conflict the form keeps the user's text and is re-based on the newer revision, so saving again
      // deliberately keeps theirs as a new revision; the other version stays in the history.
      const message =
        err.code === 'REVISION_CONFLICT'
          ? `${err.message} ${err.details.savedBy ? `${String(err.details.savedBy)} saved revision ${String(err.details.currentRevision)}.` : ''} Your version is below: save again to keep it as a new revision, or open the history to compare.`
          : err.message;
      return sendPage(
        reply,
        <EditorView
          ctx={ctxOf(req)}
          m={{
            ...m,
            revision: err.code === 'REVISION_CONFLICT' ? m.revision : parsed.data.baseRevision,
            input: { ...m.input, ...(input as any) },
          }}
          error={message}
        />,
        err.status,
      );
    }
  });

  // The article actions, made from the operation table the API's routes come from (services/operations).
  for (const [action, op] of Object.entries(ARTICLE_ACTIONS)) {
    app.post(`/newsroom/articles/:id/${action}`, async (req, reply) => {
      const id = articleId(req);
      const input = action === 'schedule' ? scheduleFromForm(form(req), site.timezone) : form(req);
      await perform(op as OperationDef, services, actorOf(req), { key: id, input });
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

  app.get('/newsroom/tokens', async (req, reply) => {
    const tokens = await services.newsroom.tokens(actorOf(req), { limit: 100 });
    return sendPage(reply, <TokensView ctx={ctxOf(req)} tokens={tokens.items} />);
  });
  app.post('/newsroom/tokens', async (req, reply) => {
    const actor = actorOf(req);
    const created = await services.newsroom.createToken(actor, { name: String(form(req).name ?? '') });
    const tokens = await services.newsroom.tokens(actor, { limit: 100 });
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <TokensView ctx={ctxOf(req)} tokens={tokens.items} created={created.token} />, 201);
  });
  app.post('/newsroom/tokens/:id/revoke', async (req, reply) => {
    await services.auth.revokeApiToken(actorOf(req).id, articleId(req));
    return reply.redirect('/newsroom/tokens', 303);
  });

  app.get('/newsroom/audit', async (req, reply) => {
    const entries = await services.newsroom.audit(actorOf(req), { cursor: (req.query as Record<string, string>).cursor });
    return sendPage(reply, <AuditView ctx={ctxOf(req)} entries={entries.items} next={entries.nextCursor} />);
  });

  historyRoutes(app, { services, ctxOf });
  curationRoutes(app, { services, ctxOf });
  finderRoutes(app, { services, ctxOf });
  peopleRoutes(app, { services, ctxOf });
  adminRoutes(app, { services, ctxOf });
}

/** The schedule form's time is the newsroom's local time (datetime-local); the action takes an ISO time. */
function scheduleFromForm(body: Record<string, unknown>, timezone: string) {
  const at = zonedToUtc(String(body.at ?? ''), timezone);
  if (!at) throw new AppError('INVALID_INPUT', 'at: must be a date and time', { field: 'at' });
  return { ...body, at };
}

/** Only same-site paths are allowed as a post-sign-in destination (no open redirect). */
function safeNext(v: unknown): string | undefined {
  return typeof v === 'string' && /^\/newsroom(\/[^\s\\]*)?$/.test(v) && !v.startsWith('//') ? v : undefined;
}

export type { FastifyReply };
