// `masthead users set-password` as an admin runs it, against a real SQLite file and a real PostgreSQL
// database: it ends the user's sessions, and with --revoke-tokens also revokes their API tokens.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresTestDb, sqliteTestDb, type TestDb } from '../test/support/db.ts';
import { PASSWORD } from '../test/support/newsroom.ts';
import { authService } from './services/auth/auth.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(databaseUrl: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, MEDIA_DIR: path.join(dir, 'media'), LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let n = 0;
const places = [
  {
    name: 'sqlite',
    open: async () => {
      const file = path.join(dir, `cli-${++n}.db`);
      return { t: await sqliteTestDb(file), url: `sqlite:${file}` };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const t = await postgresTestDb();
      return { t, url: t.url! };
    },
  },
] as const;

describe.each(places)('masthead users set-password on $name', ({ open }) => {
  let t: TestDb;
  let url: string;
  let auth: ReturnType<typeof authService>;
  let tokens: string[];
  const EMAIL = 'reporter@news.example';

  beforeEach(async () => {
    ({ t, url } = await open());
    auth = authService(t.store);
    const user = await auth.createUser({ email: EMAIL, name: 'Reporter', role: 'writer', password: PASSWORD });
    tokens = [(await auth.createApiToken(user.id, 'laptop')).token, (await auth.createApiToken(user.id, 'ci')).token];
  });
  afterEach(async () => t.destroy());

  const working = async () => (await Promise.all(tokens.map((x) => auth.apiUser(x)))).filter(Boolean).length;

  it('keeps the API tokens without --revoke-tokens', async () => {
    const res = await cli(url, ['users', 'set-password', '--email', EMAIL, '--password', 'a brand new long password']);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/their sessions were ended/);
    expect(res.out).not.toMatch(/API token/);
    expect(await working()).toBe(2);
  });

  it('revokes every API token of the user with --revoke-tokens, and says so', async () => {
    const res = await cli(url, ['users', 'set-password', '--email', EMAIL, '--password', 'a brand new long password', '--revoke-tokens']);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/2 API tokens were revoked/);
    expect(await working()).toBe(0);
  });
});
