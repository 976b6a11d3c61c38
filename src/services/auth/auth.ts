// Accounts and sign-in: users, server-side sessions, CSRF tokens, API tokens and sign-in throttling.
import crypto from 'node:crypto';
import { z } from 'zod';
import { can, isRole, type Actor, type Role } from '../../domain/permissions.ts';
import { AppError, invalidInput } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import type { User } from '../../store/users.ts';
import { toUser } from '../../store/users.ts';
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 12 * 3_600_000;
/**
 * Sign-in throttling, as OWASP's Authentication Cheat Sheet describes it. Failures in a sliding window are
 * counted per (account, address) and per address, each with a hard limit, so a stranger guessing from their
 * addresses never throttles the owner signing in from theirs. Account-wide there is only a higher ceiling
 * past which each attempt waits a delay that doubles with every further failure (capped): a guesser spread
 * over many addresses is slowed down, and the owner waits a minute at most, never a lock-out.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  perAccountAddress: 5,
  perAddress: 20,
  perAccount: 50,
  delayBaseMs: 1000,
  delayMaxMs: 60_000,
};

/**
 * The sign_in_failures keys of one attempt. The account is named by its normalised e-mail rather than its id,
 * so that unknown addresses are throttled exactly like real accounts and the throttle reveals nothing.
 */
function throttleKeys(email: string, ip: string) {
  return { pair: `acct:${email}|ip:${ip}`, address: `ip:${ip}`, account: `acct:${email}` };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const token = () => crypto.randomBytes(32).toString('base64url');

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('must be an e-mail address').max(254),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  role: z.string().refine(isRole, 'must be writer, editor or admin'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  personId: z.number().int().positive().nullable().default(null),
});
export type NewUser = z.input<typeof newUserSchema>;

export interface SessionInfo {
  user: User;
  sessionId: string;
  csrfToken: string;
}

export function authService(store: Store, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  const secondsUntil = (ms: number) => Math.max(1, Math.ceil((ms - clock().getTime()) / 1000));

  async function failures(key: string) {
    return store.users.failuresSince(key, new Date(clock().getTime() - THROTTLE.windowMs).toISOString());
  }

  /** A hard limit: once reached, attempts wait until the oldest failure leaves the window. */
  async function limitWait(key: string, limit: number): Promise<number | null> {
    const { count, oldest } = await failures(key);
    return count >= limit && oldest ? secondsUntil(new Date(oldest).getTime() + THROTTLE.windowMs) : null;
  }

  /** The account-wide ceiling: past it, a delay after the latest failure that doubles with each one. */
  async function accountDelay(key: string): Promise<number | null> {
    const { count, newest } = await failures(key);
    if (count < THROTTLE.perAccount || !newest) return null;
    const delay = Math.min(THROTTLE.delayMaxMs, THROTTLE.delayBaseMs * 2 ** (count - THROTTLE.perAccount));
    const until = new Date(newest).getTime() + delay;
    return until > clock().getTime() ? secondsUntil(until) : null;
  }

  /** Seconds to wait before this attempt may be checked, or null; the longest of the three rules. */
  async function throttled(keys: ReturnType<typeof throttleKeys>): Promise<number | null> {
    const waits = [
      await limitWait(keys.pair, THROTTLE.perAccountAddress),
      await limitWait(keys.address, THROTTLE.perAddress),
      await accountDelay(keys.account),
    ].filter((w): w is number => w !== null);
    return waits.length ? Math.max(...waits) : null;
  }

  return {
    async createUser(input: NewUser, actorId: number | null = null): Promise<User> {
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) throw invalidInput(parsed.error.issues);
      const u = parsed.data;
      if (await store.users.byEmail(u.email))
        throw new AppError('ALREADY_EXISTS', 'A user with that e-mail address already exists.', { field: 'email' });
      const passwordHash = await hashPassword(u.password);
      return store.transaction(async (tx) => {
        const id = await tx.users.create({ email: u.email, name: u.name, role: u.role as Role, passwordHash, personId: u.personId }, now());
        await tx.audit.record({
          userId: actorId,
          action: 'user.created',
          subject: `user:${id}`,
          details: { email: u.email, role: u.role },
          at: now(),
        });
        return (await tx.users.byId(id))!;
      });
    },

    async setRole(userId: number, role: Role, actorId: number) {
      await store.transaction(async (tx) => {
        const before = await tx.users.byId(userId);
        if (!before) throw new AppError('NOT_FOUND', 'There is no such user.');
        await tx.users.setRole(userId, role);
        await tx.audit.record({
          userId: actorId,
          action: 'user.role_changed',
          subject: `user:${userId}`,
          details: { from: before.role, to: role },
          at: now(),
        });
      });
    },

    /**
     * Sets a user's password (an admin at the command line, or after an import, which brings users without
     * one) and ends their sessions, so whoever knew the old password is signed out. API tokens are revoked
     * only when asked: whoever knew the password may have made one, but revoking breaks the user's scripts.
     */
    async setPassword(
      email: string,
      password: string,
      actorId: number | null = null,
      opts: { revokeTokens?: boolean } = {},
    ): Promise<{ user: User; tokensRevoked: number }> {
      const parsed = newUserSchema.pick({ email: true, password: true }).safeParse({ email, password });
      if (!parsed.success) throw invalidInput(parsed.error.issues);
      const user = await store.users.byEmail(parsed.data.email);
      if (!user) throw new AppError('NOT_FOUND', 'There is no user with that e-mail address.', { field: 'email' });
      const passwordHash = await hashPassword(parsed.data.password);
      const tokensRevoked = await store.transaction(async (tx) => {
        await tx.users.setPassword(user.id, passwordHash);
        await tx.users.deleteSessionsOf(user.id);
        const revoked = opts.revokeTokens ? await tx.users.revokeTokensOf(user.id, now()) : 0;
        const details = opts.revokeTokens ? { tokensRevoked: revoked } : undefined;
        await tx.audit.record({ userId: actorId, action: 'user.password_set', subject: `user:${user.id}`, details, at: now() });
        return revoked;
      });
      return { user: (await store.users.byId(user.id))!, tokensRevoked };
    },

    /** Checks the password, throttled as THROTTLE describes; returns a new session's tokens. */
    async signIn(input: { email: string; password: string; ip: string; userAgent: string }): Promise<SessionInfo & { token: string }> {
      const email = input.email.trim().toLowerCase().slice(0, 254);
      const keys = throttleKeys(email, input.ip);
      const wait = await throttled(keys);
      if (wait !== null) throw new AppError('SIGN_IN_THROTTLED', undefined, { retryAfterSeconds: wait });
      const row = await store.users.byEmail(email);
      const ok = await verifyPassword(input.password.slice(0, 200), row?.password_hash ?? (await dummyHash()));
      if (!row || !ok || row.disabled_at) {
        await store.transaction(async (tx) => {
          for (const key of Object.values(keys)) await tx.users.recordFailure(key, now());
          await tx.audit.record({
            userId: row?.id ?? null,
            action: 'auth.sign_in_failed',
            subject: `email:${email}`,
            ip: input.ip,
            at: now(),
          });
        });
        throw new AppError('SIGN_IN_FAILED');
      }
      const sessionToken = token();
      const csrfToken = token();
      await store.transaction(async (tx) => {
        // Only this address's count for the account: clearing the account-wide or the address count would let
        // a guesser reset them by signing in to an account of their own, or whenever the owner signs in.
        await tx.users.clearFailures(keys.pair);
        await tx.users.createSession({
          id: sha256(sessionToken),
          userId: row.id,
          csrfToken,
          now: now(),
          expiresAt: new Date(clock().getTime() + SESSION_TTL_MS).toISOString(),
          ip: input.ip,
          userAgent: input.userAgent.slice(0, 300),
        });
        await tx.audit.record({ userId: row.id, action: 'auth.signed_in', subject: `user:${row.id}`, ip: input.ip, at: now() });
      });
      return { token: sessionToken, sessionId: sha256(sessionToken), csrfToken, user: toUser(row) };
    },

    /** The signed-in user behind a session cookie, or null (unknown, expired or disabled). Slides expiry. */
    async session(sessionToken: string): Promise<SessionInfo | null> {
      if (!sessionToken || sessionToken.length > 200) return null;
      const id = sha256(sessionToken);
      const row = await store.users.sessionWithUser(id);
      if (!row || row.disabled_at || row.expires_at <= now()) return null;
      // Write the sliding expiry at most once a minute, not on every request.
      if (clock().getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
        await store.users.touchSession(id, now(), new Date(clock().getTime() + SESSION_TTL_MS).toISOString());
      }
      return { user: toUser(row), sessionId: id, csrfToken: row.csrf_token };
    },

    async signOut(sessionId: string) {
      await store.users.deleteSession(sessionId);
    },

    /** Ends every session of the user and, when asked, revokes their API tokens too; returns how many. */
    async signOutEverywhere(userId: number, ip = '', opts: { revokeTokens?: boolean } = {}): Promise<number> {
      return store.transaction(async (tx) => {
        await tx.users.deleteSessionsOf(userId);
        const revoked = opts.revokeTokens ? await tx.users.revokeTokensOf(userId, now()) : 0;
        const details = opts.revokeTokens ? { tokensRevoked: revoked } : undefined;
        await tx.audit.record({ userId, action: 'auth.signed_out_everywhere', subject: `user:${userId}`, details, ip, at: now() });
        return revoked;
      });
    },

    /** Creates an API token; the token itself is returned once and only its hash is kept. */
    async createApiToken(userId: number, name: string): Promise<{ id: number; token: string }> {
      const clean = name.trim().slice(0, 80);
      if (!clean) throw new AppError('INVALID_INPUT', 'name: must not be empty', { field: 'name' });
      const value = `mh_${token()}`;
      const id = await store.transaction(async (tx) => {
        const id = await tx.users.createToken({ userId, name: clean, tokenHash: sha256(value), now: now() });
        await tx.audit.record({ userId, action: 'token.created', subject: `token:${id}`, details: { name: clean }, at: now() });
        return id;
      });
      return { id, token: value };
    },

    async revokeApiToken(userId: number, tokenId: number) {
      const done = await store.transaction(async (tx) => {
        const ok = await tx.users.revokeToken(tokenId, userId, now());
        if (ok) await tx.audit.record({ userId, action: 'token.revoked', subject: `token:${tokenId}`, at: now() });
        return ok;
      });
      if (!done) throw new AppError('NOT_FOUND', 'There is no such token.');
    },

    /**
     * Revokes every API token of a user; returns how many were live. Anyone may do it to their own tokens;
     * doing it to someone else's takes user management (admins), checked here so every door gets the check.
     */
    async revokeAllApiTokens(actor: Actor, userId: number, ip = ''): Promise<number> {
      const allowed = userId === actor.id ? can(actor, 'token.manage') : can(actor, 'user.manage');
      if (!allowed) throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow revoking another user’s API tokens.`);
      return store.transaction(async (tx) => {
        if (!(await tx.users.byId(userId))) throw new AppError('NOT_FOUND', 'There is no such user.');
        const count = await tx.users.revokeTokensOf(userId, now());
        const subject = `user:${userId}`;
        await tx.audit.record({ userId: actor.id, action: 'token.revoked_all', subject, details: { count }, ip, at: now() });
        return count;
      });
    },

    async apiUser(bearer: string): Promise<User | null> {
      if (!bearer.startsWith('mh_') || bearer.length > 200) return null;
      const row = await store.users.tokenWithUser(sha256(bearer));
      if (!row || row.revoked_at || row.disabled_at) return null;
      // "Last used" to the minute, like a session's expiry: a write on every API request halved the finder's speed.
      const last = row.token_last_used_at ? new Date(row.token_last_used_at).getTime() : 0;
      if (clock().getTime() - last > 60_000) await store.users.touchToken(row.token_id, now());
      return toUser(row);
    },
  };
}

export type AuthService = ReturnType<typeof authService>;

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(expected: string, given: unknown): boolean {
  // An empty expected token (e.g. the sign-in cookie is missing) must never match an empty submitted one.
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
