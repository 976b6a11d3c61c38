// The reader site in a real browser: navigation by clicking, the article page's parts, the mirror notice,
// accessibility (axe-core), responsive screenshots and reading without JavaScript.
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sections as demoSections } from '../../src/demo/sections.ts';
import { describeViolations, launchBrowser, MIRRORS, ORIGIN, seriousAxeViolations, startServer, type RunningServer } from './support.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SHARE_NETWORKS = ['x', 'facebook', 'telegram', 'whatsapp', 'reddit', 'email'];

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

/** Follows a link the way a reader does: click it and wait for the new page. */
async function clickAndWait(page: Page, selector: string): Promise<void> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  expect(href, `link ${selector}`).toBeTruthy();
  await Promise.all([page.waitForURL((url) => url.pathname === new URL(href!, page.url()).pathname), link.click()]);
  await page.waitForLoadState('load');
}

/** The path of some article in news/europe, found by reading the section listing. */
async function anArticlePath(): Promise<string> {
  const res = await fetch(`${server.baseUrl}/news/europe`);
  const html = await res.text();
  const m = /href="(\/news\/europe\/\d{4}\/\d{2}\/\d{2}\/\d+\/[a-z0-9-]+)"/.exec(html);
  if (!m) throw new Error('no news/europe article link on the section page');
  return m[1]!;
}

describe('reading the site in Chromium', () => {
  it('goes from the front page to an article by clicking, and the article page has all its parts', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    const response = await page.goto(`${server.baseUrl}/`);
    expect(response?.status()).toBe(200);

    // Front page: the Editor's Choice rail and the top story.
    const rail = page.locator('aside.rail');
    await expect(rail.locator('h2').textContent()).resolves.toBe("Editor's Choice");
    const railLinks = await rail.locator('ol li a').all();
    expect(railLinks.length).toBeGreaterThan(0);
    for (const a of railLinks) expect(await a.getAttribute('href')).toMatch(/^\/[a-z0-9/-]+\/\d{4}\/\d{2}\/\d{2}\/\d+\/[a-z0-9-]+$/);
    const topTitle = page.locator('section.top-story .top-title a');
    await expect(topTitle.count()).resolves.toBe(1);
    expect((await topTitle.textContent())?.trim().length).toBeGreaterThan(10);
    expect(await page.locator('section.top-story .standfirst').textContent()).toBeTruthy();

    // Top navigation → section → sub-section → article, all by clicking.
    await clickAndWait(page, 'nav.site-nav a[href="/news"]');
    expect(new URL(page.url()).pathname).toBe('/news');
    expect(await page.locator('h1').textContent()).toBe('News');
    expect(await page.locator('nav.site-nav a[aria-current="page"]').textContent()).toBe('News');

    await clickAndWait(page, 'nav.subsections a[href="/news/europe"]');
    expect(new URL(page.url()).pathname).toBe('/news/europe');
    expect(await page.locator('h1').textContent()).toBe('Europe');

    // An article filed primarily in Europe (its card kicker names the section).
    const card = page.locator('main .card', { has: page.locator('.kicker a[href="/news/europe"]') }).first();
    const expectedHeadline = (await card.locator('.card-title a').textContent())!;
    await Promise.all([page.waitForURL(/\/news\/europe\/\d{4}\/\d{2}\/\d{2}\/\d+\//), card.locator('.card-title a').click()]);
    await page.waitForLoadState('load');

    // One h1, the headline that was clicked.
    await expect(page.locator('h1').count()).resolves.toBe(1);
    expect(await page.locator('h1').textContent()).toBe(expectedHeadline);

    // Breadcrumb: Home › News › Europe (the demo's section names), in that order, with the right links.
    const crumbs = page.locator('nav[aria-label="Breadcrumb"] li a');
    const trail = ['news', 'news/europe'].map((p) => demoSections.find((s) => s.path === p)!);
    expect(await crumbs.allTextContents()).toEqual(['Home', ...trail.map((s) => s.name)]);
    expect(await crumbs.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/', ...trail.map((s) => `/${s.path}`)]);

    // Hero figure: caption and credit.
    const figcaption = page.locator('article.article figure.hero figcaption');
    await expect(figcaption.count()).resolves.toBe(1);
    const caption = (await figcaption.textContent())!;
    const credit = (await figcaption.locator('.credit').textContent())!.trim();
    expect(credit.length).toBeGreaterThan(0);
    const captionOnly = caption.replace(credit, '').trim();
    expect(captionOnly.length).toBeGreaterThan(0);
    expect(caption).toContain(credit);

    // Byline links to author pages.
    const authors = page.locator('.byline a[rel="author"]');
    expect(await authors.count()).toBeGreaterThan(0);
    for (const href of await authors.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^\/author\/[a-z0-9-]+$/);

    // Times are machine-readable instants with a zone.
    const datetimes = await page.locator('time[datetime]').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(datetimes.length).toBeGreaterThan(0);
    for (const dt of datetimes) {
      expect(dt).toMatch(ZONED_ISO);
      expect(Number.isNaN(Date.parse(dt))).toBe(false);
    }

    // Canonical URL on the primary origin, for this very path.
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    expect(canonical.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(canonical).toBe(ORIGIN + new URL(page.url()).pathname);

    // Share links carry the canonical URL; copy links to it directly.
    const encoded = encodeURIComponent(canonical);
    for (const network of SHARE_NETWORKS) {
      const href = await page.locator(`.share a[data-network="${network}"]`).getAttribute('href');
      expect(href, network).toContain(encoded);
    }
    expect(await page.locator('.share a[data-network="x"]').getAttribute('href')).toMatch(/^https:\/\/x\.com\//);
    expect(await page.locator('.share a[data-network="facebook"]').getAttribute('href')).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(await page.locator('.share a[data-network="telegram"]').getAttribute('href')).toMatch(/^https:\/\/t\.me\//);
    expect(await page.locator('.share a[data-network="whatsapp"]').getAttribute('href')).toMatch(/^https:\/\/wa\.me\//);
    expect(await page.locator('.share a[data-network="reddit"]').getAttribute('href')).toMatch(/^https:\/\/www\.reddit\.com\//);
    expect(await page.locator('.share a[data-network="email"]').getAttribute('href')).toMatch(/^mailto:/);
    expect(await page.locator('.share a[data-network="copy"]').getAttribute('href')).toBe(canonical);

    // Without navigator.share the native share button stays hidden.
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    await expect(page.locator('[data-native-share]').isVisible()).resolves.toBe(false);
  });

  it('shows the native share button when navigator.share exists, and it shares the canonical URL', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { shareCalls: unknown[] }).shareCalls = calls;
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        writable: true,
        value: (data: unknown) => {
          calls.push(data);
          return Promise.resolve();
        },
      });
    });
    const path = await anArticlePath();
    await page.goto(server.baseUrl + path);
    const button = page.locator('[data-native-share]');
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    const calls = await page.evaluate(() => (window as unknown as { shareCalls: { url: string; title: string }[] }).shareCalls);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(ORIGIN + path);
    expect(calls[0]!.title).toBe(await page.locator('h1').textContent());
  });

  it('lists the mirror addresses in the notice', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    const notice = page.locator('aside.mirror-notice');
    await expect(notice.isVisible()).resolves.toBe(true);
    const links = notice.locator('a');
    expect(await links.allTextContents()).toEqual(['mirror-one.example', 'mirror-two.example']);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(MIRRORS);
    expect(await notice.textContent()).toMatch(/mirror-one\.example or mirror-two\.example\./);
  });

  describe('accessibility: no serious or critical axe-core violations', () => {
    const pages: [string, () => Promise<string> | string, number][] = [
      ['the front page', () => '/', 200],
      ['a section page', () => '/news', 200],
      ['an article page', () => anArticlePath(), 200],
      ['search results', () => '/search?q=ceasefire', 200],
      ['a 404 page', () => '/no/such/page-here', 404],
    ];
    for (const [name, pathOf, status] of pages) {
      it(name, async () => {
        const page = await newPage();
        const response = await page.goto(server.baseUrl + (await pathOf()));
        expect(response?.status()).toBe(status);
        if (name === 'search results') expect(await page.locator('ol.search-results li').count()).toBeGreaterThan(0);
        const violations = await seriousAxeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  });

  it('takes full-page screenshots of an article on a phone and a desktop', async () => {
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
    const path = await anArticlePath();
    for (const width of [390, 1280]) {
      const file = `${SCREENSHOT_DIR}article-${width}.png`;
      await fs.rm(file, { force: true });
      const page = await newPage({ viewport: { width, height: 900 } });
      await page.goto(server.baseUrl + path, { waitUntil: 'load' });
      // Nothing may overflow sideways at either width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      // Scroll through the page so lazy pictures load, then wait for every picture before the full-page shot.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        window.scrollTo(0, 0);
        await Promise.all(
          [...document.images].map((img) =>
            img.complete
              ? null
              : new Promise((r) => {
                  img.addEventListener('load', r, { once: true });
                  img.addEventListener('error', r, { once: true });
                }),
          ),
        );
      });
      const broken = await page
        .locator('img')
        .evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.naturalWidth === 0).map((i) => i.currentSrc || i.src));
      expect(broken, 'pictures that failed to load').toEqual([]);
      await page.screenshot({ path: file, fullPage: true });
      const stat = await fs.stat(file);
      expect(stat.size).toBeGreaterThan(1000);
    }
  });

  it('reads an article with JavaScript disabled: headline, body and share links', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const path = await anArticlePath();
    const response = await page.goto(server.baseUrl + path);
    expect(response?.status()).toBe(200);
    const headline = await page.locator('h1').textContent();
    expect(headline?.trim().length).toBeGreaterThan(10);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    const paragraphs = page.locator('.article-body > p');
    expect(await paragraphs.count()).toBeGreaterThan(1);
    await expect(paragraphs.first().isVisible()).resolves.toBe(true);
    const canonical = ORIGIN + path;
    for (const network of SHARE_NETWORKS) {
      const link = page.locator(`.share a[data-network="${network}"]`);
      await expect(link.isVisible(), network).resolves.toBe(true);
      expect(await link.getAttribute('href')).toContain(encodeURIComponent(canonical));
    }
    await expect(page.locator('.share a[data-network="copy"]').isVisible()).resolves.toBe(true);
    // No script, no Web Share: the button that needs it must not be shown.
    await expect(page.locator('[data-native-share]').isVisible()).resolves.toBe(false);
  });
});
