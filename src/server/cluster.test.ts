// `serve --workers 2` as real processes on one SQLite file: publishing and unpublishing through the API reach
// the page cache of every worker before the request returns, and SIGTERM stops the cluster cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { createStore } from '../store/index.ts';
import { authService } from '../services/auth/auth.ts';
import { makeSection } from '../../test/support/factories.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cluster-'));
let server: ChildProcess;
let base: string;
let token: string;
let output = '';
let metricsPort: number;

async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** A GET on a new connection, so that requests spread over the workers. */
function fresh(url: string): Promise<{ status: number; body: string; cache?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + url, { agent: false, headers: { connection: 'close' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, cache: res.headers['x-cache'] as string | undefined }));
      })
      .on('error', reject);
  });
}

const api = (method: string, url: string, body: unknown = {}) =>
  fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  const file = path.join(dir, 'site.db');
  const db = openDb({ kind: 'sqlite', file });
  await migrate(db);
  const store = createStore(db);
  await makeSection(store, 'news', 'News');
  const auth = authService(store);
  const editor = await auth.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: 'a long enough password' });
  token = (await auth.createApiToken(editor.id, 'cluster test')).token;
  await db.close();

  const port = await freePort();
  metricsPort = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--workers', '2'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: file,
      MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_DEMO_CONTENT: 'false',
      MASTHEAD_PAGE_CACHE_MB: '16',
      LOG_LEVEL: 'warn',
      MASTHEAD_RATE_LIMIT_API: '0',
      MASTHEAD_METRICS_PORT: String(metricsPort),
    },
  });
  server.stdout!.on('data', (c) => (output += c));
  server.stderr!.on('data', (c) => (output += c));
  // Three processes compile the app with tsx: slow on a busy machine.
  for (let i = 0; i < 1200 && !output.includes('worker processes') && server.exitCode === null; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain('2 worker processes');
}, 150_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('serve --workers 2', () => {
  it('spreads connections over both workers', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10; i++) seen.add(JSON.parse((await fresh('/readyz')).body).worker);
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('a publish and an unpublish reach every worker’s cached pages before the API answers', async () => {
    for (let i = 0; i < 6; i++) await fresh('/'); // both workers now hold the home page
    expect((await fresh('/')).cache).toBe('HIT');
    const created = await api('POST', '/api/v1/articles', {
      headline: 'Lighthouse keepers return',
      primarySectionId: 1,
      body: [{ type: 'paragraph', content: [{ text: 'Keepers are back.' }] }],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await api('POST', `/api/v1/articles/${id}/publish`)).status).toBe(200);
    const afterPublish = await Promise.all(Array.from({ length: 8 }, () => fresh('/')));
    expect(afterPublish.filter((r) => !r.body.includes('Lighthouse keepers return'))).toHaveLength(0);
    for (let i = 0; i < 6; i++) await fresh('/'); // cache the page showing it, everywhere
    expect((await api('POST', `/api/v1/articles/${id}/unpublish`)).status).toBe(200);
    const afterUnpublish = await Promise.all(Array.from({ length: 8 }, () => fresh('/')));
    expect(afterUnpublish.filter((r) => r.body.includes('Lighthouse keepers return'))).toHaveLength(0);
  });

  it('the primary serves Prometheus metrics summed over both workers, on loopback', async () => {
    for (let i = 0; i < 10; i++) await fresh('/readyz');
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const readyz = [...text.matchAll(/^masthead_http_requests_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    // About 55 requests went to the site in this file, spread over two workers: only a sum reaches 40.
    expect(readyz).toBeGreaterThanOrEqual(40);
    expect(text).toMatch(/^masthead_page_cache_hit_ratio/m);
  });

  it('SIGTERM stops every worker and the primary cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fresh('/readyz')).rejects.toThrow();
  });
});
