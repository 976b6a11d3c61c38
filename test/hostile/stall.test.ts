// One anonymous request must not stall the site (issue 11, finding 1). A real server process is sent the
// review's payloads (a flat JSON array of a million empty strings, a 1.9-million-deep [[[…]]], both 3–4 MB) on
// the routes that parsed them before checking who was asking, while a reader keeps asking for a cached page.
// Each payload must be answered 401 or 413 without its body being parsed, and the reader's latency under attack
// is compared with the same request alone (never with a fixed time): before the fix it went from ~10 ms to
// seconds, because cache hits are served by the same process that was busy parsing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../crash/server.ts';
import { postgresTestDb, type TestDb } from '../support/db.ts';

// Encoded once, so sending them costs this process no more than a copy.
const flat = Buffer.from(`[${'"",'.repeat(999_999)}""]`); // 3 MB, a million values
const deep = Buffer.from('['.repeat(1_900_000) + ']'.repeat(1_900_000)); // 3.8 MB
const PAYLOADS = [
  { url: '/api/v1/articles', body: flat, want: 401 },
  { url: '/api/v1/articles', body: deep, want: 401 },
  { url: '/api/v1/tokens', body: deep, want: 401 },
  { url: '/newsroom/sign-in', body: deep, want: 413 },
  { url: '/newsroom/sign-in', body: flat, want: 413 },
];

let dir: string;
let server: ServerProcess;
let agent: http.Agent;

/** One request over real HTTP: status and milliseconds to the whole answer. */
function request(
  method: string,
  url: string,
  body?: Buffer,
  via = agent,
): Promise<{ status: number; ms: number; text: string; code: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.baseUrl}${url}`,
      { method, agent: via, headers: body === undefined ? {} : { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - started, text, code: errorCode(res, text) }));
      },
    );
    // A connection closed with no answer at all is a failure to report, never a hang.
    req.on('close', () => setImmediate(() => reject(new Error(`${method} ${url}: the connection closed without an answer`))));
    req.on('error', reject);
    req.end(body);
  });
}

/** The error code: the API's JSON names it, the newsroom's HTML error pages send it as a header. */
function errorCode(res: http.IncomingMessage, text: string): string {
  const header = res.headers['x-error-code'];
  if (typeof header === 'string') return header;
  try {
    return String(JSON.parse(text).error?.code ?? '');
  } catch {
    return '';
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The cached home page, asked for back to back until `until` resolves; the latencies seen meanwhile. */
async function readerDuring(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const seen: number[] = [];
  while (!done) {
    const r = await request('GET', '/');
    expect(r.status).toBe(200);
    seen.push(r.ms);
  }
  return seen;
}

describe.each(['sqlite', 'postgres'] as const)('an anonymous request cannot stall the site on %s', { timeout: 180_000 }, (dialect) => {
  let pg: TestDb | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-stall-'));
    agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    if (dialect === 'postgres') pg = await postgresTestDb();
    const env = {
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: pg?.url ?? `sqlite:${path.join(dir, 'site.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_ORIGIN: 'http://127.0.0.1',
      MASTHEAD_DEMO_CONTENT: 'false',
      MASTHEAD_WORKERS: '1',
      MASTHEAD_METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    server = new ServerProcess({ ...env, MASTHEAD_ORIGIN: `http://127.0.0.1:${env.PORT}` }, path.join(dir, 'server.log'));
    server.spawn();
    await server.ready();
  });
  afterAll(async () => {
    agent.destroy();
    await server?.stop();
    await pg?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every payload 401 or 413, and a reader’s cached page is as quick under attack as alone', async () => {
    for (let i = 0; i < 50; i++) await request('GET', '/'); // warm-up
    // Interleaved rounds, so a busy moment of the machine (other suites run beside this one) hits both sides.
    const alone: number[] = [];
    const during: number[] = [];
    const answers = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 60; i++) alone.push((await request('GET', '/')).ms);
      // Two attackers send every payload while the reader asks. They keep their connections alive, as HTTP/1.1
      // clients do: the server answers at once, then reads the rest of the body off the wire without parsing
      // it. (A client that sends `Connection: close` has its connection closed after the answer, and may see a
      // reset instead if it is still sending: the kernel's answer to unread data.)
      const attackers = [0, 1].map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      const attack = Promise.all(
        attackers.map(async (via) => {
          const sent = [];
          for (const p of PAYLOADS) sent.push({ ...p, ...(await request('POST', p.url, p.body, via)) });
          return sent;
        }),
      );
      during.push(...(await readerDuring(attack)));
      answers.push(...(await attack).flat());
      for (const a of attackers) a.destroy();
    }
    for (const a of answers) {
      expect(a.status, `${a.url} with ${a.body.length} bytes: ${a.text.slice(0, 200)}`).toBe(a.want);
      expect(a.code).toBe(a.want === 401 ? 'NOT_SIGNED_IN' : 'PAYLOAD_TOO_LARGE');
    }
    // A stalled event loop shows as reader requests waiting for it: before the fix each payload held the process
    // for 0.4–2.7 s, and the reader's median under attack was over a thousand times its median alone. Receiving
    // megabytes over loopback while two cores are shared with the senders costs a few milliseconds; the margins
    // leave room for that and for a busy machine, and none for a stall.
    const summary = `reader ms: median alone ${median(alone).toFixed(2)}, under attack ${median(during).toFixed(2)} (n=${during.length}); max alone ${Math.max(...alone).toFixed(1)}, under attack ${Math.max(...during).toFixed(1)}`;
    if (process.env.STALL_DEBUG) console.log(summary);
    expect(during.length, summary).toBeGreaterThan(0);
    expect(median(during), summary).toBeLessThan(median(alone) * 50);
    expect(Math.max(...during), summary).toBeLessThan(Math.max(median(alone) * 200, Math.max(...alone) * 20));
  });
});
