// Revoking a user's API tokens all at once, on both databases: offered with "sign out everywhere" and with a
// password reset, and open to admins for any user (checked by role here, in the service, and audited).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import type { Role } from '../../domain/permissions.ts';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { T0 } from '../../../test/support/factories.ts';
import { PASSWORD } from '../../../test/support/newsroom.ts';
import { authService } from './auth.ts';

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe.each(dialects)('revoking all API tokens of a user on $name', ({ open }) => {
  let t: TestDb;
  let auth: ReturnType<typeof authService>;
  const people: Record<string, { id: number; role: Role; email: string; tokens: string[] }> = {};

  beforeEach(async () => {
    t = await open();
    auth = authService(t.store, () => T0);
    for (const role of ['writer', 'editor', 'admin'] as const) {
      const u = await auth.createUser({ email: `${role}@news.example`, name: role, role, password: PASSWORD });
      const tokens = [(await auth.createApiToken(u.id, 'laptop')).token, (await auth.createApiToken(u.id, 'ci')).token];
      people[role] = { id: u.id, role, email: u.email, tokens };
    }
  });
  afterEach(async () => t.destroy());

  const working = async (who: string) => (await Promise.all(people[who]!.tokens.map((x) => auth.apiUser(x)))).filter(Boolean).length;
  const actor = (who: string) => ({ id: people[who]!.id, role: people[who]!.role });
  const lastAudit = async () => (await t.store.audit.recent(1))[0]!;

  it('sign out everywhere: tokens are revoked only when asked', async () => {
    await auth.signOutEverywhere(people.writer!.id, '192.0.2.1');
    expect(await working('writer')).toBe(2);
    await auth.signOutEverywhere(people.writer!.id, '192.0.2.1', { revokeTokens: true });
    expect(await working('writer')).toBe(0);
    expect(await working('editor')).toBe(2);
    const audited = { action: 'auth.signed_out_everywhere', userId: people.writer!.id, details: { tokensRevoked: 2 } };
    expect(await lastAudit()).toMatchObject(audited);
  });

  it('a password reset: tokens are revoked only when asked', async () => {
    await auth.setPassword('writer@news.example', 'a brand new long password');
    expect(await working('writer')).toBe(2);
    await auth.setPassword('writer@news.example', 'another new long password', null, { revokeTokens: true });
    expect(await working('writer')).toBe(0);
    expect(await working('admin')).toBe(2);
    const audited = { action: 'user.password_set', subject: `user:${people.writer!.id}`, details: { tokensRevoked: 2 } };
    expect(await lastAudit()).toMatchObject(audited);
  });

  it('an admin revokes any user’s tokens, audited under the admin’s name', async () => {
    expect(await auth.revokeAllApiTokens(actor('admin'), people.writer!.id, '192.0.2.9')).toBe(2);
    expect(await working('writer')).toBe(0);
    expect(await working('editor')).toBe(2);
    expect(await lastAudit()).toMatchObject({
      action: 'token.revoked_all',
      userId: people.admin!.id,
      subject: `user:${people.writer!.id}`,
      ip: '192.0.2.9',
      details: { count: 2 },
    });
    // Nothing left to revoke is not an error, and is still written down.
    expect(await auth.revokeAllApiTokens(actor('admin'), people.writer!.id)).toBe(0);
  });

  it('a writer or an editor cannot revoke another user’s tokens; nothing changes and nothing is audited', async () => {
    const before = await lastAudit();
    for (const [who, target] of [
      ['writer', 'editor'],
      ['editor', 'writer'],
      ['editor', 'admin'],
    ] as const) {
      expect((await failure(auth.revokeAllApiTokens(actor(who), people[target]!.id))).code).toBe('FORBIDDEN');
      expect(await working(target)).toBe(2);
    }
    expect((await lastAudit()).id).toBe(before.id);
  });

  it('anyone may revoke their own tokens', async () => {
    expect(await auth.revokeAllApiTokens(actor('writer'), people.writer!.id)).toBe(2);
    expect(await working('writer')).toBe(0);
  });

  it('an unknown user is NOT_FOUND', async () => {
    expect((await failure(auth.revokeAllApiTokens(actor('admin'), 999_999))).code).toBe('NOT_FOUND');
  });
});

describe.each(dialects)('a token’s “last used” time on $name', ({ open }) => {
  it('is written on first use and then at most once a minute, not on every request', async () => {
    const t = await open();
    let now = new Date(T0);
    const auth = authService(t.store, () => now);
    const u = await auth.createUser({ email: 'writer@news.example', name: 'W', role: 'writer', password: PASSWORD });
    const { token } = await auth.createApiToken(u.id, 'laptop');
    const lastUsed = async () => (await t.store.users.tokensOf(u.id))[0]!.last_used_at;
    expect(await lastUsed()).toBeNull();
    await auth.apiUser(token);
    const first = await lastUsed();
    expect(first).toBe(now.toISOString());
    now = new Date(now.getTime() + 30_000);
    await auth.apiUser(token);
    expect(await lastUsed()).toBe(first);
    now = new Date(now.getTime() + 31_000);
    await auth.apiUser(token);
    expect(await lastUsed()).toBe(now.toISOString());
    await t.destroy();
  });
});
