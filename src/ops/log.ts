// Structured logs: one JSON object per line, and every line says which request or job it belongs to.
// Handlers have `req.log` (Fastify binds `reqId`); code that is not handed the request (event listeners,
// services) finds the logger of the work it runs for through `currentLog()`, so a failure deep inside a
// publish is still tied to the request or job that caused it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** The part of pino's logger we rely on; Fastify's `app.log` and `req.log` are one. */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Log;
}

const current = new AsyncLocalStorage<Log>();

/** Runs `fn` with `log` as the logger of everything it starts (awaits, timers, events). */
export function withLog<T>(log: Log, fn: () => T): T {
  return current.run(log, fn);
}

/** The logger of the request or job being served, or `fallback` outside of one. */
export function currentLog(fallback: Log): Log {
  return current.getStore() ?? fallback;
}

/**
 * A logger for code that runs without Fastify (commands, tests that build services alone): pino's line
 * format (level as a number, time in ms, msg) on stderr, so the lines read the same as the server's.
 */
export function stderrLog(bindings: Record<string, unknown> = {}): Log {
  const line = (level: number) => (obj: object, msg?: string) => {
    const fields = Object.fromEntries(
      Object.entries(obj).map(([k, v]) => [k, v instanceof Error ? { type: v.name, message: v.message, stack: v.stack } : v]),
    );
    process.stderr.write(
      `${JSON.stringify({ level, time: Date.now(), pid: process.pid, ...bindings, ...fields, ...(msg ? { msg } : {}) })}\n`,
    );
  };
  return { info: line(30), warn: line(40), error: line(50), child: (more) => stderrLog({ ...bindings, ...more }) };
}

const nothing = () => {};
/** Discards everything (tests that provoke failures on purpose). */
export const silentLog: Log = { info: nothing, warn: nothing, error: nothing, child: () => silentLog };

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Sends each request's id back as `x-request-id` (so a reader's report names the log lines) and makes
 * `req.log` the current logger for everything the request runs (Fastify keeps that context across body
 * parsing). Register it first, before any hook that may answer early (origins, page cache).
 */
export function registerRequestLogging(app: FastifyInstance) {
  app.addHook('onRequest', (req, reply, done) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    current.run(req.log, done);
  });
}
