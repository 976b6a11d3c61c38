// Sessions and CSRF over HTTP: the session cookie's flags, sign-out (here and everywhere), and the CSRF
// token every state-changing session request must carry (API header, newsroom form field, sign-in
// double-submit cookie). API tokens are not cookies, so they need no CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dialects, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, hiddenCsrf, postSignIn, setCookie, signIn, signInForm, team, PASSWORD } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let sectionId: number;

beforeAll(async () => {
  t = await sqliteTestDb();
  sectionId = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store);
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const articleCount = async () => (await t.store.editorial.list({ limit: 1000 })).length;
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `mh_session=${cookie}` } });

describe('CSRF on session requests', () => {
  it('an API POST with a session cookie needs the session’s x-csrf-token', async () => {
    const s = await signIn(app, people.writer.user.email);
    const before = await articleCount();
    for (const headers of [
      s.headers(false),
      { ...s.headers(false), 'x-csrf-token': 'not-the-token' },
      { ...s.headers(false), 'x-csrf-token': '' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: articleBody(sectionId) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_INVALID');
    }
    expect(await articleCount()).toBe(before);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: s.headers(), payload: articleBody(sectionId) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await articleCount()).toBe(before + 1);
  });

  it('an API PUT without the token is refused and the article is unchanged; with it, saved', async () => {
    const s = await signIn(app, people.writer.user.email);
    const { id } = await app.services.content.create(people.writer.actor, articleBody(sectionId, { headline: 'Original headline' }));
    const payload = { baseRevision: 1, article: articleBody(sectionId, { headline: 'Forged headline' }) };
    const forged = await app.inject({ method: 'PUT', url: `/api/v1/articles/${id}`, headers: s.headers(false), payload });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_INVALID');
    expect((await t.store.editorial.editorialState(id))!.revision).toBe(1);
    expect((await t.store.articles.byId(id))!.headline).toBe('Original headline');
    const ok = await app.inject({ method: 'PUT', url: `/api/v1/articles/${id}`, headers: s.headers(), payload });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.store.articles.byId(id))!.headline).toBe('Forged headline');
  });

  it('one session’s CSRF token does not work with another session', async () => {
    const a = await signIn(app, people.editor.user.email);
    const b = await signIn(app, people.editor.user.email);
    expect(a.csrf).not.toBe(b.csrf);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { ...a.headers(false), 'x-csrf-token': b.csrf },
      payload: articleBody(sectionId),
    });
    expect(res.statusCode).toBe(403);
  });

  it('a newsroom form POST without _csrf is refused and the status stays; with it, it goes through', async () => {
    const s = await signIn(app, people.writer.user.email);
    const { id } = await app.services.content.create(people.writer.actor, articleBody(sectionId));
    // Submit is a button of the article form: the form is saved and submitted in one step.
    const article = { baseRevision: '1', headline: 'A draft to submit', primarySectionId: String(sectionId), intent: 'submit' };
    const submit = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}`,
        headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...article, ...fields }).toString(),
      });
    const forged: Record<string, string>[] = [{ note: 'please review' }, { _csrf: 'wrong', note: 'please review' }, { _csrf: '' }];
    for (const fields of forged) {
      const res = await submit(fields);
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-error-code']).toBe('CSRF_INVALID');
      expect((await t.store.editorial.editorialState(id))!.status).toBe('draft');
    }
    const ok = await submit({ _csrf: s.csrf, note: 'please review' });
    expect(ok.statusCode).toBe(303);
    expect((await t.store.editorial.editorialState(id))!.status).toBe('in_review');
  });

  it('sign-in needs the double-submit cookie and the matching form token', async () => {
    const form = await signInForm(app);
    const creds = { email: people.writer.user.email, password: PASSWORD };
    const attempts = [
      await postSignIn(app, creds), // neither
      await postSignIn(app, { ...creds, _csrf: '' }), // empty token, no cookie: must not count as a match
      await postSignIn(app, { ...creds, _csrf: form.csrf }), // token without its cookie
      await postSignIn(app, creds, form.cookie), // cookie without the token
      await postSignIn(app, { ...creds, _csrf: 'x'.repeat(form.csrf.length) }, form.cookie), // mismatch
    ];
    for (const [i, res] of attempts.entries()) {
      expect(res.statusCode, `attempt ${i}`).toBe(403);
      expect(res.headers['x-error-code']).toBe('CSRF_INVALID');
      expect(setCookie(res, 'mh_session')).toBeUndefined();
    }
    const ok = await postSignIn(app, { ...creds, _csrf: form.csrf }, form.cookie);
    expect(ok.statusCode).toBe(303);
    expect(setCookie(ok, 'mh_session')).toBeDefined();
  });

  it('Bearer-token requests need no CSRF token', async () => {
    const before = await articleCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: bearer(people.writer.token),
      payload: articleBody(sectionId),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await articleCount()).toBe(before + 1);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and Secure on an https origin', async () => {
    const s = await signIn(app, people.editor.user.email);
    const c = setCookie(s.response, 'mh_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    const raw = ([] as string[]).concat(s.response.headers['set-cookie'] ?? []).find((h) => h.startsWith('mh_session='))!;
    expect(raw).toMatch(/; HttpOnly/);
    expect(raw).toMatch(/; SameSite=Lax/);
    expect(raw).toMatch(/; Path=\//);
    expect(raw).toMatch(/; Secure/);
  });

  it('is not marked Secure on an http origin (it would never be sent back)', async () => {
    const plain = await testApp(t.store, { MASTHEAD_ORIGIN: 'http://news.example' });
    try {
      const s = await signIn(plain, people.editor.user.email);
      const c = setCookie(s.response, 'mh_session')!;
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(c.secure).toBeFalsy();
      const raw = ([] as string[]).concat(s.response.headers['set-cookie'] ?? []).find((h) => h.startsWith('mh_session='))!;
      expect(raw).not.toMatch(/Secure/i);
    } finally {
      await plain.close();
    }
  });

  it('sign-out clears the cookie and the old cookie no longer works', async () => {
    const s = await signIn(app, people.writer.user.email);
    expect((await me(s.token)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(s.csrf)}`,
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/newsroom/sign-in');
    const cleared = setCookie(out, 'mh_session')!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());
    const after = await me(s.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('NOT_SIGNED_IN');
    const page = await app.inject({ method: 'GET', url: '/newsroom', headers: { cookie: `mh_session=${s.token}` } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/newsroom\/sign-in/);
  });

  it('sign-out without the CSRF token is refused and the session lives on', async () => {
    const s = await signIn(app, people.writer.user.email);
    const out = await app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'everywhere=1',
    });
    expect(out.statusCode).toBe(403);
    expect((await me(s.token)).statusCode).toBe(200);
  });

  it('“sign out everywhere” ends every session of that user and no one else’s', async () => {
    const here = await signIn(app, people.editor.user.email);
    const laptop = await signIn(app, people.editor.user.email);
    const colleague = await signIn(app, people.admin.user.email);
    const out = await app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...here.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: here.csrf, everywhere: '1' }).toString(),
    });
    expect(out.statusCode).toBe(303);
    expect((await me(here.token)).statusCode).toBe(401);
    expect((await me(laptop.token)).statusCode).toBe(401);
    expect((await me(colleague.token)).statusCode).toBe(200);
    // API tokens are not sessions: they keep working until revoked.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(people.editor.token) })).statusCode).toBe(200);
  });
});

/** POST /newsroom/sign-in as a browser would send it: the double-submit cookie plus whatever session cookie it holds. */
function signInWithCookies(a: FastifyInstance, fields: Record<string, string>, cookies: Record<string, string>) {
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return a.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe.each(dialects)('signing in while a session cookie is present, on $name', ({ open }) => {
  let db: TestDb;
  let a: FastifyInstance;
  let crew: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    db = await open();
    a = await testApp(db.store);
    crew = await team(a);
  });
  afterAll(async () => {
    await a.close();
    await db.destroy();
  });
  const whoIs = async (token: string) => {
    const res = await a.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `mh_session=${token}` } });
    return res.statusCode === 200 ? (res.json().user.email as string) : res.statusCode;
  };

  /** Opens the sign-in page with the session cookie and signs in as the editor; returns the new session's token. */
  async function switchTo(sessionCookie: string) {
    const form = await a.inject({ method: 'GET', url: '/newsroom/sign-in', headers: { cookie: `mh_session=${sessionCookie}` } });
    const csrfCookie = setCookie(form, 'mh_signin_csrf')!.value;
    const res = await signInWithCookies(
      a,
      { _csrf: hiddenCsrf(form.body), email: crew.editor.user.email, password: PASSWORD },
      { mh_session: sessionCookie, mh_signin_csrf: csrfCookie },
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const fresh = setCookie(res, 'mh_session')!.value;
    expect(fresh).not.toBe(sessionCookie);
    expect(await whoIs(fresh)).toBe(crew.editor.user.email);
    return fresh;
  }

  it('a valid session of another user: sign-in works, the new session replaces it and the old one is ended', async () => {
    const writer = await signIn(a, crew.writer.user.email);
    await switchTo(writer.token);
    expect(await whoIs(writer.token)).toBe(401);
  });

  it('a stale session cookie (signed out) does not block sign-in', async () => {
    const old = await signIn(a, crew.writer.user.email);
    await a.inject({ method: 'POST', url: '/newsroom/sign-out', headers: old.headers(), payload: {} });
    expect(await whoIs(old.token)).toBe(401);
    await switchTo(old.token);
  });

  it('a foreign (planted, never issued) session cookie does not block sign-in', async () => {
    await switchTo('planted-by-someone-else-0123456789abcdef');
  });

  it('with a valid session present, sign-in still needs its own double-submit token, and a refusal leaves the session be', async () => {
    const writer = await signIn(a, crew.writer.user.email);
    const form = await signInForm(a);
    const creds = { email: crew.editor.user.email, password: PASSWORD };
    const both = { mh_session: writer.token, mh_signin_csrf: form.cookie };
    const refused = [
      await signInWithCookies(a, { ...creds, _csrf: form.csrf }, { mh_session: writer.token }),
      // The session's own token is not the sign-in form's.
      await signInWithCookies(a, { ...creds, _csrf: writer.csrf }, { mh_session: writer.token }),
      await signInWithCookies(a, { ...creds, _csrf: 'x'.repeat(form.csrf.length) }, both),
    ];
    for (const [i, res] of refused.entries()) {
      expect(res.statusCode, `attempt ${i}`).toBe(403);
      expect(res.headers['x-error-code']).toBe('CSRF_INVALID');
      expect(setCookie(res, 'mh_session')).toBeUndefined();
    }
    const wrong = await signInWithCookies(a, { ...creds, password: 'not it', _csrf: form.csrf }, both);
    expect(wrong.statusCode).toBe(401);
    expect(await whoIs(writer.token)).toBe(crew.writer.user.email);
  });

  it('other newsroom POSTs with a session still need the session’s CSRF token', async () => {
    const writer = await signIn(a, crew.writer.user.email);
    const res = await a.inject({ method: 'POST', url: '/newsroom/tokens', headers: writer.headers(false), payload: { name: 'forged' } });
    expect(res.statusCode).toBe(403);
  });
});

describe.each(dialects)('revoking API tokens on sign-out, on $name', ({ open }) => {
  let db: TestDb;
  let a: FastifyInstance;
  let crew: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    db = await open();
    a = await testApp(db.store);
    crew = await team(a);
  });
  afterAll(async () => {
    await a.close();
    await db.destroy();
  });
  const tokenWorks = async (token: string) =>
    (await a.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode === 200;
  const signOut = (s: Awaited<ReturnType<typeof signIn>>, fields: Record<string, string>) =>
    a.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
    });

  it('the sign-out form offers “Also revoke my API tokens”', async () => {
    const s = await signIn(a, crew.writer.user.email);
    const page = await a.inject({ method: 'GET', url: '/newsroom', headers: s.headers(false) });
    const box = /<input[^>]*name="revokeTokens"[^>]*>/.exec(page.body)?.[0];
    expect(box).toMatch(/type="checkbox"/);
    const id = /id="([^"]+)"/.exec(box!)![1];
    expect(page.body).toMatch(new RegExp(`<label for="${id}"[^>]*>Also revoke my API tokens</label>`));
  });

  it('“sign out everywhere” with the box ticked also revokes every API token of that user, and no one else’s', async () => {
    const extra = await a.services.auth.createApiToken(crew.writer.user.id, 'second');
    const s = await signIn(a, crew.writer.user.email);
    const out = await signOut(s, { everywhere: '1', revokeTokens: '1' });
    expect(out.statusCode).toBe(303);
    expect(await tokenWorks(crew.writer.token)).toBe(false);
    expect(await tokenWorks(extra.token)).toBe(false);
    expect(await tokenWorks(crew.writer2.token)).toBe(true);
    const audit = await db.store.audit.recent(5);
    expect(audit.find((e) => e.action === 'auth.signed_out_everywhere')).toMatchObject({
      userId: crew.writer.user.id,
      details: { tokensRevoked: 2 },
    });
  });

  it('without the box ticked, the API tokens keep working', async () => {
    const s = await signIn(a, crew.editor.user.email);
    expect((await signOut(s, { everywhere: '1' })).statusCode).toBe(303);
    expect(await tokenWorks(crew.editor.token)).toBe(true);
  });
});
