// Browser-test support: a real Masthead server on a random port (SQLite file + media in a fresh temp dir,
// seeded with the demo outlet), Debian's Chromium driven by playwright-core, and an axe-core runner.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { openStore } from '../../src/boot.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Store } from '../../src/store/index.ts';
import { DEMO_MEDIA_DIR } from '../support/demo-media.ts';

export const ORIGIN = 'https://news.example';
export const MIRRORS = ['https://mirror-one.example', 'https://mirror-two.example'];

export interface RunningServer {
  baseUrl: string;
  config: Config;
  store: Store;
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Runs after migration and demo seeding, before the app is built: add extra content here. */
  prepare?: (store: Store, config: Config) => Promise<void>;
  /** Extra settings, as environment variables. */
  env?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-browser-'));
  // The demo pictures painted once for the whole run (test/support/global-setup.ts).
  const mediaDir = DEMO_MEDIA_DIR;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${dir}/db.sqlite`,
    MEDIA_DIR: mediaDir,
    MASTHEAD_ORIGIN: ORIGIN,
    MASTHEAD_MIRRORS: MIRRORS.join(','),
    ...options.env,
  });
  const { db, store } = await openStore(
    config,
    () => {},
    () => {},
  ).catch(async (err: unknown) => {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  });
  let app: FastifyInstance | undefined;
  try {
    await options.prepare?.(store, config);
    app = await buildApp({ config, store });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await app?.close();
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`);
  const running = app;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    store,
    app: running,
    dir,
    async close() {
      await running.close();
      await db.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Runs axe-core on the page and returns every violation, whatever its impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFile(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (a
  // <script> tag with the source inline would be refused, as it should be).
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  return violations;
}

/** A readable dump of violations for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.html}\n    ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
}

/** Signs `page` in to the newsroom through its own form and waits for the dashboard. */
export async function signInPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/newsroom/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${baseUrl}/newsroom`), page.click('form button[type=submit]')]);
}
