// Every log line written while a request is served is JSON carrying that request's id, the same id the
// response names in x-request-id and error pages show; background jobs log with their job id instead.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection, T0 } from '../../test/support/factories.ts';
import { articleBody, bearer, member } from '../../test/support/newsroom.ts';
import { PUBLISH_JOB } from '../services/newsroom/workflow.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestDb;
let app: FastifyInstance;
let sectionId: number;
const lines: string[] = [];
let now = T0;

beforeAll(async () => {
  t = await sqliteTestDb();
  const config = loadConfig({
    LOG_LEVEL: 'info',
    MASTHEAD_ORIGIN: 'https://news.example',
    MEDIA_DIR: os.tmpdir(),
    MASTHEAD_PAGE_CACHE_MB: '0',
  });
  app = await buildApp({ config, store: t.store, clock: () => now, logStream: { write: (line) => void lines.push(line) } });
  app.get('/test-only/boom', async () => {
    throw new Error('broken on purpose');
  });
  // A listener that fails: the bus logs the failure from wherever the event was emitted.
  app.services.events.on('article.published', () => {
    throw new Error('listener broken on purpose');
  });
  sectionId = await makeSection(t.store, 'politics', 'Politics');
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** Sends one request and returns its response with the log lines written while it was served. */
async function logged(send: () => Promise<LightMyRequestResponse>) {
  const from = lines.length;
  const res = await send();
  return { res, logs: lines.slice(from).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function expectAllTagged(res: LightMyRequestResponse, logs: Record<string, unknown>[]) {
  const id = res.headers['x-request-id'];
  expect(id).toMatch(UUID);
  // At least "incoming request" and "request completed".
  expect(logs.length).toBeGreaterThanOrEqual(2);
  for (const line of logs) expect(line, JSON.stringify(line)).toMatchObject({ reqId: id });
  return id as string;
}

function slowBody(pieces: string[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      if (i === pieces.length) controller.close();
      else controller.enqueue(new TextEncoder().encode(pieces[i++]));
    },
  });
}

describe('request logs', () => {
  it('tags every line of a page request with the id sent back in x-request-id, a new id per request', async () => {
    const a = await logged(() => app.inject({ method: 'GET', url: '/' }));
    const b = await logged(() => app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'chosen-by-client' } }));
    expect(a.res.statusCode).toBe(200);
    const idA = expectAllTagged(a.res, a.logs);
    const idB = expectAllTagged(b.res, b.logs);
    expect(idB).not.toBe(idA);
    expect(idB).not.toBe('chosen-by-client');
    expect(a.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });

  it('shows the id on error pages (404, 500, malformed URL) and logs the failure with it', async () => {
    const missing = await logged(() => app.inject({ method: 'GET', url: '/no/such/page' }));
    expect(missing.res.statusCode).toBe(404);
    expect(missing.res.body).toContain(`Reference: ${expectAllTagged(missing.res, missing.logs)}`);

    const broken = await logged(() => app.inject({ method: 'GET', url: '/test-only/boom' }));
    expect(broken.res.statusCode).toBe(500);
    const id = expectAllTagged(broken.res, broken.logs);
    expect(broken.res.body).toContain(`Reference: ${id}`);
    expect(broken.res.body).not.toContain('broken on purpose');
    expect(broken.logs.find((l) => l.msg === 'unhandled error')).toMatchObject({ reqId: id, err: { message: 'broken on purpose' } });

    const malformed = await logged(() => app.inject({ method: 'GET', url: '/%E0%A4%A' }));
    expect(malformed.res.statusCode).toBe(400);
    const mid = malformed.res.headers['x-request-id'];
    expect(mid).toMatch(UUID);
    expect(malformed.res.body).toContain(`Reference: ${mid}`);
    for (const line of malformed.logs) expect(line).toMatchObject({ reqId: mid });
  });

  it('ties a failure deep inside a publish (an event listener, after the body was parsed) to the API request', async () => {
    const editor = await member(app, 'editor');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: bearer(editor.token),
      payload: articleBody(sectionId, { headline: 'Logged publish' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    // Over a real socket: the body arrives in later socket events, unlike app.inject's in-memory body.
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const from = lines.length;
    const res = await fetch(`${url}/api/v1/articles/${created.json().id}/publish`, {
      method: 'POST',
      headers: { ...bearer(editor.token), 'content-type': 'application/json' },
      // Sent in pieces with pauses, so the body ends in a later socket event, after every hook has run
      // (unknown fields such as padding are ignored by the schema).
      body: slowBody(['{"note":"Checked","padding":"', 'x'.repeat(50_000), '"}']), // under the route's 64 KB limit
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(res.status, await res.text()).toBe(200);
    const logs = lines.slice(from).map((l) => JSON.parse(l) as Record<string, unknown>);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(logs.length).toBeGreaterThanOrEqual(3);
    for (const line of logs) expect(line, JSON.stringify(line)).toMatchObject({ reqId: id });
    expect(logs.find((l) => l.msg === 'event listener failed')).toMatchObject({
      reqId: id,
      event: 'article.published',
      err: { message: 'listener broken on purpose' },
    });
  });
});

describe('job logs', () => {
  it('tag lines with the job, including failures of what the job set off, and never with a request id', async () => {
    const editor = await member(app, 'editor');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: bearer(editor.token),
      payload: articleBody(sectionId, { headline: 'Logged schedule' }),
    });
    const at = new Date(T0.getTime() + 60_000).toISOString();
    const scheduled = await app.inject({
      method: 'POST',
      url: `/api/v1/articles/${created.json().id}/schedule`,
      headers: bearer(editor.token),
      payload: { at },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    await t.store.jobs.schedule({ kind: 'no_such_kind', key: 'orphan:1', payload: {}, runAt: at, now: at });

    now = new Date(T0.getTime() + 120_000);
    const from = lines.length;
    expect(await app.services.jobs.runDue()).toBe(2);
    const logs = lines.slice(from).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.find((l) => l.msg === 'event listener failed')).toMatchObject({
      jobKey: `publish:${created.json().id}`,
      jobKind: PUBLISH_JOB,
    });
    expect(logs.find((l) => String(l.msg).startsWith('job failed'))).toMatchObject({
      jobKey: 'orphan:1',
      jobKind: 'no_such_kind',
      attempt: 1,
    });
    for (const line of logs) {
      expect(line.jobId).toEqual(expect.any(Number));
      expect(line).not.toHaveProperty('reqId');
    }
  });
});
