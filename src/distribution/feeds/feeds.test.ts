// The feeds over HTTP, read back with an independent parser (rss-parser for RSS and Atom, see testkit.ts;
// JSON.parse for JSON Feed): items, ids, links, dates, hero media, escaping, scopes, 404s, discovery, WebSub links.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.ts';
import { suiteTestDb, type TestDb } from '../../../test/support/db.ts';
import { hoursBefore, makeArticle, makeMedia, makePerson, makeSection } from '../../../test/support/factories.ts';
import { readFeed } from './testkit.ts';

const PRIMARY = 'https://news.example';
const MIRROR = 'https://mirror-one.example';
const HUB = 'https://hub.example/websub';
const PAYLOAD_HEADLINE = '<script>alert("headline")</script> & co';

let db: TestDb;
let app: FastifyInstance; // with a mirror and a hub
let plain: FastifyInstance; // neither
const w = { europe: 0, hero: 0, payload: 0 };

beforeAll(async () => {
  db = await suiteTestDb();
  const { store } = db;
  const news = await makeSection(store, 'news');
  w.europe = await makeSection(store, 'news/europe');
  const sport = await makeSection(store, 'sport');
  const ann = await makePerson(store, 'Ann Reporter');
  const ben = await makePerson(store, 'Ben Writer');
  const picture = await makeMedia(store);
  w.hero = await makeArticle(store, {
    sectionId: w.europe,
    headline: 'Ministers agree on border plan',
    authorIds: [ann],
    tags: ['Border talks'],
    heroMediaId: picture,
    hoursAgo: 1,
    updatedHoursAgo: 0.5,
    body: [
      {
        type: 'paragraph',
        content: [{ text: 'After a ' }, { text: 'decisive vote', bold: true }, { text: ' see our coverage', href: '/news' }],
      },
      { type: 'image', mediaId: picture, alt: 'The chamber' },
    ],
  });
  w.payload = await makeArticle(store, {
    sectionId: news,
    headline: PAYLOAD_HEADLINE,
    standfirst: '<img src=x onerror=alert(1)>',
    authorIds: [ben],
    hoursAgo: 2,
    body: [{ type: 'paragraph', content: [{ text: '<script>alert("body")</script> ]]> done' }] }],
  });
  await makeArticle(store, { sectionId: news, status: 'draft', headline: 'A draft nobody may see' });
  await makeArticle(store, { sectionId: news, status: 'unpublished', hoursAgo: 3, headline: 'A withdrawn story' });
  for (let i = 0; i < 52; i++) await makeArticle(store, { sectionId: sport, hoursAgo: 10 + i, headline: `Match report ${i}` });
  app = await testApp(store, { MASTHEAD_MIRRORS: MIRROR, MASTHEAD_WEBSUB_HUB: HUB });
  plain = await testApp(store);
});

afterAll(async () => {
  await app.close();
  await plain.close();
  await db.destroy();
});

const get = (url: string, origin = PRIMARY, on = app) => on.inject({ method: 'GET', url, headers: { host: new URL(origin).host } });

async function xmlFeed(url: string, origin = PRIMARY, on = app) {
  const res = await get(url, origin, on);
  expect(res.statusCode, url).toBe(200);
  return { res, feed: await readFeed(res.body) };
}

async function jsonFeed(url: string, origin = PRIMARY, on = app) {
  const res = await get(url, origin, on);
  expect(res.statusCode, url).toBe(200);
  return {
    res,
    feed: JSON.parse(res.body) as { version: string; title: string; description: string; hubs?: unknown[]; items: Record<string, any>[] },
  };
}

/** The article URL for an item (its path is /{section}/{yyyy}/{mm}/{dd}/{id}/{slug}). */
const articleUrlRe = (origin: string, id: number) =>
  new RegExp(`^${origin.replace(/\./g, '\\.')}/[a-z/-]+/\\d{4}/\\d{2}/\\d{2}/${id}/[a-z0-9-]+$`);

describe('site feeds', () => {
  it.each([
    ['/feed.xml', 'application/rss+xml; charset=utf-8', 'rss'],
    ['/feed.atom', 'application/atom+xml; charset=utf-8', 'atom'],
  ])('%s parses with the latest 50 published items, newest first', async (url, type, kind) => {
    const { res, feed } = await xmlFeed(url);
    expect(res.headers['content-type']).toBe(type);
    expect(feed.kind).toBe(kind);
    expect(feed.title).toBe('Meridian World News');
    expect(feed.link).toBe(`${PRIMARY}/`);
    expect(feed.self).toBe(PRIMARY + url);
    expect(feed.items).toHaveLength(50);
    expect(feed.items.map((i) => i.title).slice(0, 3)).toEqual(['Ministers agree on border plan', PAYLOAD_HEADLINE, 'Match report 0']);
    expect(feed.items.map((i) => i.title)).not.toContain('A draft nobody may see');
    expect(feed.items.map((i) => i.title)).not.toContain('A withdrawn story');
    const [hero] = feed.items;
    expect(hero!.id).toBe(`tag:news.example,${hoursBefore(1).slice(0, 10)}:article:${w.hero}`);
    expect(hero!.link).toMatch(articleUrlRe(PRIMARY, w.hero));
    expect(hero!.published).toBe(hoursBefore(1));
    if (kind === 'atom') expect(hero!.updated).toBe(hoursBefore(0.5));
    expect(hero!.summary).toMatch(/^Standfirst for article \d+\.$/);
    expect(hero!.authors).toEqual(['Ann Reporter']);
    expect(hero!.categories).toEqual(['Border talks']);
    // The hero picture: an enclosure, and media:content, both absolute on the origin.
    expect(hero!.media).toHaveLength(2);
    for (const m of hero!.media) {
      expect(m.url).toMatch(new RegExp(`^${PRIMARY}/media/test/\\d+\\.jpg$`));
      expect(m.type).toBe('image/jpeg');
    }
    expect(feed.items[1]!.media).toEqual([]);
  });

  it('/feed.json is JSON Feed 1.1 with the same items', async () => {
    const { res, feed } = await jsonFeed('/feed.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(50);
    const hero = feed.items[0]!;
    expect(hero).toMatchObject({
      id: `tag:news.example,${hoursBefore(1).slice(0, 10)}:article:${w.hero}`,
      title: 'Ministers agree on border plan',
      date_published: hoursBefore(1),
      date_modified: hoursBefore(0.5),
      authors: [{ name: 'Ann Reporter', url: `${PRIMARY}/author/ann-reporter` }],
      tags: ['Border talks'],
    });
    expect(hero.url).toMatch(articleUrlRe(PRIMARY, w.hero));
    expect(hero.image).toMatch(new RegExp(`^${PRIMARY}/media/test/\\d+\\.jpg$`));
    expect(feed.items[1]!.image).toBeUndefined();
  });

  it('full content is escaped HTML with absolute links and pictures, and never carries a payload as markup', async () => {
    for (const url of ['/feed.xml', '/feed.atom']) {
      const { res, feed } = await xmlFeed(url);
      expect(res.body).not.toMatch(/<script/i);
      expect(res.body).not.toContain('<![CDATA[');
      const [hero, payload] = feed.items;
      expect(hero!.content).toContain('<strong>decisive vote</strong>');
      expect(hero!.content).toContain(`href="${PRIMARY}/news"`);
      expect(hero!.content).toMatch(new RegExp(`<img src="${PRIMARY}/media/test/\\d+\\.jpg"`));
      expect(hero!.content).not.toMatch(/(src|href|srcset)="\//);
      expect(payload!.title).toBe(PAYLOAD_HEADLINE); // plain text, shown as written
      expect(payload!.content).not.toMatch(/<script/i);
      expect(payload!.content).toContain('<p>&lt;script>alert(&quot;body&quot;)&lt;/script> ]]> done</p>'); // as the article page escapes it
      // RSS descriptions are read as HTML, so the standfirst is escaped once more; Atom's <summary type="text"> is plain.
      if (url === '/feed.xml') expect(payload!.summary).toBe('&lt;img src=x onerror=alert(1)&gt;');
      else expect(payload!.summary).toBe('<img src=x onerror=alert(1)>');
    }
    const { feed } = await jsonFeed('/feed.json');
    expect(feed.items[0]!.content_html).toContain('<strong>decisive vote</strong>');
    expect(feed.items[1]!.title).toBe(PAYLOAD_HEADLINE);
    expect(feed.items[1]!.content_html).not.toMatch(/<script/i);
  });

  it('ids are the same on a mirror; links keep readers on the mirror', async () => {
    for (const url of ['/feed.xml', '/feed.atom']) {
      const primary = (await xmlFeed(url)).feed;
      const mirror = (await xmlFeed(url, MIRROR)).feed;
      expect(mirror.items.map((i) => i.id)).toEqual(primary.items.map((i) => i.id));
      expect(mirror.items[0]!.link).toMatch(articleUrlRe(MIRROR, w.hero));
      expect(mirror.items[0]!.content).toContain(`href="${MIRROR}/news"`);
      expect(mirror.items[0]!.media[0]!.url.startsWith(`${MIRROR}/media/`)).toBe(true);
      expect(mirror.self).toBe(MIRROR + url);
      expect(mirror.link).toBe(`${MIRROR}/`);
    }
    const primary = (await jsonFeed('/feed.json')).feed;
    const mirror = (await jsonFeed('/feed.json', MIRROR)).feed;
    expect(mirror.items.map((i) => i.id)).toEqual(primary.items.map((i) => i.id));
    expect(mirror.items[0]!.url).toMatch(articleUrlRe(MIRROR, w.hero));
    // The Atom feed's own id names the primary too.
    expect((await get('/feed.atom', MIRROR)).body).toContain(`<id>${PRIMARY}/feed.atom</id>`);
  });

  it('names the mirrors in the description when there are mirrors, and not otherwise', async () => {
    expect((await xmlFeed('/feed.xml')).feed.description).toContain('you can also reach it at mirror-one.example.');
    expect((await xmlFeed('/feed.atom')).feed.description).toContain('mirror-one.example');
    expect((await jsonFeed('/feed.json')).feed.description).toContain('mirror-one.example');
    expect((await xmlFeed('/news/feed.xml')).feed.description).toBe(
      'About news. If this site is blocked where you are, you can also reach it at mirror-one.example.',
    );
    expect((await xmlFeed('/feed.xml', PRIMARY, plain)).feed.description).toBe('The latest from Meridian World News.');
  });
});

describe('section, tag and author feeds', () => {
  const titles = async (url: string) => (await xmlFeed(url)).feed.items.map((i) => i.title);

  it('a section feed includes its sub-sections', async () => {
    expect(await titles('/news/feed.xml')).toEqual(['Ministers agree on border plan', PAYLOAD_HEADLINE]);
    expect(await titles('/news/europe/feed.atom')).toEqual(['Ministers agree on border plan']);
    const { feed } = await jsonFeed('/news/europe/feed.json');
    expect(feed.title).toBe('Europe | Meridian World News');
    expect(feed.items.map((i) => i.title)).toEqual(['Ministers agree on border plan']);
    expect((await xmlFeed('/sport/feed.xml')).feed.items).toHaveLength(50);
  });

  it('tag and author feeds hold their articles', async () => {
    expect(await titles('/tag/border-talks/feed.xml')).toEqual(['Ministers agree on border plan']);
    expect(await titles('/author/ben-writer/feed.atom')).toEqual([PAYLOAD_HEADLINE]);
    const { res, feed } = await jsonFeed('/author/ann-reporter/feed.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    expect(feed.title).toBe('Ann Reporter | Meridian World News');
    expect(feed.items.map((i) => i.title)).toEqual(['Ministers agree on border plan']);
    expect((await get('/tag/border-talks/feed.atom')).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  });

  it.each([
    '/nowhere/feed.xml',
    '/news/nowhere/feed.atom',
    '/tag/nothing/feed.json',
    '/author/nobody/feed.xml',
    '/tag/Not_A_Slug/feed.atom',
    '/news/feed.txt',
  ])('%s is 404', async (url) => {
    expect((await get(url)).statusCode).toBe(404);
  });

  it('a moved section sends its feed readers to the new address', async () => {
    await db.store.taxonomy.addSectionRedirect('world/europe', w.europe);
    const res = await get('/world/europe/feed.atom');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/news/europe/feed.atom');
  });
});

describe('discovery and WebSub links', () => {
  const alternates = (html: string) =>
    [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)" title="([^"]+)"\/>/g)].map((m) => [m[1], m[2], m[3]]);

  it('every page names the site feeds; section, tag and author pages name theirs first', async () => {
    expect(alternates((await get('/')).body)).toEqual([
      ['application/rss+xml', '/feed.xml', 'Meridian World News (RSS)'],
      ['application/atom+xml', '/feed.atom', 'Meridian World News (Atom)'],
      ['application/feed+json', '/feed.json', 'Meridian World News (JSON Feed)'],
    ]);
    const section = alternates((await get('/news/europe')).body);
    expect(section.map((l) => l[1])).toEqual([
      '/news/europe/feed.xml',
      '/news/europe/feed.atom',
      '/news/europe/feed.json',
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
    ]);
    expect(section[0]![2]).toBe('Europe | Meridian World News (RSS)');
    expect(alternates((await get('/tag/border-talks')).body)[1]![1]).toBe('/tag/border-talks/feed.atom');
    expect(alternates((await get('/author/ann-reporter')).body)[2]![1]).toBe('/author/ann-reporter/feed.json');
  });

  it('with a hub, the primary advertises it (Link header and in the feed)', async () => {
    for (const [url, format] of [
      ['/feed.xml', 'rss'],
      ['/news/feed.atom', 'atom'],
      ['/tag/border-talks/feed.json', 'json'],
    ] as const) {
      const res = await get(url);
      expect(res.headers.link).toBe(`<${HUB}>; rel="hub", <${PRIMARY}${url}>; rel="self"`);
      if (format === 'json') expect(JSON.parse(res.body).hubs).toEqual([{ type: 'WebSub', url: HUB }]);
      else expect(res.body).toMatch(new RegExp(`<(atom:)?link (href="${HUB}" rel="hub"|rel="hub" href="${HUB}")/>`));
    }
  });

  it('without a hub, and on mirrors (which the hub is not told about), there is none', async () => {
    for (const [on, origin] of [
      [plain, PRIMARY],
      [app, MIRROR],
    ] as const) {
      for (const url of ['/feed.xml', '/feed.atom', '/feed.json']) {
        const res = await get(url, origin, on);
        expect(res.statusCode).toBe(200);
        expect(res.headers.link).toBeUndefined();
        expect(res.body).not.toMatch(/rel="hub"|"hubs"/);
      }
    }
  });
});
