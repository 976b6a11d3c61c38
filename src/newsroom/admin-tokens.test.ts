// The admin Users page's "Revoke API tokens" button, over HTTP on both databases: admins revoke any user's
// tokens (audited); the server refuses everyone else whatever they post, and forged forms are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import { bearer, signIn, team, type Session } from '../../test/support/newsroom.ts';

describe.each(dialects)('revoking a user’s API tokens from the Users page on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let crew: Awaited<ReturnType<typeof team>>;
  let admin: Session;
  beforeAll(async () => {
    t = await open();
    app = await testApp(t.store);
    crew = await team(app);
    admin = await signIn(app, crew.admin.user.email);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const tokenWorks = async (token: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode === 200;
  const revoke = (s: Session, userId: number, csrf = s.csrf) =>
    app.inject({
      method: 'POST',
      url: `/newsroom/users/${userId}/revoke-tokens`,
      headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });

  it('the Users page has a button per user', async () => {
    const page = await app.inject({ method: 'GET', url: '/newsroom/users', headers: admin.headers(false) });
    expect(page.statusCode).toBe(200);
    for (const m of Object.values(crew)) {
      expect(page.body).toContain(`action="/newsroom/users/${m.user.id}/revoke-tokens"`);
      expect(page.body).toContain(`Revoke API tokens of ${m.user.name}`);
    }
  });

  it('a writer or an editor cannot revoke another user’s tokens, nor reach the page', async () => {
    for (const who of [crew.writer, crew.editor]) {
      const s = await signIn(app, who.user.email);
      const res = await revoke(s, crew.writer2.user.id);
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-error-code']).toBe('FORBIDDEN');
      expect((await app.inject({ method: 'GET', url: '/newsroom/users', headers: s.headers(false) })).statusCode).toBe(403);
    }
    expect(await tokenWorks(crew.writer2.token)).toBe(true);
  });

  it('a forged form (wrong CSRF token) is refused and the tokens keep working', async () => {
    const res = await revoke(admin, crew.writer2.user.id, 'forged');
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-error-code']).toBe('CSRF_INVALID');
    expect(await tokenWorks(crew.writer2.token)).toBe(true);
  });

  it('an admin revokes them: the user’s tokens stop working, others’ do not, and the audit log says who did it', async () => {
    const res = await revoke(admin, crew.writer2.user.id);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/users?revoked=1');
    expect(await tokenWorks(crew.writer2.token)).toBe(false);
    expect(await tokenWorks(crew.writer.token)).toBe(true);
    const [entry] = await t.store.audit.recent(1);
    expect(entry).toMatchObject({
      action: 'token.revoked_all',
      userId: crew.admin.user.id,
      subject: `user:${crew.writer2.user.id}`,
      details: { count: 1 },
    });
    const page = await app.inject({ method: 'GET', url: res.headers.location as string, headers: admin.headers(false) });
    expect(page.body).toContain('Revoked 1 API token.');
  });

  it('an unknown user is a 404', async () => {
    expect((await revoke(admin, 999_999)).statusCode).toBe(404);
  });
});
