// An editor finds one story among thousands by a word from its body and appends a correction, in Chromium, at
// 1280 and at 375 px (where the correction form is in the settings drawer). Steps are counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateCorpus } from '../../src/corpus/generate.ts';
import { articlePath } from '../../src/domain/urls.ts';
import { makeArticle } from '../support/factories.ts';
import { launchBrowser, startServer, type RunningServer, signInPage } from './support.ts';

const PASSWORD = 'a long newsroom password';
const ARCHIVE = 3_000;
let server: RunningServer;
let browser: Browser;
let target = 0;

beforeAll(async () => {
  server = await startServer({
    prepare: async (store) => {
      await generateCorpus(store, { articles: ARCHIVE, seed: 11 });
      const section = (await store.taxonomy.allSections())[0]!;
      target = await makeArticle(store, {
        headline: 'Quarry lorries to use the northern bypass',
        sectionId: section.id,
        body: [{ type: 'paragraph', content: [{ text: 'Residents of Millbrae counted the lorries for a week.' }] }],
      });
      await store.updateStatistics();
    },
  });
  await server.app.services.auth.createUser({ email: 'editor@example.org', name: 'Eda Editor', role: 'editor', password: PASSWORD });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('finding and correcting a story in a big archive', { timeout: 90_000 }, () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 740],
  ] as const) {
    it(`an editor finds it by one word from its body and appends a correction, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await signInPage(page, server.baseUrl, 'editor@example.org', PASSWORD);
      let steps = 0;
      const step = async (action: () => Promise<unknown>) => {
        steps++;
        await action();
      };
      await step(() => page.goto(`${server.baseUrl}/newsroom/articles`));
      await step(() => page.fill('#f-q', 'Millbrae'));
      await step(() => Promise.all([page.waitForURL(/q=Millbrae/), page.press('#f-q', 'Enter')]));
      const hit = page.getByRole('link', { name: 'Quarry lorries to use the northern bypass' });
      expect(await hit.count()).toBe(1);
      await step(() => Promise.all([page.waitForURL(new RegExp(`/newsroom/articles/${target}$`)), hit.click()]));
      if (width < 900) await step(() => page.click('[data-panel-toggle]')); // the panel is a drawer on a phone
      const note = `Corrected at ${width} px: the bypass opens in spring, not in winter.`;
      await step(() => page.fill('#correction-note', note));
      await step(() => Promise.all([page.waitForURL(/done=corrections/), page.click('button:text("Append note")')]));
      console.log(`find and correct among ${ARCHIVE + 50} stories at ${width} px: ${steps} steps`);
      expect(steps).toBeLessThanOrEqual(width < 900 ? 7 : 6);
      const row = (await server.store.articles.byId(target))!;
      const path = articlePath(
        { id: target, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! },
        'UTC',
      );
      await page.goto(server.baseUrl + path);
      expect(await page.textContent('aside.corrections')).toContain(note);
      await context.close();
    });
  }
});
