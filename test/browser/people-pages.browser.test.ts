// An admin adds an author with a photo from the media library, and writes and publishes a static page in the same
// body editor as stories, in Chromium at 1280 and at 375 px; readers see the author's photo and the page (and
// find it in the footer). Steps are counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, signInPage } from './support.ts';

const PASSWORD = 'a long newsroom password';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await server.app.services.auth.createUser({ email: 'admin@example.org', name: 'Ada Admin', role: 'admin', password: PASSWORD });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an admin manages authors and pages', { timeout: 90_000 }, () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 740],
  ] as const) {
    it(`adds an author with a photo and publishes a page, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await signInPage(page, server.baseUrl, 'admin@example.org', PASSWORD);
      let steps = 0;
      const step = async (action: () => Promise<unknown>) => {
        steps++;
        await action();
      };
      const name = `Noor Haddad ${width}`;
      await step(() => page.goto(`${server.baseUrl}/newsroom/people`));
      await step(() => page.fill('#new-name', name));
      await step(() => page.fill('#new-title', 'Gulf correspondent'));
      await step(() => page.fill('#new-bio', 'Reports on shipping and ports from the Gulf.'));
      await step(() => Promise.all([page.waitForURL(/\/newsroom\/people\/\d+\?done=1/), page.click('button:text("Add author")')]));
      // A photo from the library: the first picture offered.
      await step(() => page.locator('input[name="photoMediaId"]:not(#photo-none)').first().check());
      await step(() => Promise.all([page.waitForURL(/done=1/), page.click(`button:text("Save ${name}")`)]));
      const slug = `noor-haddad-${width}`;
      const author = await context.newPage();
      await author.goto(`${server.baseUrl}/author/${slug}`);
      expect(await author.locator('.author-header .author-photo img').count()).toBe(1);
      expect(await author.textContent('.author-header')).toContain('Gulf correspondent');

      // A page, written in the same body editor as stories.
      await step(() => page.goto(`${server.baseUrl}/newsroom/pages/new`));
      await step(() => page.fill('#page-title', `Tips and whistleblowing ${width}`));
      await step(() => page.fill('#page-slug', `tips-${width}`));
      await step(() => page.locator('#body-editor .ProseMirror').click());
      await step(() => page.keyboard.type('Send us documents through the secure form; we never name a source without consent.'));
      await step(() => page.check('#page-in-footer'));
      await step(() => Promise.all([page.waitForURL(/\/newsroom\/pages\/\d+/), page.click('button[value="publish"]')]));
      console.log(`author with a photo and a published page at ${width} px: ${steps} steps`);
      const reader = await author.goto(`${server.baseUrl}/tips-${width}`);
      expect(reader?.status()).toBe(200);
      expect(await author.textContent('h1')).toBe(`Tips and whistleblowing ${width}`);
      expect(await author.textContent('main')).toContain('we never name a source without consent');
      await author.goto(`${server.baseUrl}/`);
      expect(await author.locator(`footer a[href="/tips-${width}"]`).count()).toBe(1);
      await context.close();
    });
  }
});
