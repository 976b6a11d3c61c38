// Newsroom pages and sign-in under hostile input (SQLite): every newsroom GET route with hostile ids, slugs
// and query strings, signed in and signed out; the sign-in form with hostile e-mail addresses, passwords, CSRF
// tokens and return paths (a good sign-in never lands outside the newsroom). Forms: newsroom.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestDb } from '../support/db.ts';
import { hiddenCsrf, setCookie } from '../support/newsroom.ts';
import { expectAnswered, report, send, tried } from './harness.ts';
import { registeredRoutes } from './inventory.ts';
import { oversized, sample, shareOf, strings, urlEncode } from './payloads.ts';
import { rawUrlPieces } from './payloads-raw.ts';
import { buildWorld, type World } from './world.ts';

let w: World;

beforeAll(async () => {
  w = await buildWorld(await sqliteTestDb());
});
afterAll(async () => {
  report('newsroom pages and sign-in, sqlite');
  await w?.close();
});

describe('hostile input against newsroom pages and sign-in on sqlite', () => {
  it('newsroom pages: hostile ids, slugs and query strings', async () => {
    const values = [...rawUrlPieces, ...sample.map(urlEncode)];
    const routes = registeredRoutes(w.app).filter((r) => r.method === 'GET' && r.url.startsWith('/newsroom'));
    let i = 0;
    for (const route of routes) {
      const url = route.url.replace(':id', String(w.draftId)).replace(':slug', 'top-stories');
      for (const value of i === 0 ? values : shareOf(values, i, 8)) {
        tried(value);
        for (const key of ['done', 'q', 'a', 'b', 'next'])
          await expectAnswered(w.app, { method: 'GET', url: `${url}?${key}=${value}`, headers: w.session.headers(false) });
        if (route.url.includes(':'))
          await expectAnswered(w.app, { method: 'GET', url: route.url.replace(/:\w+/, value), headers: w.session.headers(false) });
      }
      i++;
      // Signed out: sent to sign in (with a safe way back), never an error.
      const res = await expectAnswered(w.app, { method: 'GET', url: `${url}?next=//evil.example` });
      expect(res.statusCode, url).toBe(route.url === '/newsroom/sign-in' ? 200 : 303);
    }
  });

  it('the sign-in form: hostile e-mail addresses, passwords, return paths and CSRF', async () => {
    const page = await send(w.app, { method: 'GET', url: '/newsroom/sign-in' });
    const cookie = setCookie(page, 'mh_signin_csrf')!.value;
    const csrf = hiddenCsrf(page.body);
    let address = 0;
    const signIn = (fields: Record<string, string>, note: string) =>
      expectAnswered(
        w.app,
        {
          method: 'POST',
          url: '/newsroom/sign-in',
          remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `mh_signin_csrf=${cookie}` },
          payload: new URLSearchParams({ _csrf: csrf, email: 'nobody@news.example', password: 'wrong password!', ...fields }).toString(),
        },
        note,
      );
    // Each refused sign-in costs a password hash (on purpose), so a spread of 20 payloads, not all of them.
    for (const [i, payload] of strings.filter((s, k) => !oversized.includes(s) && k % 9 === 0).entries()) {
      tried(payload);
      expect((await signIn({ email: payload }, 'email')).statusCode).toBeGreaterThanOrEqual(400);
      expect((await signIn({ password: payload }, 'password')).statusCode).toBeGreaterThanOrEqual(400);
      if (i % 3 === 0) expect((await signIn({ _csrf: payload }, '_csrf')).statusCode).toBe(payload.includes('\u0000') ? 400 : 403);
    }
    // A good sign-in with a hostile return path lands in the newsroom, never elsewhere.
    for (const next of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/newsroom/../../etc',
      'javascript:alert(1)',
      '/newsroom\r\nSet-Cookie: x=1',
    ]) {
      const res = await signIn({ email: w.people.editor.user.email, password: 'correct horse battery staple', next }, `next = ${next}`);
      expect(res.statusCode, next).toBe(303);
      expect(String(res.headers.location), next).toMatch(/^\/newsroom(\/|$)/);
      expect(String(res.headers.location)).not.toMatch(/[\r\n]|\/\/|\\/);
    }
  });
});
