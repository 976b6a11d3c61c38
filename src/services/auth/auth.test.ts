// Sign-in throttling and sessions: the service with an injected clock (windows expire), and the sign-in form
// over HTTP (429 with Retry-After; one message for an unknown address and a wrong password). The throttling
// rules seen from the attacker and from the victim are in throttle.test.ts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AppError, errorCatalogue } from '../../errors.ts';
import { dialects, sqliteTestDb, type TestDb } from '../../../test/support/db.ts';
import { T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';
import { member, postSignIn, setCookie, signInForm, PASSWORD } from '../../../test/support/newsroom.ts';
import { authService, csrfMatches, SESSION_TTL_MS, THROTTLE } from './auth.ts';

let now = T0;
const clock = () => now;
const later = (ms: number) => new Date(T0.getTime() + ms);

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(dialects)('sign-in throttling (service, injected clock) on $name', ({ open }) => {
  let t: TestDb;
  let auth: ReturnType<typeof authService>;
  const attempt = (email: string, password: string, ip = '203.0.113.1') => auth.signIn({ email, password, ip, userAgent: 'test' });

  beforeEach(async () => {
    now = T0;
    t = await open();
    auth = authService(t.store, clock);
    for (const who of ['ana', 'ben', 'cat'])
      await auth.createUser({ email: `${who}@news.example`, name: who, role: 'writer', password: PASSWORD });
  });
  afterEach(async () => t.destroy());

  it('setPassword: the new password signs in, the old one and old sessions no longer work; bad input is named', async () => {
    const before = await attempt('ben@news.example', PASSWORD);
    expect(await auth.session(before.token)).not.toBeNull();
    await auth.setPassword('Ben@news.example', 'a brand new long password');
    expect(await auth.session(before.token)).toBeNull();
    expect((await failure(attempt('ben@news.example', PASSWORD))).code).toBe('SIGN_IN_FAILED');
    expect((await attempt('ben@news.example', 'a brand new long password')).user.email).toBe('ben@news.example');
    expect(await failure(auth.setPassword('ben@news.example', 'short'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await failure(auth.setPassword('nobody@news.example', 'a brand new long password'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('throttles an account from an address after 5 failures, even for the right password, until 15 minutes have passed', async () => {
    for (let i = 0; i < 5; i++) expect((await failure(attempt('ana@news.example', 'wrong password!'))).code).toBe('SIGN_IN_FAILED');
    const locked = await failure(attempt('ana@news.example', PASSWORD));
    expect(locked.code).toBe('SIGN_IN_THROTTLED');
    expect(locked.status).toBe(429);
    expect(locked.details.retryAfterSeconds).toBe(900);
    // Another account from the same address is still let in.
    expect((await attempt('ben@news.example', PASSWORD)).user.email).toBe('ben@news.example');
    // A second before the window ends: still locked, one second to wait.
    now = later(THROTTLE.windowMs - 1000);
    expect((await failure(attempt('ana@news.example', PASSWORD))).details.retryAfterSeconds).toBe(1);
    now = later(THROTTLE.windowMs);
    expect((await attempt('ana@news.example', PASSWORD)).user.email).toBe('ana@news.example');
  });

  it('locks an address after 20 failures across accounts; other addresses are unaffected', async () => {
    const tried = ['ana@news.example', 'nobody1@news.example', 'nobody2@news.example', 'nobody3@news.example'];
    for (const email of tried) for (let i = 0; i < 5; i++) await failure(attempt(email, 'wrong password!'));
    const locked = await failure(attempt('cat@news.example', PASSWORD));
    expect(locked.code).toBe('SIGN_IN_THROTTLED');
    expect(locked.details.retryAfterSeconds).toBe(900);
    expect((await attempt('cat@news.example', PASSWORD, '203.0.113.2')).user.email).toBe('cat@news.example');
    now = later(THROTTLE.windowMs);
    expect((await attempt('cat@news.example', PASSWORD)).user.email).toBe('cat@news.example');
  });

  it('19 failures from an address do not lock it; the 20th does', async () => {
    for (let i = 0; i < 19; i++) await failure(attempt(`x${i % 4}@news.example`, 'wrong password!'));
    expect((await attempt('cat@news.example', PASSWORD)).user.email).toBe('cat@news.example');
    await failure(attempt('x9@news.example', 'wrong password!'));
    expect((await failure(attempt('ben@news.example', PASSWORD))).code).toBe('SIGN_IN_THROTTLED');
  });

  it('a successful sign-in clears the account’s failures from that address', async () => {
    for (let i = 0; i < 4; i++) await failure(attempt('ana@news.example', 'wrong password!'));
    await attempt('ana@news.example', PASSWORD);
    for (let i = 0; i < 4; i++) await failure(attempt('ana@news.example', 'wrong password!'));
    expect((await attempt('ana@news.example', PASSWORD)).user.email).toBe('ana@news.example');
  });

  it('gives an unknown address and a wrong password the same error, and throttles both alike', async () => {
    const unknown = await failure(attempt('nobody@news.example', PASSWORD));
    const wrong = await failure(attempt('ana@news.example', 'wrong password!'));
    expect([unknown.code, unknown.message, unknown.status]).toEqual([wrong.code, wrong.message, wrong.status]);
    for (let i = 0; i < 4; i++) await failure(attempt('nobody@news.example', PASSWORD));
    expect((await failure(attempt('nobody@news.example', PASSWORD))).code).toBe('SIGN_IN_THROTTLED');
  });

  it('sessions expire after 12 idle hours; activity slides the expiry', async () => {
    const s = await attempt('ana@news.example', PASSWORD);
    now = later(SESSION_TTL_MS - 60_000);
    expect((await auth.session(s.token))?.user.email).toBe('ana@news.example');
    now = later(2 * SESSION_TTL_MS - 120_000); // slid by the visit above
    expect(await auth.session(s.token)).not.toBeNull();
    now = later(4 * SESSION_TTL_MS);
    expect(await auth.session(s.token)).toBeNull();
  });

  it('a disabled user can neither sign in nor keep a session', async () => {
    const s = await attempt('ben@news.example', PASSWORD);
    await t.store.users.setDisabled(s.user.id, T0.toISOString());
    expect(await auth.session(s.token)).toBeNull();
    expect((await failure(attempt('ben@news.example', PASSWORD))).code).toBe('SIGN_IN_FAILED');
  });
});

describe('csrfMatches', () => {
  it('matches only the same non-empty token', () => {
    expect(csrfMatches('abc', 'abc')).toBe(true);
    expect(csrfMatches('abc', 'abd')).toBe(false);
    expect(csrfMatches('abc', undefined)).toBe(false);
    expect(csrfMatches('abc', ['abc'])).toBe(false);
    expect(csrfMatches('', '')).toBe(false);
  });
});

describe('sign-in form over HTTP', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let email: string;
  let other: string;
  beforeAll(async () => {
    now = T0;
    t = await sqliteTestDb();
    app = await testApp(t.store, {}, clock);
    email = (await member(app, 'editor')).user.email;
    other = (await member(app, 'writer')).user.email;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const notice = (html: string) => /<p class="nr-notice nr-error"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];

  it('the 6th attempt after 5 wrong passwords gets 429 with Retry-After, even with the right password', async () => {
    const form = await signInForm(app);
    const ip = '198.51.100.7';
    for (let i = 0; i < 5; i++) {
      const res = await postSignIn(app, { _csrf: form.csrf, email, password: 'not the password' }, form.cookie, ip);
      expect(res.statusCode).toBe(401);
      expect(setCookie(res, 'mh_session')).toBeUndefined();
    }
    const res = await postSignIn(app, { _csrf: form.csrf, email, password: PASSWORD }, form.cookie, ip);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(notice(res.body)).toBe(errorCatalogue.SIGN_IN_THROTTLED.message);
    expect(setCookie(res, 'mh_session')).toBeUndefined();
    // A different account from the same address is still allowed.
    const ok = await postSignIn(app, { _csrf: form.csrf, email: other, password: PASSWORD }, form.cookie, ip);
    expect(ok.statusCode).toBe(303);
    expect(setCookie(ok, 'mh_session')).toBeDefined();
  });

  it('shows the same message for an unknown e-mail and a wrong password', async () => {
    const form = await signInForm(app);
    const ip = '198.51.100.8';
    const unknown = await postSignIn(app, { _csrf: form.csrf, email: 'nobody@news.example', password: PASSWORD }, form.cookie, ip);
    const wrong = await postSignIn(app, { _csrf: form.csrf, email: other, password: 'not the password' }, form.cookie, ip);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(notice(unknown.body)).toBe(errorCatalogue.SIGN_IN_FAILED.message);
    expect(notice(wrong.body)).toBe(notice(unknown.body));
  });
});
