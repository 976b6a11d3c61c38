// The newsroom's HTML routes: parse the form, check who is asking, call one service, present or redirect.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { actorOf, clientIp, cookieOptions, SESSION_COOKIE, setSessionCookie, SIGN_IN_CSRF_COOKIE } from '../http/auth.ts';
import { csrfMatches } from '../services/auth/auth.ts';
import { SIGN_IN_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import type { SiteContext } from '../web/context.ts';
import { sendPage } from '../web/render.ts';
import { historyRoutes } from './history.tsx';
import { peopleRoutes } from './people.tsx';
import { tagsRoutes } from './tags.tsx';
import { pagesRoutes } from './pages.tsx';
import { finderRoutes } from './finder.tsx';
import { curationRoutes } from './curation.tsx';
import { adminRoutes } from './admin.tsx';
import { mediaRoutes } from './media.tsx';
import type { NewsroomContext } from './views/layout.tsx';
import { articleId } from './request.ts';
import { editorRoutes } from './editor-routes.tsx';
import { AuditView, SignInView, TokensView } from './views/pages.tsx';
import { DashboardView } from './views/dashboard.tsx';

export interface NewsroomOptions {
  services: Services;
  site: Omit<SiteContext, 'nav'>;
  secureCookies: boolean;
}

const form = (req: FastifyRequest) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

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

  editorRoutes(app, { services, site, ctxOf });

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
  tagsRoutes(app, { services, ctxOf });
  pagesRoutes(app, { services, ctxOf });
  adminRoutes(app, { services, ctxOf });
  mediaRoutes(app, { services, ctxOf });
}

/** Only same-site paths are allowed as a post-sign-in destination (no open redirect). */
function safeNext(v: unknown): string | undefined {
  return typeof v === 'string' && /^\/newsroom(\/[^\s\\]*)?$/.test(v) && !v.startsWith('//') ? v : undefined;
}

export type { FastifyReply };
