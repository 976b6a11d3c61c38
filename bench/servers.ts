// The processes under test: Masthead in production mode (cached and uncached), and a bare Node server that
// returns the same bytes (the baseline every ratio is measured against).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { buildServer } from '../scripts/build-server.ts';
import { databaseUrl } from './probes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

let built: Promise<unknown> | undefined;

/**
 * Starts `masthead serve` as production would (the bundle `npm run build` makes, rebuilt once per run from the
 * current sources; logs at warn) on `database` (a SQLite file, `sqlite:FILE` or `postgres://…`); `env` adds or
 * overrides settings
 * (MASTHEAD_WORKERS: how many processes). `startupMs` is the time from spawn to the first page served.
 */
export async function startMasthead(
  database: string,
  pageCacheMb: number,
  env: Record<string, string> = {},
): Promise<Running & { startupMs: number }> {
  await (built ??= buildServer({ root: ROOT }));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'dist/cli.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(database),
      MASTHEAD_DEMO_CONTENT: 'false',
      MASTHEAD_ORIGIN: 'https://news.example',
      MASTHEAD_PAGE_CACHE_MB: String(pageCacheMb),
      LOG_LEVEL: 'warn',
      // Several servers may run at once: none takes the default metrics port.
      MASTHEAD_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child);
  const startupMs = performance.now() - started;
  // With several workers every one must be up before measuring.
  const workers = Number(env.MASTHEAD_WORKERS ?? 1);
  for (let seen = new Set<number>(), i = 0; seen.size < workers && i < 200; i++) seen.add((await readyz(url)).worker);
  return { url, child, startupMs, stop: () => stopChild(child) };
}

function readyz(url: string): Promise<{ worker: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/readyz`, { agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

/** Resident memory of a server and its worker processes, in MB. */
export function rssMb(child: ChildProcess): number[] {
  const pids = [child.pid!, ...childPids(child.pid!)];
  return pids.map((pid) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      return Math.round(kb / 1024);
    } catch {
      return 0;
    }
  });
}

function childPids(pid: number): number[] {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

/** A bare node:http server returning one cached body, precompressed like Masthead's; `workers` > 1 uses node:cluster. */
export async function startBaseline(body: Buffer, contentEncoding: string | null, workers = 1): Promise<Running> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bare-'));
  fs.writeFileSync(path.join(dir, 'page'), body);
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/bare-server.cjs')], {
    env: {
      ...process.env,
      BODY_FILE: path.join(dir, 'page'),
      ENCODING: contentEncoding ?? '',
      WORKERS: String(workers),
      PORT: String(port),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return withScratchDir({ url, child }, dir);
}

/** nginx (when installed) serving the same bytes as a static file: the ceiling for a cached page. */
export async function startNginx(body: Buffer, contentEncoding: string | null): Promise<Running | null> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!nginx) return null;
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-nginx-'));
  fs.writeFileSync(path.join(dir, 'page'), body);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes ${os.availableParallelism()}; daemon off; user root; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:${port};
    location = / { root ${dir}; default_type 'text/html; charset=utf-8'; ${contentEncoding ? `add_header content-encoding ${contentEncoding};` : ''} try_files /page =404; }
  }
}`,
  );
  const child = spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url, child, 10_000);
  return withScratchDir({ url, child }, dir);
}

/** A server whose scratch directory goes when it stops. */
function withScratchDir(r: { url: string; child: ChildProcess }, dir: string): Running {
  return {
    ...r,
    stop: async () => {
      await stopChild(r.child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/** The page and its bytes as a browser asking for brotli would get them. */
export async function fetchBytes(url: string): Promise<{ body: Buffer; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: (res.headers['content-encoding'] as string) ?? null }));
      })
      .on('error', reject);
  });
}
