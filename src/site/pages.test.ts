// The reader site through HTTP (app.inject): every page type and every error path, on a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { suiteDialect, suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';

let t: TestDb;
let app: FastifyInstance;
const ids: Record<string, number> = {};

async function pathOf(id: number): Promise<string> {
  const row = (await t.store.articles.byId(id))!;
  return articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
}

beforeAll(async () => {
  t = await suiteTestDb();
  const news = await makeSection(t.store, 'news', 'News');
  const europe = await makeSection(t.store, 'news/europe', 'Europe');
  await makeSection(t.store, 'news/russia', 'Russia');
  const business = await makeSection(t.store, 'business', 'Business');
  const ana = await makePerson(t.store, 'Ana Reyes');
  const omar = await makePerson(t.store, 'Omar Said');
  const hero = await makeMedia(t.store);
  ids.feature = await makeArticle(t.store, {
    headline: 'Harbour talks resume after a week of silence',
    standfirst: 'Negotiators returned to the table on Thursday.',
    sectionId: europe,
    extraSectionIds: [business],
    authorIds: [ana, omar],
    tags: ['Diplomacy', 'Shipping'],
    heroMediaId: hero,
    heroCaption: 'Delegates arrive at the harbour office',
    heroCredit: 'File photo',
    hoursAgo: 2,
    updatedHoursAgo: 1,
    body: [
      { type: 'paragraph', content: [{ text: 'The talks had stalled over ' }, { text: 'berthing fees', bold: true }, { text: '.' }] },
      { type: 'quote', text: 'We are here to finish this.', attribution: 'Lena Vogt, chief negotiator' },
      { type: 'list', style: 'bullet', items: [[{ text: 'Fees' }], [{ text: 'Schedules' }]] },
    ],
  });
  for (let i = 0; i < 14; i++) await makeArticle(t.store, { sectionId: europe, tags: ['Shipping'], authorIds: [ana], hoursAgo: 10 + i });
  ids.draft = await makeArticle(t.store, { headline: 'Unfinished draft about harbour fees', sectionId: news, status: 'draft' });
  ids.ceasefire = await makeArticle(t.store, {
    headline: 'Ceasefire observers report a quiet night',
    sectionId: news,
    hoursAgo: 3,
    body: [{ type: 'paragraph', content: [{ text: 'Observers said the ceasefire held through the night.' }] }],
  });
  const choice = await t.store.collections.create('editors-choice', "Editor's Choice");
  await t.store.collections.setItems(choice, [{ articleId: ids.ceasefire }]);
  const top = await t.store.collections.create('top-stories', 'Top stories');
  await t.store.collections.setItems(top, [{ articleId: ids.feature }]);
  app = await testApp(t.store);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('home page', () => {
  it('shows the top story, latest articles, the Editor’s Choice rail and section blocks', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(res.body).toMatch(/<section class="top-story"[^]*Harbour talks resume after a week of silence/);
    expect(res.body).toMatch(/<aside class="rail"[^>]*>[^]*Editor&#39;s Choice|Editor's Choice[^]*Ceasefire observers/);
    expect(res.body).toContain('id="latest-title"');
    expect(res.body).toMatch(/<section class="section-block"[^]*href="\/news">News<\/a>/);
    expect(res.body).not.toContain('Unfinished draft');
  });
});

describe('section pages', () => {
  it('show the breadcrumb, sub-sections and articles from the whole subtree', async () => {
    const res = await get('/news');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      '<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news" aria-current="page">News</a></li></ol></nav>',
    );
    expect(res.body).toContain('href="/news/europe"');
    expect(res.body).toContain('href="/news/russia"');
    expect(res.body).toContain('Ceasefire observers report a quiet night');
    expect(res.body).toContain('Harbour talks resume');
    expect(res.body).toContain('rel="next"');
  });

  it('include articles filed there as a secondary section', async () => {
    expect((await get('/business')).body).toContain('Harbour talks resume');
  });

  it('paginate, and a page past the end is a 404', async () => {
    const page2 = await get('/news/europe?page=2');
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('rel="prev"');
    expect(page2.body).not.toContain('rel="next"');
    expect((await get('/news/europe?page=3')).statusCode).toBe(404);
  });

  it('link older and newer pages by keyset cursors that read the same articles as page numbers', async () => {
    const page1 = (await get('/news/europe')).body;
    const older = /href="(\/news\/europe\?page=2&amp;before=\d+)" rel="next"/.exec(page1)?.[1];
    expect(older).toBeDefined();
    const viaCursor = await get(older!.replaceAll('&amp;', '&'));
    const viaNumber = await get('/news/europe?page=2');
    const headlines = (html: string) => [...html.matchAll(/<h[23][^>]*><a [^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(headlines(viaCursor.body).length).toBeGreaterThan(0);
    expect(headlines(viaCursor.body)).toEqual(headlines(viaNumber.body));
    expect(viaCursor.body).toContain('href="/news/europe" rel="prev"');
    for (const bad of ['before=abc', 'after=-3', 'before=12x']) {
      const res = await get(`/news/europe?page=2&${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('must be article numbers');
    }
  });

  it.each(['abc', '0', '-1', '1.5', '1e3', '9999999', '%00'])('answer a malformed page number (%s) with a 400 page', async (p) => {
    const res = await get(`/news?page=${p}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The page number must be a whole number');
  });

  it('redirect a trailing slash and 404 unknown sections', async () => {
    const res = await get('/news/europe/?page=2');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/news/europe?page=2');
    expect((await get('/nowhere')).statusCode).toBe(404);
    expect((await get('/news/nowhere')).statusCode).toBe(404);
  });
});

describe('article pages', () => {
  it('show breadcrumb, headline, hero with caption and credit, byline, times, body, tags and share bar', async () => {
    const url = await pathOf(ids.feature!);
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(
      '<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/europe">Europe</a></li></ol></nav>',
    );
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h1>Harbour talks resume after a week of silence</h1>');
    expect(html).toMatch(
      /<figure class="hero">[^]*<figcaption>Delegates arrive at the harbour office<span class="credit"> File photo<\/span><\/figcaption><\/figure>/,
    );
    expect(html).toMatch(
      /By <a href="\/author\/ana-reyes" rel="author">Ana Reyes<\/a> and <a href="\/author\/omar-said" rel="author">Omar Said<\/a>/,
    );
    expect(html).toMatch(/Published <time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z">[^<]+UTC<\/time>/);
    expect(html).toMatch(/Updated <time datetime="[^"]+Z">/);
    expect(html).toContain('<strong>berthing fees</strong>');
    expect(html).toContain('<figcaption>— Lena Vogt, chief negotiator</figcaption>');
    expect(html).toContain('href="/tag/diplomacy"');
    const canonical = `https://news.example${url}`;
    expect(html).toContain(`<link rel="canonical" href="${canonical}"/>`);
    for (const network of ['x', 'facebook', 'telegram', 'whatsapp', 'reddit', 'email']) {
      const m = new RegExp(`<a href="([^"]+)" data-network="${network}"`).exec(html);
      expect(m, network).not.toBeNull();
      expect(m![1]!.replaceAll('&amp;', '&')).toContain(encodeURIComponent(canonical));
    }
    expect(html).toContain(`<a href="${canonical}" data-network="copy" data-copy-link="true">`);
    expect(html).toMatch(/<button type="button" data-native-share="true" hidden/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline scripts; only our deferred file
  });

  it('list related articles and the Editor’s Choice rail', async () => {
    const html = (await get(await pathOf(ids.feature!))).body;
    expect(html).toMatch(/id="related-title"[^]*Test headline number/);
    expect(html).toMatch(/Editor's Choice|Editor&#39;s Choice/);
  });

  it('redirect a wrong slug, a missing slug or a moved section to the canonical URL with 301', async () => {
    const url = await pathOf(ids.feature!);
    const base = url.slice(0, url.lastIndexOf('/'));
    for (const wrong of [`${base}/old-slug`, base, url.replace('/news/europe/', '/business/')]) {
      const res = await get(wrong);
      expect(res.statusCode, wrong).toBe(301);
      expect(res.headers.location).toBe(url);
    }
  });

  it('answer an unknown id, a draft or an absurd id with the 404 page', async () => {
    for (const u of ['/news/2026/11/20/999999/nothing', await pathOf(ids.draft!), '/news/2026/11/20/123456789012345/x']) {
      const res = await get(u);
      expect(res.statusCode, u).toBe(404);
      expect(res.body).toContain('There is no article at this address.');
    }
  });
});

describe('tag and author pages', () => {
  it('list the articles of a tag and of an author', async () => {
    const tag = await get('/tag/diplomacy');
    expect(tag.statusCode).toBe(200);
    expect(tag.body).toContain('<h1>Diplomacy</h1>');
    expect(tag.body).toContain('Harbour talks resume');
    const author = await get('/author/omar-said');
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain('<h1>Omar Said</h1>');
    expect(author.body).toContain('Harbour talks resume');
    expect(author.body).not.toContain('Test headline number');
  });

  it('paginate and 404 on unknown or malformed slugs', async () => {
    expect((await get('/tag/shipping?page=2')).statusCode).toBe(200);
    expect((await get('/tag/shipping?page=5')).statusCode).toBe(404);
    expect((await get('/tag/shipping?page=x')).statusCode).toBe(400);
    for (const u of ['/tag/unknown', '/tag/UPPER', '/author/nobody', `/tag/${'a'.repeat(400)}`])
      expect((await get(u)).statusCode, u).toBe(404);
  });
});

describe('search', () => {
  it('ranks results and highlights the matching words', async () => {
    const res = await get('/search?q=ceasefire');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ceasefire observers report a quiet night');
    expect(res.body).toMatch(/<mark>ceasefire<\/mark>/i);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('finds words in the standfirst and does not show drafts', async () => {
    const res = await get('/search?q=harbour');
    expect(res.body).toContain('Harbour talks resume');
    expect(res.body).not.toContain('Unfinished draft');
  });

  it('gives a page for an empty query and for a query that matches nothing', async () => {
    const empty = await get('/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Type a word or two');
    const none = await get('/search?q=zzzqqq');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No articles matched');
  });

  it.each([
    '"unbalanced',
    'NEAR(ceasefire night)',
    'ceasefire OR AND NOT',
    "'; DROP TABLE articles; --",
    '* ^ : ( ) - +',
    '%',
    '\u0000\u0001\u0002',
    '<script>alert(1)</script>',
    'x'.repeat(10_240),
    'ceasefire '.repeat(1_000),
  ])('gives a page, never an error, for a hostile query #%#', async (q) => {
    const res = await app.inject({ method: 'GET', url: '/search', query: { q } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
  });

  it('treats a repeated parameter as its first value and 404s past the last page', async () => {
    expect((await get('/search?q=ceasefire&q=harbour')).body).toContain('Ceasefire observers');
    expect((await get('/search?q=ceasefire&page=9')).statusCode).toBe(404);
  });

  it('still works after the hostile queries: the articles table is intact', async () => {
    expect((await get('/search?q=harbour')).body).toContain('Harbour talks resume');
  });
});

describe('site-wide parts and errors', () => {
  it('shows no mirror notice when no mirrors are configured', async () => {
    expect((await get('/')).body).not.toContain('mirror-notice');
  });

  it('lists the configured mirrors in a notice on every page', async () => {
    const mirrored = await testApp(t.store, { MASTHEAD_MIRRORS: 'https://mirror-one.example,https://mirror-two.example' });
    for (const url of ['/', '/news', await pathOf(ids.feature!), '/nowhere']) {
      const html = (await mirrored.inject({ method: 'GET', url })).body;
      expect(html, url).toContain(
        '<a href="https://mirror-one.example">mirror-one.example</a> or <a href="https://mirror-two.example">mirror-two.example</a>',
      );
    }
    await mirrored.close();
  });

  it('answers unknown paths with a friendly 404 page', async () => {
    for (const u of ['/does/not/exist/here', '/news/2026/x', '/.env', '/%E0%A4%A', '/news/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await get(u);
      expect(res.statusCode, u).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, u).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('action="/search"');
    }
  });

  it('reports database reachability on /healthz', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up', dialect: suiteDialect });
    const broken = await suiteTestDb();
    const brokenApp = await testApp(broken.store);
    await broken.destroy();
    const down = await brokenApp.inject({ method: 'GET', url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ database: 'down' });
    await brokenApp.close();
  });

  it('serves the stylesheet and script', async () => {
    expect((await get('/assets/site.css')).statusCode).toBe(200);
    expect((await get('/assets/site.js')).statusCode).toBe(200);
    expect((await get('/assets/../package.json')).statusCode).toBe(404);
  });
});
