// The sitemaps and robots.txt through HTTP (app.inject) on SQLite: every XML response validated with xmllint
// against the shared schemas, every <loc> on the primary origin whichever Host asked, unpublished work absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { articlePath } from '../../domain/urls.ts';
import { AppError } from '../../errors.ts';
import { suiteTestDb, type TestDb } from '../../../test/support/db.ts';
import { hoursBefore, makeArticle, makeMedia, makePerson, makeSection, T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';
import { registerSitemaps } from './routes.ts';
import { robotsTxt } from './service.ts';
import { xmllint, type SchemaName } from './xmllint.ts';

const PRIMARY = 'https://news.example';
const MIRRORS = ['https://mirror-one.example', 'http://mirror-two.example:8080'];
const ONION = 'http://meridianabcdefghijklmnop.onion';
const HOSTS = ['news.example', 'mirror-one.example', 'mirror-two.example:8080', 'meridianabcdefghijklmnop.onion'];
const SITE_NAME = `Meridian & Sons "World" <News>`;
const NASTY = `Fish & chips <b>"quoted"</b> 'single'`;
const ENV = {
  MASTHEAD_MIRRORS: MIRRORS.join(','),
  MASTHEAD_ONION_ORIGIN: ONION,
  MASTHEAD_LANGUAGE: 'en-GB',
  MASTHEAD_SITE_NAME: SITE_NAME,
};

let t: TestDb;
let app: FastifyInstance;
const id: Record<string, number> = {};
const url: Record<string, string> = {};

const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const locs = (xml: string) => all(xml, 'loc');

async function absoluteUrl(articleId: number, timeZone = 'UTC'): Promise<string> {
  const row = (await t.store.articles.byId(articleId))!;
  return (
    PRIMARY +
    articlePath({ id: articleId, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, timeZone)
  );
}

async function getXml(path: string, schema: SchemaName, host = 'news.example', on = app): Promise<string> {
  const res = await on.inject({ method: 'GET', url: path, headers: { host } });
  expect(res.statusCode, `${host}${path}`).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  xmllint(res.body, schema);
  return res.body;
}

beforeAll(async () => {
  t = await suiteTestDb();
  const s = t.store;
  const news = await makeSection(s, 'news', 'News');
  const europe = await makeSection(s, 'news/europe', 'Europe');
  const sport = await makeSection(s, 'sport', 'Sport');
  await makeSection(s, 'culture', 'Culture'); // no articles: not in sections.xml
  const ana = await makePerson(s, 'Ana Reyes');
  const hero = await makeMedia(s);
  id.nasty = await makeArticle(s, {
    headline: NASTY,
    sectionId: europe,
    hoursAgo: 1,
    updatedHoursAgo: 0.5,
    heroMediaId: hero,
    tags: ['Shipping & Ports'],
    authorIds: [ana],
  });
  id.mid = await makeArticle(s, { sectionId: news, hoursAgo: 10, tags: ['Shipping & Ports'] });
  id.edge = await makeArticle(s, { sectionId: news, hoursAgo: 47 });
  id.old = await makeArticle(s, { sectionId: sport, hoursAgo: 49 });
  id.oct = await makeArticle(s, { sectionId: news, hoursAgo: (T0.getTime() - Date.parse('2026-10-31T23:30:00.000Z')) / 3_600_000 });
  id.draft = await makeArticle(s, { headline: 'Draft never listed', sectionId: sport, status: 'draft', hoursAgo: 2, tags: ['Secret'] });
  id.gone = await makeArticle(s, {
    headline: 'Withdrawn never listed',
    sectionId: sport,
    status: 'unpublished',
    hoursAgo: 24 * 100,
    authorIds: [ana],
  });
  const setModified = (article: number, at: string) =>
    t.db.kysely.updateTable('articles').set({ modified_at: at }).where('id', '=', article).execute();
  for (const [key, at] of [
    ['nasty', '2026-11-20T11:45:00.000Z'],
    ['mid', '2026-11-20T02:00:00.000Z'],
    ['edge', '2026-11-18T13:00:00.000Z'],
    ['old', '2026-11-18T11:00:00.000Z'],
    ['oct', '2026-11-03T09:15:00.000Z'],
    ['draft', '2026-11-20T11:59:00.000Z'],
  ] as const)
    await setModified(id[key]!, at);
  for (const key of Object.keys(id)) url[key] = await absoluteUrl(id[key]!);
  app = await testApp(s, ENV);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('robots.txt', () => {
  it.each(HOSTS)('on %s names the primary’s sitemaps', async (host) => {
    const res = await app.inject({ method: 'GET', url: '/robots.txt', headers: { host } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(robotsTxt(PRIMARY));
    const lines = res.body.split('\n');
    for (const line of [
      'User-agent: *',
      'Allow: /',
      'Disallow: /newsroom',
      'Disallow: /api/',
      'Disallow: /search',
      `Sitemap: ${PRIMARY}/sitemap.xml`,
      `Sitemap: ${PRIMARY}/news-sitemap.xml`,
    ])
      expect(lines).toContain(line);
  });

  it('is refused, like everything else, on an unknown Host', async () => {
    for (const path of ['/robots.txt', '/sitemap.xml', '/news-sitemap.xml']) {
      expect((await app.inject({ method: 'GET', url: path, headers: { host: 'evil.example' } })).statusCode).toBe(421);
    }
  });
});

describe('/sitemap.xml', () => {
  it('lists sections, tags, authors and exactly the months with published articles, with real lastmods', async () => {
    const xml = await getXml('/sitemap.xml', 'siteindex');
    const entries = [...xml.matchAll(/<sitemap><loc>([^<]*)<\/loc><lastmod>([^<]*)<\/lastmod><\/sitemap>/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([
      [`${PRIMARY}/sitemaps/sections.xml`, hoursBefore(1)],
      [`${PRIMARY}/sitemaps/tags.xml`, hoursBefore(1)],
      [`${PRIMARY}/sitemaps/authors.xml`, hoursBefore(1)],
      [`${PRIMARY}/sitemaps/articles-2026-11.xml`, '2026-11-20T11:45:00.000Z'],
      [`${PRIMARY}/sitemaps/articles-2026-10.xml`, '2026-11-03T09:15:00.000Z'],
    ]);
  });

  it.each(HOSTS.slice(1))('is the same, on the primary, when asked on %s', async (host) => {
    const primary = await getXml('/sitemap.xml', 'siteindex');
    expect(await getXml('/sitemap.xml', 'siteindex', host)).toBe(primary);
  });
});

describe('monthly article sitemaps', () => {
  it('list the month’s published articles with canonical URLs, honest lastmod and the hero picture', async () => {
    const xml = await getXml('/sitemaps/articles-2026-11.xml', 'image');
    expect(locs(xml)).toEqual([url.old, url.edge, url.mid, url.nasty]);
    expect(all(xml, 'lastmod')).toEqual([hoursBefore(49), hoursBefore(47), hoursBefore(10), hoursBefore(0.5)]);
    expect(all(xml, 'image:loc')).toEqual([expect.stringMatching(/^https:\/\/news\.example\/media\/test\/\d+\.jpg$/)]);
    expect(xml).toContain(`<url><loc>${url.nasty}</loc><lastmod>${hoursBefore(0.5)}</lastmod><image:image><image:loc>`);
    for (const hidden of [id.draft, id.gone]) expect(xml).not.toContain(`/${hidden}/`);
    expect(await getXml('/sitemaps/articles-2026-10.xml', 'image')).toContain(`<loc>${url.oct}</loc>`);
  });

  it('point to the primary from every origin', async () => {
    const primary = await getXml('/sitemaps/articles-2026-11.xml', 'image');
    for (const host of HOSTS.slice(1)) expect(await getXml('/sitemaps/articles-2026-11.xml', 'image', host)).toBe(primary);
    expect(locs(primary).every((l) => l.startsWith(`${PRIMARY}/`))).toBe(true);
  });

  it('use the newsroom time zone in URLs but the UTC month for the file', async () => {
    const auckland = await testApp(t.store, { ...ENV, MASTHEAD_TIMEZONE: 'Pacific/Auckland' });
    try {
      const xml = await getXml('/sitemaps/articles-2026-10.xml', 'image', 'news.example', auckland);
      expect(locs(xml)).toEqual([await absoluteUrl(id.oct!, 'Pacific/Auckland')]);
      expect(locs(xml)[0]).toContain('/news/2026/11/01/');
    } finally {
      await auckland.close();
    }
  });

  it.each([
    'articles-2026-08.xml', // only a withdrawn article
    'articles-2026-12.xml',
    'articles-2026-13.xml',
    'articles-2026-1.xml',
    'articles-2026-11-1.xml',
    'articles-2026-11-2.xml',
    'articles-2026-11.xml.gz',
    'sections-2.xml',
    'everything.xml',
  ])('answer 404 for %s', async (name) => {
    const res = await app.inject({ method: 'GET', url: `/sitemaps/${name}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('section, tag and author sitemaps', () => {
  it('list the home page and each section with articles, dated by its newest article (subsections included)', async () => {
    const xml = await getXml('/sitemaps/sections.xml', 'sitemap');
    const entries = [...xml.matchAll(/<url><loc>([^<]*)<\/loc><lastmod>([^<]*)<\/lastmod><\/url>/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([
      [`${PRIMARY}/`, hoursBefore(1)],
      [`${PRIMARY}/news`, hoursBefore(1)],
      [`${PRIMARY}/news/europe`, hoursBefore(1)],
      [`${PRIMARY}/sport`, hoursBefore(49)],
    ]);
  });

  it('list tags and authors of published articles only', async () => {
    const tags = await getXml('/sitemaps/tags.xml', 'sitemap', 'mirror-one.example');
    expect(locs(tags)).toEqual([`${PRIMARY}/tag/shipping-ports`]);
    expect(all(tags, 'lastmod')).toEqual([hoursBefore(1)]);
    const authors = await getXml('/sitemaps/authors.xml', 'sitemap');
    expect(locs(authors)).toEqual([`${PRIMARY}/author/ana-reyes`]);
  });
});

describe('/news-sitemap.xml', () => {
  it('lists the last 48 hours newest first in the Google News format, every value escaped', async () => {
    const xml = await getXml('/news-sitemap.xml', 'news');
    expect(locs(xml)).toEqual([url.nasty, url.mid, url.edge]);
    expect(all(xml, 'news:name')).toEqual(Array(3).fill('Meridian &amp; Sons &quot;World&quot; &lt;News&gt;'));
    expect(all(xml, 'news:language')).toEqual(['en', 'en', 'en']);
    expect(all(xml, 'news:publication_date')).toEqual([hoursBefore(1), hoursBefore(10), hoursBefore(47)]);
    expect(all(xml, 'news:title')[0]).toBe('Fish &amp; chips &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &apos;single&apos;');
    expect(xml).not.toContain('never listed');
  });

  it('moves with the clock and points to the primary from a mirror', async () => {
    const later = await testApp(t.store, ENV, () => new Date(T0.getTime() + 2 * 3_600_000));
    try {
      const xml = await getXml('/news-sitemap.xml', 'news', 'mirror-two.example:8080', later);
      expect(locs(xml)).toEqual([url.nasty, url.mid]);
    } finally {
      await later.close();
    }
  });
});

describe('with small limits', () => {
  let small: FastifyInstance;
  beforeAll(async () => {
    small = Fastify();
    registerSitemaps(small, {
      store: t.store,
      config: { origin: PRIMARY, siteName: 'Meridian', language: 'en', timezone: 'UTC' },
      clock: () => T0,
      limits: { urlsPerFile: 3, newsItems: 2 },
    });
    small.setErrorHandler((err, _req, reply) => reply.code(err instanceof AppError ? err.status : 500).send(''));
  });
  afterAll(() => small.close());

  it('caps the news sitemap, keeping the newest', async () => {
    expect(locs(await getXml('/news-sitemap.xml', 'news', 'news.example', small))).toEqual([url.nasty, url.mid]);
  });

  it('splits a month that outgrows one file, and the index lists every part', async () => {
    const index = await getXml('/sitemap.xml', 'siteindex', 'news.example', small);
    expect(locs(index).filter((l) => l.includes('articles-'))).toEqual([
      `${PRIMARY}/sitemaps/articles-2026-11.xml`,
      `${PRIMARY}/sitemaps/articles-2026-11-2.xml`,
      `${PRIMARY}/sitemaps/articles-2026-10.xml`,
    ]);
    const first = locs(await getXml('/sitemaps/articles-2026-11.xml', 'image', 'news.example', small));
    const second = locs(await getXml('/sitemaps/articles-2026-11-2.xml', 'image', 'news.example', small));
    expect([first, second]).toEqual([[url.old, url.edge, url.mid], [url.nasty]]);
    expect((await small.inject({ method: 'GET', url: '/sitemaps/articles-2026-11-3.xml' })).statusCode).toBe(404);
  });
});

describe('an empty site', () => {
  it('still has a valid index and sections file; the news sitemap is an empty urlset; tags are 404', async () => {
    const empty = await suiteTestDb();
    const emptyApp = await testApp(empty.store);
    try {
      const index = await getXml('/sitemap.xml', 'siteindex', 'localhost', emptyApp);
      expect(locs(index)).toEqual([`${PRIMARY}/sitemaps/sections.xml`]);
      expect(locs(await getXml('/sitemaps/sections.xml', 'sitemap', 'localhost', emptyApp))).toEqual([`${PRIMARY}/`]);
      const news = await emptyApp.inject({ method: 'GET', url: '/news-sitemap.xml' });
      expect(news.statusCode).toBe(200);
      xmllint(news.body);
      expect(locs(news.body)).toEqual([]);
      expect((await emptyApp.inject({ method: 'GET', url: '/sitemaps/tags.xml' })).statusCode).toBe(404);
    } finally {
      await emptyApp.close();
      await empty.destroy();
    }
  });
});
