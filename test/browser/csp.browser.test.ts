// The Content-Security-Policy enforced in Chromium: an article page, the live player (hls.js) and the newsroom
// editor (Tiptap's injected stylesheet, an uploaded picture's blob: preview, autosave) run without a single
// violation. A deliberate inline script proves violations are seen at all.
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

const PASSWORD = 'a long newsroom password';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { MASTHEAD_LIVE_STREAM_URL: 'https://live.invalid/channel/index.m3u8' } }),
    launchBrowser(),
  ]);
  await server.app.services.auth.createUser({ email: 'csp-writer@example.org', name: 'Casey Writer', role: 'writer', password: PASSWORD });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** A page whose CSP violations (events and console reports) are collected; CSP is enforced (no bypassCSP). */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const context = await browser.newContext();
  contexts.push(context);
  // Init scripts run through the DevTools protocol, so the policy does not stop this listener.
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  const page = await context.newPage();
  const consoleReports: string[] = [];
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) consoleReports.push(m.text());
  });
  return {
    page,
    violations: async () => {
      const events = await page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
      return [...events.map((v) => `${v.directive} blocked ${v.blocked} ${v.sample}`), ...consoleReports];
    },
  };
}

async function anArticlePath(): Promise<string> {
  const html = await (await fetch(`${server.baseUrl}/news/europe`)).text();
  const m = /href="(\/news\/europe\/\d{4}\/\d{2}\/\d{2}\/\d+\/[a-z0-9-]+)"/.exec(html);
  if (!m) throw new Error('no news/europe article link on the section page');
  return m[1]!;
}

describe('Content-Security-Policy in Chromium', { timeout: 60_000 }, () => {
  it('an article page loads its script, pictures and JSON-LD with no violation', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(server.baseUrl + (await anArticlePath()));
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForLoadState('load');
    // The hero picture loaded (from /media) and site.js ran (it reveals the share button where the Web Share
    // API exists; the copy-link handler is attached either way).
    expect(
      await page
        .locator('article img')
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('the live page loads hls.js from /assets with no violation', async () => {
    const { page, violations } = await watchedPage();
    // Recent Chromium plays HLS natively, so video.js would not need hls.js; pretend it cannot, to load it.
    await page.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type);
      };
    });
    await page.goto(`${server.baseUrl}/live`);
    await page.waitForFunction(() => 'Hls' in window, undefined, { timeout: 10_000 });
    await page.waitForTimeout(300); // let hls.js set up (its worker, its first request) before reading reports
    expect(await violations()).toEqual([]);
  });

  it('the newsroom editor works with no violation: Tiptap stylesheet, image upload preview, autosave', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${server.baseUrl}/newsroom/sign-in`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.fill('#email', 'csp-writer@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${server.baseUrl}/newsroom`), page.click('form button[type=submit]')]);
    await page.goto(`${server.baseUrl}/newsroom/articles/new`);
    await page.fill('#headline', 'Policy check');
    await page.fill('#standfirst', 'Nothing the policy refuses.');
    await page.selectOption('#primarySectionId', { label: 'News › Europe' });
    const editor = page.locator('#body-editor .ProseMirror');
    await editor.click();
    await page.keyboard.type('Typed under the policy. ');
    await page.click('button[aria-label="Bold"]');
    await page.keyboard.type('Bold too.');
    // Tiptap's stylesheet applied (it sets white-space on the editable area).
    expect(await editor.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(/pre-wrap|break-spaces/);
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#386641' } })
      .png()
      .toBuffer();
    await page.click('button[aria-label="Insert image"]');
    await page.setInputFiles('dialog.mh-media input[type=file]', { name: 'policy.png', mimeType: 'image/png', buffer: png });
    const dialog = page.locator('dialog.mh-media');
    await dialog.getByLabel('Alt text (required)').fill('A green square');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await page.waitForSelector('#body-editor figure img, #body-editor [data-media-id]');
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  it('reports a violation when a page tries to run an inline script (the listener works)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(server.baseUrl + (await anArticlePath()));
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
    });
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  });
});
