// Request limits: the limiter alone on a clock we move, then search and the API through app.inject with small
// limits (no sleeping anywhere).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.ts';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection, T0 } from '../../test/support/factories.ts';
import { bearer, member, signIn } from '../../test/support/newsroom.ts';
import { addressKey, RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('allows a burst of `limit`, then one request per windowMs/limit', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, c.now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20_000);
    c.advance(5_000);
    expect(limiter.take('a')).toBe(15_000); // a refused request does not count
    c.advance(15_000);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(20_000);
    expect(limiter.take('b')).toBe(0); // keys are independent
    c.advance(60_000);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 20_000]);
  });

  it('peeks without counting', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 10_000 }, c.now);
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.peek('a')).toBe(10_000);
  });

  it('forgets keys whose allowance is full again, and never holds more than maxKeys', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 5, windowMs: 1_000 }, c.now, 100);
    for (let i = 0; i < 50; i++) limiter.take(`k${i}`);
    expect(limiter.keys).toBe(50);
    c.advance(1_001);
    limiter.take('fresh');
    expect(limiter.keys).toBe(1);
    for (let i = 0; i < 1_000; i++) limiter.take(`flood${i}`);
    expect(limiter.keys).toBeLessThanOrEqual(100);
    // The most recent keys are the ones kept: flood999 has 4 of its 5 left, not a fresh 5.
    expect([1, 2, 3, 4].map(() => limiter.take('flood999'))).toEqual([0, 0, 0, 0]);
    expect(limiter.take('flood999')).toBeGreaterThan(0);
  });
});

describe('addressKey', () => {
  it('counts IPv4 per address, IPv4-mapped IPv6 as IPv4, and IPv6 per /64', () => {
    expect(addressKey('203.0.113.9')).toBe('ip:203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('ip:203.0.113.9');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('rate limits over HTTP', () => {
  let db: TestDb;
  let app: FastifyInstance;
  const clock = { now: T0 };
  const search = (remoteAddress = '198.51.100.7') => app.inject({ url: '/search?q=harbour', remoteAddress });
  const api = (headers: Record<string, string> = {}, remoteAddress = '198.51.100.7') =>
    app.inject({ url: '/api/v1/me', headers, remoteAddress });

  beforeAll(async () => {
    db = await sqliteTestDb();
    const news = await makeSection(db.store, 'news');
    await makeArticle(db.store, { sectionId: news, headline: 'Harbour talks resume' });
    app = await testApp(db.store, { MASTHEAD_RATE_LIMIT_SEARCH: '3/1m', MASTHEAD_RATE_LIMIT_API: '3/1m' }, () => clock.now);
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('search: 3 a minute per address, then 429 with Retry-After and an HTML page; assets and pages do not count', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/assets/site.css', remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/', remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
    }
    for (let i = 0; i < 3; i++) expect((await search()).statusCode).toBe(200);
    const limited = await search();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.headers['x-error-code']).toBe('RATE_LIMITED');
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.body).toContain('Too many searches in a short time. Please try again in 20 seconds.');
    expect(limited.body).toContain('<title>Too many requests');
    expect((await search('198.51.100.8')).statusCode).toBe(200); // another reader
    expect((await app.inject({ url: '/media/none.jpg', remoteAddress: '198.51.100.7' })).statusCode).toBe(404); // media: not limited

    clock.now = new Date(T0.getTime() + 20_000);
    expect((await search()).statusCode).toBe(200);
    expect((await search()).statusCode).toBe(429);
  });

  it('API: anonymous requests per address, each signed-in user (session or token) on their own allowance; JSON 429', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < 3; i++) expect((await api({}, ip)).statusCode).toBe(401);
    const limited = await api({}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many requests in a short time. Please try again in 20 seconds.' },
    });

    // An editor signed in behind the same address is counted as themselves, wherever they come from.
    const editor = await member(app, 'editor');
    const session = await signIn(app, editor.user.email, undefined, '192.0.2.98');
    for (let i = 0; i < 3; i++) expect((await api(session.headers(false), ip)).statusCode).toBe(200);
    expect((await api(session.headers(false), '192.0.2.99')).statusCode).toBe(429);
    // So is an app using another user's token.
    const app2 = await member(app, 'writer');
    for (let i = 0; i < 3; i++) expect((await api(bearer(app2.token), '192.0.2.97')).statusCode).toBe(200);
    expect((await api(bearer(app2.token), '192.0.2.97')).statusCode).toBe(429);
  });

  it('API: made-up tokens spend the address allowance and are then turned away before they are checked', async () => {
    const ip = '192.0.2.55';
    for (let i = 0; i < 3; i++) expect((await api(bearer(`guess-${i}`), ip)).statusCode).toBe(401);
    const limited = await api(bearer('guess-4'), ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await api({}, ip)).statusCode).toBe(429);
  });

  it('0 turns a limit off', async () => {
    const t = await sqliteTestDb();
    const open = await testApp(t.store, { MASTHEAD_RATE_LIMIT_SEARCH: '0', MASTHEAD_RATE_LIMIT_API: '0' });
    try {
      for (let i = 0; i < 20; i++) {
        expect((await open.inject({ url: '/search?q=x' })).statusCode).toBe(200);
        expect((await open.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
      }
    } finally {
      await open.close();
      await t.destroy();
    }
  });
});
