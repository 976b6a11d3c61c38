// A social post in an article, in Chromium: a card with a link and nothing requested from the network until the
// reader presses "Show the post here"; then the network's own frame, which the CSP allows (and nothing else).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { articlePath } from '../../src/domain/urls.ts';
import { makeArticle } from '../support/factories.ts';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

let server: RunningServer;
let browser: Browser;
let path = '';

beforeAll(async () => {
  server = await startServer({
    prepare: async (store) => {
      const section = (await store.taxonomy.allSections())[0]!;
      const id = await makeArticle(store, {
        headline: 'Port workers vote on the new contract',
        sectionId: section.id,
        body: [
          { type: 'paragraph', content: [{ text: 'The union posted the result first.' }] },
          { type: 'embed', kind: 'social', url: 'https://t.me/meridian_news/4512', title: 'The union’s post' },
        ],
      });
      const row = (await store.articles.byId(id))!;
      path = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('loads nothing from the network until the reader asks, then only the network’s embed frame', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.baseUrl)) foreign.push(req.url());
  });
  // No network here: answer the frame's request ourselves, so the test sees it was asked for and allowed.
  await page.route('https://t.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>post</p>' }));
  await page.goto(server.baseUrl + path);
  const card = page.locator('figure.social');
  expect(await card.locator('a').getAttribute('href')).toBe('https://t.me/meridian_news/4512');
  expect(await page.locator('iframe').count()).toBe(0);
  expect(foreign).toEqual([]);
  await card.getByRole('button', { name: 'Show the post here' }).click();
  const frame = page.locator('figure.social iframe');
  await frame.waitFor();
  expect(await frame.getAttribute('src')).toBe('https://t.me/meridian_news/4512?embed=1');
  await expect.poll(() => foreign).toEqual(['https://t.me/meridian_news/4512?embed=1']);
  await page.close();
});
