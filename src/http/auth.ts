// Who is asking: a newsroom session (cookie) or an API token (Authorization: Bearer). State-changing
// requests made with a session must carry its CSRF token; token requests cannot be forged by a browser.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Actor } from '../domain/permissions.ts';
import { AppError } from '../errors.ts';
import { csrfMatches, SESSION_TTL_MS, type AuthService, type SessionInfo } from '../services/auth/auth.ts';
import type { User } from '../store/users.ts';

export const SESSION_COOKIE = 'mh_session';
export const SIGN_IN_CSRF_COOKIE = 'mh_signin_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The newsroom session, when the request carries a valid session cookie. */
    session: SessionInfo | null;
    /** The user behind the request: session or API token. */
    user: User | null;
    viaToken: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.floor(SESSION_TTL_MS / 1000) };
}

/**
 * Resolves the user for /newsroom and /api requests and enforces CSRF on their state-changing requests.
 * Both are decided when the request arrives, before its body is read: an anonymous or cross-site request never
 * gets its body parsed (a few megabytes of JSON cost the event loop seconds, which every reader then waited for).
 */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('viaToken', false);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/newsroom') && !req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.user = await auth.apiUser(header.slice(7).trim());
      if (!req.user) throw new AppError('NOT_SIGNED_IN', 'The API token is unknown or revoked.');
      req.viaToken = true;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.session = await auth.session(token);
      req.user = req.session?.user ?? null;
    }
    if (SAFE_METHODS.has(req.method) || isSignIn(req)) return;
    if (!req.session) throw new AppError('NOT_SIGNED_IN');
    // A browser names the page a form or fetch came from; another site's is refused before the body is read.
    if (!sameOrigin(req)) throw new AppError('CSRF_INVALID');
    const given = req.headers['x-csrf-token'];
    if (given !== undefined && !csrfMatches(req.session.csrfToken, given)) throw new AppError('CSRF_INVALID');
  });

  // Forms carry the token in their body, so it is compared once the (size-limited) body of a signed-in user is read.
  app.addHook('preHandler', async (req) => {
    if (!req.session || req.viaToken || SAFE_METHODS.has(req.method) || isSignIn(req) || req.headers['x-csrf-token'] !== undefined) return;
    // A multipart form's token is one of its parts: the route that reads them compares it (csrfOfParts) before acting.
    if (req.routeOptions.config.csrfInParts && req.isMultipart()) return;
    const body = req.body as Record<string, unknown> | undefined;
    if (!csrfMatches(req.session.csrfToken, body && typeof body === 'object' ? body._csrf : undefined)) throw new AppError('CSRF_INVALID');
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart form and checks its `_csrf` part itself with `csrfOfParts`. */
    csrfInParts?: boolean;
  }
}

/** For a `csrfInParts` route: the `_csrf` part of a multipart form a signed-in browser sent must match its session. */
export function csrfOfParts(req: FastifyRequest, fields: Record<string, string>) {
  if (req.viaToken || req.headers['x-csrf-token'] !== undefined) return;
  if (!req.session || !csrfMatches(req.session.csrfToken, fields._csrf)) throw new AppError('CSRF_INVALID');
}

/**
 * False when the browser says the request came from a page of another origin: Sec-Fetch-Site, or an Origin whose
 * host is not the one the request was sent to (the scheme is left out: a TLS proxy in front speaks http here).
 */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin);
    to = new URL(`http://${req.headers.host ?? ''}`);
  } catch {
    return false; // "null" (a sandboxed or privacy-redirected page) or garbage
  }
  // URL drops a scheme's default port from the Origin; the Host header may still name it.
  const defaultPort = (p: string) => p === '' || p === '80' || p === '443';
  return from.hostname === to.hostname && (from.port === to.port || (defaultPort(from.port) && defaultPort(to.port)));
}

/**
 * POST /newsroom/sign-in carries the sign-in form's double-submit token, never a session's, and checks it itself:
 * a session cookie already present (another user's, when switching accounts) must not make it fail.
 */
function isSignIn(req: FastifyRequest): boolean {
  return req.method === 'POST' && req.routeOptions.url === '/newsroom/sign-in';
}

/** The acting user, or NOT_SIGNED_IN. */
export function actorOf(req: FastifyRequest): Actor & { name: string } {
  if (!req.user) throw new AppError('NOT_SIGNED_IN');
  return { id: req.user.id, role: req.user.role, name: req.user.name };
}

export function clientIp(req: FastifyRequest): string {
  return req.ip;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure));
}
