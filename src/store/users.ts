// Accounts: users, sessions, API tokens and sign-in failures (for throttling).
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../domain/permissions.ts';
import type { Database, UsersTable } from './schema.ts';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  personId: number | null;
  createdAt: string;
  disabledAt: string | null;
}

export const toUser = (r: Selectable<UsersTable>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  personId: r.person_id,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

export function userQueries(db: Kysely<Database>) {
  return {
    async create(
      u: { email: string; name: string; role: Role; passwordHash: string; personId: number | null },
      now: string,
    ): Promise<number> {
      const row = await db
        .insertInto('users')
        .values({
          email: u.email,
          name: u.name,
          role: u.role,
          password_hash: u.passwordHash,
          person_id: u.personId,
          created_at: now,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async byEmail(email: string) {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async byId(id: number): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    /** By name; `after` is the (name, id) of the last user of the previous page. */
    async list(page: { after?: [string, number]; limit?: number } = {}): Promise<User[]> {
      let q = db.selectFrom('users').selectAll().orderBy('name').orderBy('id');
      if (page.after) {
        const [name, id] = page.after;
        q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
      }
      if (page.limit !== undefined) q = q.limit(page.limit);
      return (await q.execute()).map(toUser);
    },
    async setRole(id: number, role: Role) {
      await db.updateTable('users').set({ role }).where('id', '=', id).execute();
    },
    async setDisabled(id: number, at: string | null) {
      await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
    },
    async setPassword(id: number, passwordHash: string) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    // Sessions: `id` is the SHA-256 of the cookie token.
    async createSession(s: {
      id: string;
      userId: number;
      csrfToken: string;
      now: string;
      expiresAt: string;
      ip: string;
      userAgent: string;
    }) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.now,
          last_seen_at: s.now,
          expires_at: s.expiresAt,
          ip: s.ip,
          user_agent: s.userAgent,
        })
        .execute();
    },
    async sessionWithUser(id: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },
    async touchSession(id: string, now: string, expiresAt: string) {
      await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async deleteSession(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteSessionsOf(userId: number) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    // Sign-in throttling.
    async recordFailure(key: string, at: string) {
      await db.insertInto('sign_in_failures').values({ key, at }).execute();
    },
    async failuresSince(key: string, since: string): Promise<{ count: number; oldest: string | null; newest: string | null }> {
      const row = await db
        .selectFrom('sign_in_failures')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest'), eb.fn.max('at').as('newest')])
        .where('key', '=', key)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null, newest: (row.newest as string | null) ?? null };
    },
    async clearFailures(key: string) {
      await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
    },

    // API tokens: only a hash is stored; the token is shown once when created.
    async createToken(t: { userId: number; name: string; tokenHash: string; now: string }): Promise<number> {
      const row = await db
        .insertInto('api_tokens')
        .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.now, last_used_at: null, revoked_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async tokenWithUser(tokenHash: string) {
      return db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .selectAll('u')
        .select(['t.id as token_id', 't.revoked_at', 't.last_used_at as token_last_used_at'])
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    /** Newest first; `before` is the id of the last token of the previous page. */
    async tokensOf(userId: number, page: { before?: number; limit?: number } = {}) {
      let q = db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('user_id', '=', userId)
        .orderBy('id', 'desc');
      if (page.before !== undefined) q = q.where('id', '<', page.before);
      if (page.limit !== undefined) q = q.limit(page.limit);
      return q.execute();
    },
    async touchToken(id: number, now: string) {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },
    /** Revokes every live token of a user; returns how many there were. */
    async revokeTokensOf(userId: number, now: string): Promise<number> {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async revokeToken(id: number, userId: number, now: string): Promise<boolean> {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
