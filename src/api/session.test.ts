// Sessions and CSRF over HTTP: the session cookie's flags, sign-out (here and everywhere), and the CSRF
// token every state-changing session request must carry (API header, newsroom form field, sign-in
// double-submit cookie). API tokens are not cookies, so they need no CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, postSignIn, setCookie, signIn, signInForm, team, PASSWORD } from '../../test/support/newsroom.ts';

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
    for (const headers of [s.headers(false), { ...s.headers(false), 'x-csrf-token': 'not-the-token' }, { ...s.headers(false), 'x-csrf-token': '' }]) {
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
    const res = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { ...a.headers(false), 'x-csrf-token': b.csrf }, payload: articleBody(sectionId) });
    expect(res.statusCode).toBe(403);
  });

  it('a newsroom form POST without _csrf is refused and the status stays; with it, it goes through', async () => {
    const s = await signIn(app, people.writer.user.email);
    const { id } = await app.services.content.create(people.writer.actor, articleBody(sectionId));
    const submit = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}/submit`,
        headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
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
    const res = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(people.writer.token), payload: articleBody(sectionId) });
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
    const out = await app.inject({ method: 'POST', url: '/newsroom/sign-out', headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'everywhere=1' });
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
