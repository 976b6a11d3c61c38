// The newsroom in Chromium: a writer writes with the rich editor (bold, quote, uploaded image) and submits;
// an editor schedules it two seconds ahead and it appears on the public site with nothing restarted.
// Conflicts keep both texts; autosave survives a reload; the newsroom passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articlePath } from '../../src/domain/urls.ts';
import { axeViolations, describeViolations, launchBrowser, startServer, type RunningServer, signInPage } from './support.ts';

const PASSWORD = 'a long newsroom password';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInPage(page, server.baseUrl, email, PASSWORD);
  return page;
}

const utcLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Whether the element is in view without scrolling (its top edge inside the viewport). */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.top < window.innerHeight - 40 && window.scrollY === 0;
  });
}

beforeAll(async () => {
  server = await startServer();
  server.app.services.jobs.start();
  for (const [email, role] of [
    ['writer@example.org', 'writer'],
    ['editor@example.org', 'editor'],
    ['admin@example.org', 'admin'],
  ] as const) {
    await server.app.services.auth.createUser({
      email,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
      role,
      password: PASSWORD,
    });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.app.services.jobs.stop();
  await server?.close();
});

describe('newsroom in the browser', { timeout: 90_000 }, () => {
  let articleId = 0;
  const headline = 'Night ferry to the northern islands returns after two winters';

  it('lets a writer write, illustrate and submit a story from the first screen, with the keyboard where it is natural (steps counted)', async () => {
    const page = await signedIn('writer@example.org');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.baseUrl}/newsroom/articles/new`);
    // Writing first: headline, standfirst, body and the main action are all on the first screen at 1280×800.
    for (const selector of ['#headline', '#standfirst', '#body-editor .ProseMirror', '[data-primary-action]', '#primarySectionId']) {
      expect(await onFirstScreen(page, selector), `${selector} on the first screen`).toBe(true);
    }
    let steps = 0;
    const step = async (action: () => Promise<unknown>) => {
      steps++;
      await action();
    };
    await step(() => page.fill('#headline', headline));
    await step(() => page.keyboard.press('Enter')); // a headline is one line: Enter moves on to the standfirst
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('standfirst');
    await step(() => page.keyboard.type('The operator says bookings opened this morning.'));
    await step(() => page.selectOption('#primarySectionId', { label: 'News › Europe' }));
    await step(() => page.locator('#body-editor .ProseMirror').click());
    await step(() => page.keyboard.type('The operator said '));
    await step(() => page.keyboard.press('Control+b'));
    await step(() => page.keyboard.type('sailings resume on Monday'));
    await step(() => page.keyboard.press('Control+b'));
    await step(() => page.keyboard.type('.'));
    await step(() => page.keyboard.press('Enter'));
    await step(() => page.keyboard.type('We have waited two winters for this.'));
    // Quote: no browser dialog; the caret goes to the quote's Attribution field.
    await step(() => page.click('button[aria-label="Quote"]'));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Attribution');
    await step(() => page.keyboard.type('Ilse Brandt, harbour master'));
    // An uploaded picture, made here: no network, no third-party image.
    const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2a6f97' } })
      .png()
      .toBuffer();
    await step(() => page.click('button[aria-label="Insert image"]'));
    await step(() => page.setInputFiles('dialog.mh-media input[type=file]', { name: 'ferry.png', mimeType: 'image/png', buffer: png }));
    const dialog = page.locator('dialog.mh-media');
    await step(() => dialog.getByLabel('Alt text (required)').fill('The ferry at the quay'));
    await step(() => dialog.getByLabel('Caption').fill('The ferry at its winter berth'));
    await step(() => dialog.getByRole('button', { name: 'Insert image' }).click());
    await page.waitForSelector('#body-editor figure img, #body-editor [data-media-id]');
    // A fact box, typed into at once.
    await step(() => page.click('button[aria-label="Facts: insert a fact box"]'));
    await step(() => page.keyboard.type('Three sailings a week'));
    // A social post: the dialog says which network the address belongs to as it is typed.
    await step(() => page.click('button[aria-label^="Insert embed"]'));
    await step(() => page.keyboard.type('https://t.me/meridian_news/4512'));
    expect(await page.textContent('dialog.mh-ask [role=status]')).toBe('A post on Telegram.');
    await step(() => page.keyboard.press('Enter'));
    // A link card: a published story found by a word from it, as it is typed, chosen with the keyboard.
    const linked = (await server.store.articles.latest({ limit: 1, offset: 0 }, [])).items[0]!;
    const word = linked.headline.split(/\s+/).find((w) => w.length > 5)!;
    await step(() => page.click('button[aria-label="Story: insert a link card to another story"]'));
    await step(() => page.keyboard.type(word));
    await page.waitForSelector(`dialog.mh-find-story .mh-story:has-text(${JSON.stringify(linked.headline)})`);
    await step(() => page.keyboard.press('ArrowDown'));
    await step(() => page.locator('dialog.mh-find-story .mh-story', { hasText: linked.headline }).focus());
    await step(() => page.keyboard.press('Enter'));
    await page.waitForSelector('#body-editor .mh-link-card');
    const body = JSON.parse(await page.inputValue('#body-json'));
    expect(body).toContainEqual({ type: 'factbox', items: [[{ text: 'Three sailings a week' }]] });
    expect(body).toContainEqual({ type: 'embed', kind: 'social', url: 'https://t.me/meridian_news/4512' });
    expect(body).toContainEqual({ type: 'articleLink', articleId: linked.id, headline: linked.headline });
    expect(body).toContainEqual({
      type: 'paragraph',
      content: [{ text: 'The operator said ' }, { text: 'sailings resume on Monday', bold: true }, { text: '.' }],
    });
    expect(body).toContainEqual({
      type: 'quote',
      text: 'We have waited two winters for this.',
      attribution: 'Ilse Brandt, harbour master',
    });
    expect(body.some((b: { type: string }) => b.type === 'image')).toBe(true);
    expect(await page.textContent('[data-word-count]')).toMatch(/^\d+ words · 1 min read$/);
    // Never saved, and submitted in one step: the server saves and submits.
    expect(await page.textContent('[data-primary-action]')).toBe('Submit for review');
    await step(() => Promise.all([page.waitForURL(/done=submit/), page.click('[data-primary-action]')]));
    articleId = Number(/articles\/(\d+)/.exec(page.url())![1]);
    expect(await page.textContent('[data-status]')).toBe('In review');
    console.log(`writer journey at 1280×800: ${steps} steps, none of them a scroll`);
    expect(steps).toBeLessThanOrEqual(30);
  });

  it('lets an editor schedule it two seconds ahead; it appears on home, section and article without a restart', async () => {
    const page = await signedIn('editor@example.org');
    await page.goto(`${server.baseUrl}/newsroom/articles/${articleId}`);
    await page.fill('#schedule-at', utcLocal(Date.now() + 2_000));
    await Promise.all([page.waitForURL(/done=schedule/), page.click('button[value="schedule"]')]);
    expect(await page.textContent('[data-status]')).toBe('Scheduled');
    const reader = await browser.newPage();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await reader.goto(`${server.baseUrl}/`);
      found = (await reader.content()).includes(headline);
      if (!found) await reader.waitForTimeout(250);
    }
    expect(found).toBe(true);
    await reader.goto(`${server.baseUrl}/news/europe`);
    expect(await reader.content()).toContain(headline);
    const row = (await server.store.articles.byId(articleId))!;
    await reader.goto(
      server.baseUrl +
        articlePath({ id: articleId, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC'),
    );
    expect(await reader.textContent('h1')).toBe(headline);
    expect(await reader.textContent('.article-body strong')).toBe('sailings resume on Monday');
    expect(await reader.textContent('.article-body .quote figcaption')).toContain('Ilse Brandt');
    expect(await reader.locator('.article-body figure.inline-image img').count()).toBe(1);
    expect(await reader.textContent('.article-body .factbox')).toContain('Three sailings a week');
    expect(await reader.locator('.article-body figure.social iframe').count()).toBe(0); // a card until asked
    expect(await reader.locator('.article-body .link-card a').count()).toBeGreaterThan(0);
    await reader.close();
  });

  it('refuses the second of two concurrent saves with the conflict view, and loses neither text', async () => {
    const a = await signedIn('editor@example.org');
    const b = await signedIn('admin@example.org');
    await a.goto(`${server.baseUrl}/newsroom/articles/${articleId}`);
    await b.goto(`${server.baseUrl}/newsroom/articles/${articleId}`);
    await a.fill('#standfirst', 'Version from the first editor.');
    await a.waitForSelector('[data-save-status]:has-text("Saved just now")');
    await b.fill('#standfirst', 'Version from the second editor.');
    await b.waitForSelector('#conflict:not([hidden])');
    expect(await b.textContent('#conflict')).toContain('Someone else saved this article');
    await b.click('#conflict button:text("Keep mine")');
    await b.waitForSelector('[data-save-status]:has-text("Saved just now")');
    const history = await server.app.services.content.history({ id: 1, role: 'admin' }, articleId);
    const standfirsts = history.revisions.map((r) => JSON.parse(r.snapshot).standfirst);
    expect(standfirsts).toContain('Version from the first editor.');
    expect(standfirsts[0]).toBe('Version from the second editor.');
  });

  it('autosaves while typing, and the text survives a reload', async () => {
    const page = await signedIn('editor@example.org');
    await page.goto(`${server.baseUrl}/newsroom/articles/${articleId}`);
    await page.click('summary:text("Address and search")'); // a folded group of the side panel
    await page.fill('#seoTitle', 'Night ferry returns');
    await page.waitForSelector('[data-save-status]:has-text("Saved just now")');
    await page.reload();
    expect(await page.inputValue('#seoTitle')).toBe('Night ferry returns');
  });

  it('suggests existing tags for the one being typed, keeping the tags before it', async () => {
    const page = await signedIn('writer@example.org');
    await page.goto(`${server.baseUrl}/newsroom/articles/new`);
    await page.fill('#tags', 'Ferries, dipl');
    const option = page.locator('#tag-suggestions option[value="Ferries, Diplomacy"]');
    await option.waitFor({ state: 'attached' });
    expect(await page.locator('#tag-suggestions option').count()).toBeGreaterThanOrEqual(1);
  });

  it('passes axe with no violation of any impact on every newsroom page and the sign-in page, at 1280 and at 375 px', async () => {
    const page = await signedIn('admin@example.org');
    const [person, other] = await server.store.taxonomy.allPeople();
    const [tag, otherTag] = await server.store.tags.page({ limit: 2 });
    const [picture] = await server.store.media.search('', 1);
    const [staticPage] = await server.store.pages.all();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of [
        '/newsroom',
        '/newsroom/articles',
        '/newsroom/articles?q=harbour&sort=published',
        '/newsroom/articles/new',
        `/newsroom/articles/${articleId}`,
        `/newsroom/articles/${articleId}/history`,
        '/newsroom/collections/editors-choice',
        '/newsroom/sections',
        '/newsroom/users',
        '/newsroom/people',
        `/newsroom/people/${person!.id}`,
        `/newsroom/people/${person!.id}/merge?into=${other!.id}`,
        '/newsroom/tags',
        `/newsroom/tags/${tag!.id}`,
        `/newsroom/tags/${tag!.id}/merge?into=${otherTag!.slug}`,
        '/newsroom/pages',
        '/newsroom/pages/new',
        `/newsroom/pages/${staticPage!.id}`,
        '/newsroom/media',
        `/newsroom/media/${picture!.id}`,
        '/newsroom/tokens',
        '/newsroom/audit',
      ]) {
        await page.goto(server.baseUrl + path);
        const violations = await axeViolations(page);
        expect(violations, `${width} px ${path}\n${describeViolations(violations)}`).toEqual([]);
      }
      const signIn = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
      await signIn.goto(`${server.baseUrl}/newsroom/sign-in`);
      const violations = await axeViolations(signIn);
      expect(violations, `${width} px sign-in\n${describeViolations(violations)}`).toEqual([]);
    }
  });

  it('keeps markup typed into newsroom fields inert in the newsroom and on the site', async () => {
    const payload = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';
    const section = (await server.store.taxonomy.allSections()).find((s) => s.path === 'news/europe')!;
    const { id } = await server.app.services.content.create(
      { id: 1, role: 'admin' },
      {
        headline: payload,
        standfirst: payload,
        primarySectionId: section.id,
        tags: [payload.slice(0, 50)],
        body: [{ type: 'quote', text: payload, attribution: payload }],
      },
    );
    const page = await signedIn('editor@example.org');
    let dialogs = 0;
    page.on('dialog', () => dialogs++);
    for (const path of [`/newsroom/articles/${id}`, '/newsroom', `/newsroom/articles/${id}/history`, `/newsroom/articles/${id}/preview`]) {
      await page.goto(server.baseUrl + path);
      await page.waitForTimeout(100);
      expect(await page.locator('img[src="x"], svg[onload]').count(), path).toBe(0);
    }
    await page.goto(`${server.baseUrl}/newsroom/articles/${id}`);
    expect(await page.inputValue('#headline')).toBe(payload);
    expect(dialogs).toBe(0);
  });
});
