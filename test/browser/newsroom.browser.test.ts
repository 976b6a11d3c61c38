// The newsroom in Chromium: a writer writes with the rich editor (bold, quote, uploaded image) and submits;
// an editor schedules it two seconds ahead and it appears on the public site with nothing restarted.
// Conflicts keep both texts; autosave survives a reload; the newsroom passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articlePath } from '../../src/domain/urls.ts';
import { axeViolations, describeViolations, launchBrowser, startServer, type RunningServer } from './support.ts';

const PASSWORD = 'a long newsroom password';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/newsroom/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${server.baseUrl}/newsroom`), page.click('form button[type=submit]')]);
  return page;
}

const utcLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19);

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

  it('lets a writer write with bold text, a quote and an uploaded image, and submit it', async () => {
    const page = await signedIn('writer@example.org');
    await page.goto(`${server.baseUrl}/newsroom/articles/new`);
    await page.fill('#headline', headline);
    await page.fill('#standfirst', 'The operator says bookings opened this morning.');
    await page.selectOption('#primarySectionId', { label: 'News › Europe' });
    const editor = page.locator('#body-editor .ProseMirror');
    await editor.click();
    await page.keyboard.type('The operator said ');
    await page.click('button[aria-label="Bold"]');
    await page.keyboard.type('sailings resume on Monday');
    await page.click('button[aria-label="Bold"]');
    await page.keyboard.type('.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('We have waited two winters for this.');
    page.once('dialog', (d) => void d.accept('Ilse Brandt, harbour master'));
    await page.click('button[aria-label="Quote"]');
    await page.keyboard.press('End');
    // An uploaded picture, made here: no network, no third-party image.
    const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2a6f97' } })
      .png()
      .toBuffer();
    await page.click('button[aria-label="Insert image"]');
    await page.setInputFiles('dialog.mh-media input[type=file]', { name: 'ferry.png', mimeType: 'image/png', buffer: png });
    const dialog = page.locator('dialog.mh-media');
    await dialog.getByLabel('Alt text (required)').fill('The ferry at the quay');
    await dialog.getByLabel('Caption').fill('The ferry at its winter berth');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await page.waitForSelector('#body-editor figure img, #body-editor [data-media-id]');
    const body = JSON.parse(await page.inputValue('#body-json'));
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
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+\?done=created/),
      page.click('#article-form button[type=submit]:text("Save")'),
    ]);
    articleId = Number(/articles\/(\d+)/.exec(page.url())![1]);
    await Promise.all([page.waitForURL(/done=submit/), page.click('button:text("Submit for review")')]);
    expect(await page.textContent('[data-status]')).toBe('in review');
  });

  it('lets an editor schedule it two seconds ahead; it appears on home, section and article without a restart', async () => {
    const page = await signedIn('editor@example.org');
    await page.goto(`${server.baseUrl}/newsroom/articles/${articleId}`);
    await page.fill('#schedule-at', utcLocal(Date.now() + 2_000));
    await Promise.all([page.waitForURL(/done=schedule/), page.click('button:text("Schedule")')]);
    expect(await page.textContent('[data-status]')).toBe('scheduled');
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
    await page.fill('#seoTitle', 'Night ferry returns');
    await page.waitForSelector('[data-save-status]:has-text("Saved just now")');
    await page.reload();
    expect(await page.inputValue('#seoTitle')).toBe('Night ferry returns');
  });

  it('passes axe with no violation of any impact on every newsroom page and the sign-in page, at 1280 and at 375 px', async () => {
    const page = await signedIn('admin@example.org');
    const [person, other] = await server.store.taxonomy.allPeople();
    const [tag, otherTag] = await server.store.tags.page({ limit: 2 });
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
        '/newsroom/media',
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
