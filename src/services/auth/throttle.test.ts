// Sign-in throttling as OWASP's Authentication Cheat Sheet describes it, on both databases: a hard limit per
// (account, address) and per address, and past an account-wide ceiling only growing delays, so a stranger who
// knows a journalist's e-mail address cannot lock them out. Seen from the attacker and from the victim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';
import { postSignIn, setCookie, signInForm, PASSWORD } from '../../../test/support/newsroom.ts';
import { authService, THROTTLE } from './auth.ts';

let now = T0;
const clock = () => now;
const wait = (ms: number) => (now = new Date(now.getTime() + ms));

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const VICTIM = 'ana@news.example';
const HOME = '192.0.2.10'; // the victim's own address
const addr = (i: number) => `198.51.100.${i}`; // the attacker's addresses

describe.each(dialects)('sign-in throttling on $name', ({ open }) => {
  let t: TestDb;
  let auth: ReturnType<typeof authService>;
  const attempt = (email: string, password: string, ip: string) => auth.signIn({ email, password, ip, userAgent: 'test' });
  const fail = async (ip: string, email = VICTIM) => (await failure(attempt(email, 'wrong password!', ip))).code;

  beforeEach(async () => {
    now = T0;
    t = await open();
    auth = authService(t.store, clock);
    for (const who of ['ana', 'ben']) {
      await auth.createUser({ email: `${who}@news.example`, name: who, role: 'writer', password: PASSWORD });
    }
  });
  afterEach(async () => t.destroy());

  it('uses the documented limits', () => {
    expect(THROTTLE).toEqual({
      windowMs: 15 * 60_000,
      perAccountAddress: 5,
      perAddress: 20,
      perAccount: 50,
      delayBaseMs: 1000,
      delayMaxMs: 60_000,
    });
  });

  describe('the attacker’s view', () => {
    it('from one address: 5 failures throttle that address for that account for 15 minutes', async () => {
      for (let i = 0; i < 5; i++) expect(await fail(addr(1))).toBe('SIGN_IN_FAILED');
      const locked = await failure(attempt(VICTIM, PASSWORD, addr(1)));
      expect([locked.code, locked.status, locked.details.retryAfterSeconds]).toEqual(['SIGN_IN_THROTTLED', 429, 900]);
      wait(THROTTLE.windowMs);
      expect((await attempt(VICTIM, PASSWORD, addr(1))).user.email).toBe(VICTIM);
    });

    it('from many addresses: each address hits its own limit, the others are not throttled by it', async () => {
      for (const ip of [addr(1), addr(2), addr(3)]) {
        for (let i = 0; i < 5; i++) expect(await fail(ip), `${ip}, failure ${i + 1}`).toBe('SIGN_IN_FAILED');
        expect(await fail(ip)).toBe('SIGN_IN_THROTTLED');
      }
    });

    it('an address is throttled after 20 failures across accounts, for every account', async () => {
      for (let i = 0; i < 20; i++) expect(await fail(addr(1), `nobody${i % 4}@news.example`)).toBe('SIGN_IN_FAILED');
      const locked = await failure(attempt('ben@news.example', PASSWORD, addr(1)));
      expect([locked.code, locked.details.retryAfterSeconds]).toEqual(['SIGN_IN_THROTTLED', 900]);
      expect((await attempt('ben@news.example', PASSWORD, addr(2))).user.email).toBe('ben@news.example');
    });

    it('past 50 failures on the account from any addresses, every attempt waits, and the wait grows with each failure', async () => {
      for (let i = 0; i < 50; i++) expect(await fail(addr(10 + Math.floor(i / 5)))).toBe('SIGN_IN_FAILED');
      let fresh = 100; // a new address each time, so only the account-wide ceiling applies
      const seen: number[] = [];
      for (let k = 0; k < 8; k++) {
        const held = await failure(attempt(VICTIM, 'wrong password!', addr(fresh++)));
        expect(held.code).toBe('SIGN_IN_THROTTLED');
        seen.push(held.details.retryAfterSeconds as number);
        wait(seen.at(-1)! * 1000);
        expect(await fail(addr(fresh++))).toBe('SIGN_IN_FAILED');
      }
      expect(seen).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
      // A delay, not a lock: once it has passed, the right password works from anywhere.
      const held = await failure(attempt(VICTIM, PASSWORD, HOME));
      wait((held.details.retryAfterSeconds as number) * 1000);
      expect((await attempt(VICTIM, PASSWORD, HOME)).user.email).toBe(VICTIM);
    });

    it('the owner signing in does not reset the account-wide count', async () => {
      for (let i = 0; i < 49; i++) await fail(addr(10 + Math.floor(i / 5)));
      await attempt(VICTIM, PASSWORD, HOME);
      await fail(addr(30));
      expect((await failure(attempt(VICTIM, PASSWORD, HOME))).details.retryAfterSeconds).toBe(1);
    });
  });

  describe('the victim’s view', () => {
    it('after a stranger’s failures from another address, the owner signs in at once from their own address', async () => {
      for (let i = 0; i < 8; i++) await fail(addr(1));
      expect((await attempt(VICTIM, PASSWORD, HOME)).user.email).toBe(VICTIM);
    });

    it('after 45 failures from nine addresses, the owner still signs in at once, even after a typo of their own', async () => {
      for (let i = 0; i < 45; i++) await fail(addr(10 + Math.floor(i / 5)));
      expect(await fail(HOME)).toBe('SIGN_IN_FAILED');
      expect((await attempt(VICTIM, PASSWORD, HOME)).user.email).toBe(VICTIM);
    });

    it('a successful sign-in clears the failures of that account from that address', async () => {
      for (let i = 0; i < 4; i++) await fail(HOME);
      await attempt(VICTIM, PASSWORD, HOME);
      for (let i = 0; i < 4; i++) expect(await fail(HOME)).toBe('SIGN_IN_FAILED');
      expect((await attempt(VICTIM, PASSWORD, HOME)).user.email).toBe(VICTIM);
    });
  });
});

describe.each(dialects)('sign-in throttling over HTTP on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeEach(async () => {
    now = T0;
    t = await open();
    app = await testApp(t.store, {}, clock);
    await app.services.auth.createUser({ email: VICTIM, name: 'Ana', role: 'writer', password: PASSWORD });
  });
  afterEach(async () => {
    await app.close();
    await t.destroy();
  });

  it('a stranger gets 429 with Retry-After from their address; the owner signs in from theirs', async () => {
    const stranger = await signInForm(app);
    const guess = () => postSignIn(app, { _csrf: stranger.csrf, email: VICTIM, password: 'guess' }, stranger.cookie, addr(1));
    for (let i = 0; i < 5; i++) expect((await guess()).statusCode).toBe(401);
    const refused = await guess();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    const owner = await signInForm(app);
    const ok = await postSignIn(app, { _csrf: owner.csrf, email: VICTIM, password: PASSWORD }, owner.cookie, HOME);
    expect(ok.statusCode).toBe(303);
    expect(setCookie(ok, 'mh_session')).toBeDefined();
  });
});
