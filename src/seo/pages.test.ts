// Search and share metadata through HTTP (app.inject): canonical, Open Graph, Twitter card and JSON-LD on
// every page type, always on the primary origin, also when a mirror served the page; crops on disk.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../domain/urls.ts';
import { storeUpload } from '../media/upload.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { T0, makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { head, jsonLd, jsonLdOfType, meta, metas, tags, visibleBreadcrumb } from '../../test/support/html.ts';
import { member } from '../../test/support/newsroom.ts';

const PRIMARY = 'https://news.example';
const HOSTILE = '</script><script>alert(1)</script>';
let t: TestDb;
let mediaDir: string;
let app: FastifyInstance;
let mirrorApp: FastifyInstance;
let outletApp: FastifyInstance;
const paths: Record<string, string> = {};

async function pathOf(id: number): Promise<string> {
  const row = (await t.store.articles.byId(id))!;
  return articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
}

beforeAll(async () => {
  t = await suiteTestDb();
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-seo-'));
  await makeSection(t.store, 'news', 'News');
  const europe = await makeSection(t.store, 'news/europe', 'Europe');
  const ana = await makePerson(t.store, 'Ana Reyes');
  const picture = sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#2a4d69' } })
    .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: '#e8b04b' } }, left: 1200, top: 500 }])
    .jpeg();
  const stored = await storeUpload(mediaDir, await picture.toBuffer());
  const hero = await t.store.media.create(
    { ...stored, alt: 'Delegates at the harbour', caption: 'Talks', credit: 'Staff' },
    T0.toISOString(),
  );
  const feature = await makeArticle(t.store, {
    headline: 'Harbour talks resume after a week of silence',
    standfirst: 'Negotiators returned to the table on Thursday.',
    sectionId: europe,
    authorIds: [ana],
    tags: ['Diplomacy', 'Shipping'],
    heroMediaId: hero,
    heroAlt: 'Delegates at the harbour',
    hoursAgo: 5,
    updatedHoursAgo: 3,
  });
  const hostile = await makeArticle(t.store, { headline: HOSTILE, sectionId: europe, authorIds: [ana], heroMediaId: hero, hoursAgo: 4 });
  const legacy = await makeArticle(t.store, {
    headline: 'An older picture without crops',
    sectionId: europe,
    heroMediaId: await makeMedia(t.store),
    hoursAgo: 6,
  });
  app = await testApp(t.store, { MEDIA_DIR: mediaDir });
  mirrorApp = await testApp(t.store, { MEDIA_DIR: mediaDir, MASTHEAD_MIRRORS: 'https://mirror-one.example' });
  outletApp = await testApp(t.store, {
    MEDIA_DIR: mediaDir,
    MASTHEAD_LOGO_URL: 'https://news.example/assets/logo.png',
    MASTHEAD_CORRECTIONS_POLICY_URL: 'https://news.example/about/corrections',
    MASTHEAD_ETHICS_POLICY_URL: 'https://news.example/about/ethics',
    MASTHEAD_LOCALE: 'en_US',
  });
  const { user } = await member(app, 'editor');
  await t.store.editorial.addCorrection({
    articleId: feature,
    kind: 'correction',
    note: 'An earlier version gave the wrong day.',
    userId: user.id,
    at: new Date(T0.getTime() - 3_600_000).toISOString(),
  });
  await t.store.editorial.addCorrection({
    articleId: feature,
    kind: 'clarification',
    note: 'Fees are charged per ship.',
    userId: user.id,
    at: new Date(T0.getTime() - 1_800_000).toISOString(),
  });
  paths.feature = await pathOf(feature);
  paths.hostile = await pathOf(hostile);
  paths.legacy = await pathOf(legacy);
});

afterAll(async () => {
  await Promise.all([app.close(), mirrorApp.close(), outletApp.close()]);
  await t.destroy();
  await fs.rm(mediaDir, { recursive: true, force: true });
});

async function page(url: string, on = app, host?: string): Promise<string> {
  const res = await on.inject({ method: 'GET', url, ...(host ? { headers: { host } } : {}) });
  expect(res.statusCode, url).toBe(200);
  return res.body;
}

describe('article pages', () => {
  it('have an absolute canonical, Open Graph article tags and a large Twitter card', async () => {
    const html = await page(paths.feature!);
    const canonical = PRIMARY + paths.feature;
    expect(
      tags(html, 'link')
        .filter((l) => l.rel === 'canonical')
        .map((l) => l.href),
    ).toEqual([canonical]);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe('Harbour talks resume after a week of silence');
    expect(meta(html, 'og:url')).toBe(canonical);
    expect(meta(html, 'og:description')).toBe('Negotiators returned to the table on Thursday.');
    expect(meta(html, 'og:site_name')).toBe('Meridian World News');
    expect(meta(html, 'og:locale')).toBe('en_GB');
    expect(meta(html, 'og:image')).toMatch(new RegExp(`^${PRIMARY}/media/uploads/.+-16x9\\.jpg$`));
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '675']);
    expect(meta(html, 'og:image:alt')).toBe('Delegates at the harbour');
    expect(meta(html, 'article:published_time')).toBe(new Date(T0.getTime() - 5 * 3_600_000).toISOString());
    expect(meta(html, 'article:modified_time')).toBe(new Date(T0.getTime() - 1_800_000).toISOString());
    expect(meta(html, 'article:section')).toBe('Europe');
    expect(metas(html, 'article:tag')).toEqual(['Diplomacy', 'Shipping']);
    expect(metas(html, 'article:author')).toEqual([`${PRIMARY}/author/ana-reyes`]);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:title')).toBe('Harbour talks resume after a week of silence');
    expect(meta(html, 'twitter:image')).toBe(meta(html, 'og:image'));
  });

  it('describe the article, its breadcrumb and the outlet in JSON-LD', async () => {
    const html = await page(paths.feature!);
    expect(jsonLd(html).map((n) => n['@type'])).toEqual(['NewsArticle', 'BreadcrumbList', 'NewsMediaOrganization']);
    const [article] = jsonLdOfType(html, 'NewsArticle') as Record<string, any>[];
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Harbour talks resume after a week of silence',
      url: PRIMARY + paths.feature,
      datePublished: new Date(T0.getTime() - 5 * 3_600_000).toISOString(),
      isAccessibleForFree: true,
      author: [{ '@type': 'Person', name: 'Ana Reyes', url: `${PRIMARY}/author/ana-reyes` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Meridian World News', url: `${PRIMARY}/` },
      correction: [{ '@type': 'CorrectionComment', text: 'An earlier version gave the wrong day.' }],
    });
    // Updated 3 h before T0, a correction 1 h and a clarification 30 min before: the newest visible change wins.
    expect(article!.dateModified).toBe(new Date(T0.getTime() - 1_800_000).toISOString());
    expect(article!.correction).toHaveLength(1);
  });

  it('list 16:9, 4:3 and 1:1 crops at least 1200 px wide, and serve those files in those shapes', async () => {
    const [article] = jsonLdOfType(await page(paths.feature!), 'NewsArticle') as Record<string, any>[];
    const images = article!.image as { url: string; width: number; height: number }[];
    expect(images.map((i) => i.width / i.height)).toEqual([16 / 9, 4 / 3, 1]);
    for (const img of images) {
      expect(img.url.startsWith(`${PRIMARY}/media/`)).toBe(true);
      expect(img.width).toBeGreaterThanOrEqual(1200);
      const res = await app.inject({ method: 'GET', url: new URL(img.url).pathname });
      expect(res.statusCode, img.url).toBe(200);
      const m = await sharp(res.rawPayload).metadata();
      expect([m.format, m.width, m.height]).toEqual(['jpeg', img.width, img.height]);
    }
  });

  it('fall back to the original picture for media stored before crops existed', async () => {
    const html = await page(paths.legacy!);
    const [article] = jsonLdOfType(html, 'NewsArticle') as Record<string, any>[];
    expect(article!.image).toEqual([
      { '@type': 'ImageObject', url: expect.stringMatching(new RegExp(`^${PRIMARY}/media/test/\\d+\\.jpg$`)), width: 1600, height: 900 },
    ]);
    expect(meta(html, 'og:image')).toBe(article!.image[0].url);
  });

  it('give a BreadcrumbList equal to the visible breadcrumb', async () => {
    for (const url of [paths.feature!, '/news/europe', '/news']) {
      const html = await page(url);
      const [list] = jsonLdOfType(html, 'BreadcrumbList') as Record<string, any>[];
      const visible = visibleBreadcrumb(html);
      expect(visible.length, url).toBeGreaterThan(1);
      expect(list!.itemListElement).toEqual(
        visible.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: PRIMARY + c.href })),
      );
    }
  });

  it('keep a hostile headline inside the JSON: no extra script, and JSON.parse gives it back exactly', async () => {
    const html = await page(paths.hostile!);
    // site.js, then NewsArticle, BreadcrumbList and NewsMediaOrganization.
    expect(html.match(/<script\b/gi)).toHaveLength(4);
    expect(html.match(/<\/script/gi)).toHaveLength(4);
    expect(html).not.toContain('<script>alert(1)');
    const [article] = jsonLdOfType(html, 'NewsArticle');
    expect(article!.headline).toBe(HOSTILE);
    expect(meta(html, 'og:title')).toBe(HOSTILE);
  });
});

describe('on a mirror', () => {
  it('still name the primary origin in canonical, Open Graph, the Twitter card and JSON-LD', async () => {
    for (const url of ['/', '/news/europe', paths.feature!]) {
      const res = await mirrorApp.inject({ method: 'GET', url, headers: { host: 'mirror-one.example' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-robots-tag']).toBe('noindex');
      const html = res.body;
      expect(head(html)).not.toContain('mirror-one');
      const canonical = tags(html, 'link').find((l) => l.rel === 'canonical')!.href!;
      expect(canonical).toBe(PRIMARY + (url === '/' ? '/' : url));
      expect(meta(html, 'og:url')).toBe(canonical);
      for (const key of ['og:image', 'twitter:image', ...metas(html, 'article:author').map(() => 'article:author')]) {
        for (const v of metas(html, key)) expect(v.startsWith(`${PRIMARY}/`), `${url} ${key}`).toBe(true);
      }
      const urls = JSON.stringify(jsonLd(html)).match(/https?:\/\/[^"]+/g) ?? [];
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls) expect(u.startsWith(`${PRIMARY}/`) || u === 'https://schema.org', u).toBe(true);
    }
  });
});

describe('home, section, tag and author pages', () => {
  it('have a canonical, og:type website and the outlet as a NewsMediaOrganization', async () => {
    for (const [url, canonical] of [
      ['/', `${PRIMARY}/`],
      ['/news/europe', `${PRIMARY}/news/europe`],
      ['/tag/shipping', `${PRIMARY}/tag/shipping`],
      ['/author/ana-reyes', `${PRIMARY}/author/ana-reyes`],
    ] as const) {
      const html = await page(url);
      expect(
        tags(html, 'link')
          .filter((l) => l.rel === 'canonical')
          .map((l) => l.href),
        url,
      ).toEqual([canonical]);
      expect(meta(html, 'og:type'), url).toBe('website');
      expect(meta(html, 'og:url'), url).toBe(canonical);
      expect(meta(html, 'og:title'), url).toBeTruthy();
      expect(meta(html, 'og:site_name'), url).toBe('Meridian World News');
      expect(meta(html, 'twitter:card'), url).toBe('summary');
      expect(jsonLdOfType(html, 'NewsMediaOrganization'), url).toEqual([
        {
          '@context': 'https://schema.org',
          '@type': 'NewsMediaOrganization',
          '@id': `${PRIMARY}/#organization`,
          name: 'Meridian World News',
          url: `${PRIMARY}/`,
        },
      ]);
    }
  });

  it('name the logo, the corrections and ethics policies and the locale when configured', async () => {
    const html = await page('/', outletApp);
    expect(jsonLdOfType(html, 'NewsMediaOrganization')[0]).toMatchObject({
      logo: { '@type': 'ImageObject', url: 'https://news.example/assets/logo.png' },
      correctionsPolicy: 'https://news.example/about/corrections',
      ethicsPolicy: 'https://news.example/about/ethics',
    });
    expect(meta(html, 'og:locale')).toBe('en_US');
    expect(meta(html, 'og:image')).toBe('https://news.example/assets/logo.png');
    const [article] = jsonLdOfType(await page(paths.feature!, outletApp), 'NewsArticle') as Record<string, any>[];
    expect(article!.publisher.logo).toEqual({ '@type': 'ImageObject', url: 'https://news.example/assets/logo.png' });
  });

  it('leave search and error pages without social metadata', async () => {
    const res = await app.inject({ method: 'GET', url: '/search?q=harbour' });
    expect(meta(res.body, 'og:type')).toBeUndefined();
    expect(jsonLd(res.body)).toEqual([]);
    const missing = await app.inject({ method: 'GET', url: '/no/such/page' });
    expect(missing.statusCode).toBe(404);
    expect(jsonLd(missing.body)).toEqual([]);
  });
});
