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

/** Resolves the user for /newsroom and /api requests and enforces CSRF on their state-changing requests. */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('viaToken', false);

  app.addHook('preHandler', async (req) => {
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
    if (req.session && !SAFE_METHODS.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const given = req.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
      if (!csrfMatches(req.session.csrfToken, given)) throw new AppError('CSRF_INVALID');
    }
  });
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
