// Script injection through content: every editor-supplied string must reach the reader as text, never markup.
// An article full of payloads is stored through the store API, then read in Chromium; no dialog may open and no
// injected element may exist.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSchema, bodySchema, type Body } from '../../src/domain/blocks.ts';
import { slugify } from '../../src/domain/slug.ts';
import { articlePath } from '../../src/domain/urls.ts';
import { generateDemoImage } from '../../src/media/generate.ts';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const SVG = '"><svg onload=alert(3)>';

const payload = {
  headline: `${SCRIPT} Breaking ${IMG}`,
  standfirst: `Standfirst ${SVG} ${IMG}`,
  heroCaption: `Caption ${IMG}`,
  heroCredit: `Credit ${SVG}`,
  heroAlt: `Alt ${SVG}`,
  quote: `Quote ${SCRIPT}`,
  attribution: `Attribution ${IMG}`,
  paragraph: `Paragraph ${SCRIPT} ${IMG} ${SVG}`,
  linkText: `Link ${IMG}`,
  linkHref: `https://example.org/?q=${SVG}`,
  listItem: `List item ${SVG}`,
  heading: `Heading ${IMG}`,
  inlineCaption: `Inline caption ${SCRIPT}`,
  tag: `${SCRIPT} tag ${IMG}`,
  author: `${IMG} Reporter`,
};

let server: RunningServer;
let browser: Browser;
let articleUrlPath = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      async prepare(store, config) {
        const image = await generateDemoImage(config.mediaDir, ['#334455', '#ddccbb'], 'xss test picture');
        const sectionId = (await store.taxonomy.allSections()).find((s) => s.path === 'news/europe')!.id;
        const tagId = await store.taxonomy.ensureTag(slugify(payload.tag), payload.tag);
        const body: Body = [
          { type: 'paragraph', content: [{ text: payload.paragraph }, { text: ' ' }, { text: payload.linkText, href: payload.linkHref }] },
          { type: 'heading', level: 2, text: payload.heading },
          { type: 'quote', text: payload.quote, attribution: payload.attribution },
          { type: 'list', style: 'bullet', items: [[{ text: payload.listItem }], [{ text: 'Second item', bold: true }]] },
        ];
        const now = new Date();
        const firstPublishedAt = new Date(now.getTime() - 60_000).toISOString();
        const id = await store.transaction(async (tx) => {
          const mediaId = await tx.media.create(
            { ...image, alt: payload.heroAlt, caption: payload.heroCaption, credit: payload.heroCredit },
            now.toISOString(),
          );
          const authorId = await tx.taxonomy.createPerson({
            slug: slugify(payload.author),
            name: payload.author,
            title: `Title ${SVG}`,
            bio: `Bio ${SCRIPT}`,
          });
          const fullBody: Body = [
            ...body,
            { type: 'image', mediaId, alt: payload.heroAlt, caption: payload.inlineCaption, credit: payload.heroCredit },
          ];
          // Only what the domain schema accepts is stored.
          bodySchema.parse(fullBody);
          return tx.articles.create(
            {
              slug: slugify(payload.headline),
              headline: payload.headline,
              standfirst: payload.standfirst,
              body: fullBody,
              kind: 'news',
              status: 'published',
              primarySectionId: sectionId,
              extraSectionIds: [],
              authorIds: [authorId],
              tagIds: [tagId],
              hero: { mediaId, caption: payload.heroCaption, credit: payload.heroCredit, alt: payload.heroAlt },
              firstPublishedAt,
              updatedAt: null,
            },
            now.toISOString(),
          );
        });
        articleUrlPath = articlePath(
          { id, slug: slugify(payload.headline), sectionPath: 'news/europe', firstPublishedAt },
          config.timezone,
        );
      },
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

/** A page that records every dialog (alert, confirm, prompt) instead of letting it block. */
async function watchedPage(): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, dialogs };
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(server.baseUrl + path, { waitUntil: 'load' });
  expect(response?.status()).toBe(status);
  // Give late handlers (image errors, lazy images scrolled into view) a chance to fire.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(300);
}

async function expectNoInjectedElements(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('img[onerror]').count()).toBe(0);
  expect(await page.locator('svg[onload]').count()).toBe(0);
  expect(await page.locator('[onload], [onerror]').count()).toBe(0);
  // The only scripts that run are the site's own; the rest are JSON-LD data blocks, each whole, valid JSON.
  const scripts = await page
    .locator('script')
    .evaluateAll((ss) => ss.map((s) => ({ type: s.getAttribute('type'), src: s.getAttribute('src'), text: s.textContent ?? '' })));
  expect(scripts.filter((s) => s.type !== 'application/ld+json').map((s) => s.src ?? `inline: ${s.text}`)).toEqual(['/assets/site.js']);
  for (const s of scripts.filter((x) => x.type === 'application/ld+json')) expect(() => JSON.parse(s.text), s.text).not.toThrow();
}

/** The JSON-LD nodes of the page, parsed from the browser's own DOM. */
async function jsonLdNodes(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').evaluateAll((ss) => ss.map((s) => s.textContent ?? ''));
  return texts.map((t) => JSON.parse(t) as Record<string, unknown>);
}

describe('content is always text, never markup', () => {
  it('the domain schema rejects script links instead of storing them', () => {
    for (const href of [
      'javascript:alert(4)',
      'JavaScript:alert(4)',
      ' javascript:alert(4)',
      'data:text/html,<script>alert(5)</script>',
      '//evil.example/x',
      'vbscript:msgbox(6)',
    ]) {
      const result = blockSchema.safeParse({ type: 'paragraph', content: [{ text: 'click me', href }] });
      expect(result.success, href).toBe(false);
    }
    const listResult = blockSchema.safeParse({ type: 'list', style: 'bullet', items: [[{ text: 'x', href: 'javascript:alert(4)' }]] });
    expect(listResult.success).toBe(false);
    // The same shape with a web link is accepted, so the rejection is about the address.
    expect(blockSchema.safeParse({ type: 'paragraph', content: [{ text: 'click me', href: 'https://example.org/' }] }).success).toBe(true);
  });

  it('shows every payload in the article as text, runs none of it', async () => {
    const { page, dialogs } = await watchedPage();
    await visit(page, articleUrlPath);

    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe(payload.headline);
    expect(await page.title()).toContain(payload.headline);
    expect(await page.locator('.article-header .standfirst').textContent()).toBe(payload.standfirst);
    const hero = page.locator('figure.hero');
    expect(await hero.locator('figcaption').textContent()).toBe(`${payload.heroCaption} ${payload.heroCredit}`);
    expect(await hero.locator('.credit').textContent()).toBe(` ${payload.heroCredit}`);
    expect(await hero.locator('img').getAttribute('alt')).toBe(payload.heroAlt);
    const body = page.locator('.article-body');
    expect(await body.locator('p').first().textContent()).toBe(`${payload.paragraph} ${payload.linkText}`);
    const link = body.locator('p a').first();
    expect(await link.textContent()).toBe(payload.linkText);
    expect(await link.getAttribute('href')).toBe(payload.linkHref);
    expect(await body.locator('h2').textContent()).toBe(payload.heading);
    expect(await body.locator('blockquote p').textContent()).toBe(payload.quote);
    expect(await body.locator('figure.quote figcaption').textContent()).toBe(`— ${payload.attribution}`);
    expect(await body.locator('ul li').first().textContent()).toBe(payload.listItem);
    expect(await body.locator('figure.inline-image figcaption').textContent()).toBe(`${payload.inlineCaption} ${payload.heroCredit}`);
    expect(await page.locator('nav.tags a').textContent()).toBe(payload.tag);
    expect(await page.locator('.byline a[rel="author"]').textContent()).toBe(payload.author);
    // The visible text shows the markup characters themselves.
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point (innerText), not the DOM text
    expect(await page.locator('h1').innerText()).toContain('<script>');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(payload.standfirst);
    expect(await page.locator('[data-share-title]').getAttribute('data-share-title')).toBe(payload.headline);
    // Structured data and Open Graph carry the payload as data: the browser's parser kept the JSON whole.
    const nodes = await jsonLdNodes(page);
    expect(nodes.map((n) => n['@type'])).toEqual(['NewsArticle', 'BreadcrumbList', 'NewsMediaOrganization']);
    expect(nodes[0]!.headline).toBe(payload.headline);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(payload.headline);

    await expectNoInjectedElements(page);
    expect(dialogs).toEqual([]);
  });

  it('lists the article safely on its section page and the front page', async () => {
    const { page, dialogs } = await watchedPage();
    await visit(page, '/news/europe');
    expect(await page.locator(`main .card-title a[href="${articleUrlPath}"]`).textContent()).toBe(payload.headline);
    await expectNoInjectedElements(page);
    await visit(page, '/');
    expect(await page.locator(`main a[href="${articleUrlPath}"]`).filter({ hasText: 'Breaking' }).first().textContent()).toBe(
      payload.headline,
    );
    await expectNoInjectedElements(page);
    expect(dialogs).toEqual([]);
  });

  it('echoes a script search query as text and lists the matching article safely', async () => {
    const { page, dialogs } = await watchedPage();
    await visit(page, `/search?q=${encodeURIComponent(SCRIPT)}`);
    expect(await page.locator('#search-page-q').inputValue()).toBe(SCRIPT);
    expect(await page.locator('.result-count').textContent()).toBe(`Results for “${SCRIPT}”`);
    expect(await page.title()).toContain(SCRIPT);
    const hit = page.locator(`ol.search-results a[href="${articleUrlPath}"]`);
    expect(await hit.textContent()).toBe(payload.headline);
    await expectNoInjectedElements(page);

    await visit(page, `/search?q=${encodeURIComponent(`${SVG} ${IMG}`)}`);
    expect(await page.locator('#search-page-q').inputValue()).toBe(`${SVG} ${IMG}`);
    await expectNoInjectedElements(page);
    expect(dialogs).toEqual([]);
  });

  it('shows the payload tag and author names as text on their pages', async () => {
    const { page, dialogs } = await watchedPage();
    await visit(page, `/tag/${slugify(payload.tag)}`);
    expect(await page.locator('h1').textContent()).toBe(payload.tag);
    expect(await page.locator(`main .card-title a[href="${articleUrlPath}"]`).textContent()).toBe(payload.headline);
    await expectNoInjectedElements(page);

    await visit(page, `/author/${slugify(payload.author)}`);
    expect(await page.locator('h1').textContent()).toBe(payload.author);
    await expectNoInjectedElements(page);
    expect(dialogs).toEqual([]);
  });
});
