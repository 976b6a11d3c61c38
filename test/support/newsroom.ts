// Newsroom fixtures for HTTP tests: users of every role (made through the auth service, so passwords are real
// scrypt hashes), API tokens, and a browser-like sign-in that yields a session cookie and its CSRF token.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/permissions.ts';
import type { User } from '../../src/store/users.ts';

export const PASSWORD = 'correct horse battery staple';

export interface Member {
  user: User;
  token: string;
  actor: { id: number; role: Role };
}

let n = 0;

/** A user with a role and an API token. */
export async function member(app: FastifyInstance, role: Role, name = `${role} ${++n}`): Promise<Member> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${++n}@news.example`;
  const user = await app.services.auth.createUser({ email, name, role, password: PASSWORD });
  const { token } = await app.services.auth.createApiToken(user.id, 'tests');
  return { user, token, actor: { id: user.id, role } };
}

export async function team(app: FastifyInstance) {
  return {
    writer: await member(app, 'writer', 'Wendy Writer'),
    writer2: await member(app, 'writer', 'Walter Writer'),
    editor: await member(app, 'editor', 'Eddie Editor'),
    admin: await member(app, 'admin', 'Ada Admin'),
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The value of a cookie set by a response, or undefined. */
export function setCookie(res: LightMyRequestResponse, name: string) {
  return res.cookies.find((c) => c.name === name);
}

export function hiddenCsrf(html: string): string {
  const m = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1]!;
}

export function metaCsrf(html: string): string {
  const m = /<meta name="csrf-token" content="([^"]*)"/.exec(html);
  if (!m) throw new Error('no csrf-token meta on the page');
  return m[1]!;
}

/** Opens the sign-in page: the double-submit cookie and the form's token. */
export async function signInForm(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/newsroom/sign-in' });
  const cookie = setCookie(res, 'mh_signin_csrf');
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in page: ${res.statusCode}`);
  return { cookie: cookie.value, csrf: hiddenCsrf(res.body) };
}

export function postSignIn(
  app: FastifyInstance,
  fields: Record<string, string>,
  cookie?: string,
  remoteAddress = '127.0.0.1',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: `mh_signin_csrf=${cookie}` } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

export interface Session {
  /** The mh_session cookie value. */
  token: string;
  /** The session's CSRF token, read from the dashboard's <meta name="csrf-token">. */
  csrf: string;
  /** The raw sign-in response, for checking cookie attributes. */
  response: LightMyRequestResponse;
  headers(withCsrf?: boolean): Record<string, string>;
}

/** Signs in like a browser: GET the form, POST it with the double-submit cookie, then read the dashboard. */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, remoteAddress = '127.0.0.1'): Promise<Session> {
  const form = await signInForm(app);
  const res = await postSignIn(app, { _csrf: form.csrf, email, password }, form.cookie, remoteAddress);
  const session = setCookie(res, 'mh_session');
  if (res.statusCode !== 303 || !session) throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const dash = await app.inject({ method: 'GET', url: '/newsroom', headers: { cookie: `mh_session=${session.value}` } });
  if (dash.statusCode !== 200) throw new Error(`dashboard: ${dash.statusCode}`);
  const csrf = metaCsrf(dash.body);
  return {
    token: session.value,
    csrf,
    response: res,
    headers: (withCsrf = true) => ({ cookie: `mh_session=${session.value}`, ...(withCsrf ? { 'x-csrf-token': csrf } : {}) }),
  };
}

/** A minimal valid article body for the API. */
export function articleBody(primarySectionId: number, overrides: Record<string, unknown> = {}) {
  return {
    headline: `A headline ${++n}`,
    standfirst: 'What happened, in one line.',
    body: [{ type: 'paragraph', content: [{ text: 'First paragraph.' }] }],
    primarySectionId,
    ...overrides,
  };
}

/** A newsroom page as the signed-in browser of `s` gets it. */
export const getPage = (app: FastifyInstance, s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers(false) });

/** A newsroom form as the browser of `s` posts it: urlencoded, with the session's CSRF token in `_csrf`. */
export const postForm = (app: FastifyInstance, s: Session, url: string, fields: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
  });
