// The processes under test: Masthead in production mode (cached and uncached), and a bare Node server that
// returns the same bytes (the baseline every ratio is measured against).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

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

/** Starts `masthead serve` as production would (compiled by tsx, logs at warn); `env` adds or overrides settings. */
export async function startMasthead(databaseFile: string, pageCacheMb: number, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
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
  await waitFor(`${url}/healthz`, child);
  return { url, child, stop: () => stopChild(child) };
}

/** A bare node:http server returning one cached body, precompressed like Masthead's. */
export async function startBaseline(body: Buffer, contentEncoding: string | null): Promise<Running> {
  const port = await freePort();
  const code = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY, 'base64');
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length };
    if (process.env.ENCODING) headers['content-encoding'] = process.env.ENCODING;
    http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, BODY: body.toString('base64'), ENCODING: contentEncoding ?? '' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return { url, child, stop: () => stopChild(child) };
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
