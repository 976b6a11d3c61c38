// What every hostile request must get back, and a count of what was tried. The rules (issue 6):
// never a 5xx; a 4xx names the problem: the API answers JSON with a code from the error catalogue and a message,
// pages say what went wrong in words.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { errorCatalogue } from '../../src/errors.ts';
import { corpusSize } from './payloads-raw.ts';

/** Per test file: requests sent and distinct payloads used. Printed by `report()` at the end of the file. */
export const tally = { requests: 0, payloads: new Set<string>() };

/** Records a payload as tried (by value, so the same payload in many places counts once). */
export function tried(payload: unknown): void {
  const key =
    typeof payload === 'string'
      ? payload
      : Buffer.isBuffer(payload)
        ? `buffer:${payload.toString('hex', 0, 64)}:${payload.length}`
        : safeJson(payload);
  tally.payloads.add(key.length > 200 ? `${key.slice(0, 100)}…${key.length}` : key);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Prints the counts since the last report (one line per suite, cited in the issue's closing note) and starts again. */
export function report(suite: string): void {
  console.log(
    `hostile input (${suite}): ${tally.requests} requests, ${tally.payloads.size} distinct payloads (written corpus: ${corpusSize})`,
  );
  tally.requests = 0;
  tally.payloads.clear();
}

/** app.inject, counted. */
export async function send(app: FastifyInstance, opts: InjectOptions): Promise<LightMyRequestResponse> {
  tally.requests++;
  return app.inject(opts);
}

const describeRequest = (opts: InjectOptions, note?: string) => {
  const body =
    typeof opts.payload === 'string'
      ? opts.payload
      : Buffer.isBuffer(opts.payload)
        ? `<${opts.payload.length} bytes>`
        : safeJson(opts.payload);
  return `${opts.method ?? 'GET'} ${String(opts.url).slice(0, 200)} ${body ? `body ${body.slice(0, 200)}` : ''} ${opts.headers ? safeJson(opts.headers).slice(0, 200) : ''}${note ? ` (${note})` : ''}`;
};

/** The words an error page or form shows: the error page's message or an alert notice. */
export function pageErrorText(html: string): string {
  const errorPage = /<div class="error-page"><h1>([^<]*)<\/h1><p>([^<]*)<\/p>/.exec(html);
  if (errorPage) return `${errorPage[1]}: ${errorPage[2]}`;
  const alert = /<p class="nr-notice nr-error" role="alert">([^]*?)<\/p>/.exec(html);
  return alert ? alert[1]!.replace(/<[^>]*>/g, '').trim() : '';
}

/**
 * Sends a request and checks the answer: below 500, and a 4xx that names its problem. Returns the response for
 * further checks.
 */
export async function expectAnswered(app: FastifyInstance, opts: InjectOptions, note?: string): Promise<LightMyRequestResponse> {
  const res = await send(app, opts);
  checkAnswer(res, opts, note);
  return res;
}

export function checkAnswer(res: LightMyRequestResponse, opts: InjectOptions, note?: string): void {
  const what = describeRequest(opts, note);
  expect(res.statusCode, `5xx for ${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400 || (opts.method ?? 'GET') === 'HEAD') return;
  const url = String(opts.url);
  const type = String(res.headers['content-type'] ?? '');
  if (url.startsWith('/api/')) {
    expect(type, `JSON error for ${what}`).toMatch(/^application\/json/);
    const error = (JSON.parse(res.body) as { error?: { code?: string; message?: string } }).error;
    expect(Object.keys(errorCatalogue), `catalogue code for ${what}: ${res.body.slice(0, 200)}`).toContain(error?.code);
    expect(error?.message?.trim().length ?? 0, `message for ${what}`).toBeGreaterThan(0);
  } else {
    expect(type, `HTML error page for ${what}`).toMatch(/^text\/html/);
    expect(pageErrorText(res.body).length, `the page says what went wrong for ${what}: ${res.body.slice(0, 300)}`).toBeGreaterThan(10);
  }
}
