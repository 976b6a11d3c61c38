// Names and text with markup in them (a tag, section, author, headline, standfirst, picture credit, the site name)
// never become markup in a feed reader: every XML feed (RSS, Atom, Media RSS) is read with a strict XML parser, and
// each element's text is read as HTML wherever the format says it is HTML; none may yield an element. Plain-text
// elements must show the names as written. On both dialects, since the feed queries differ per dialect.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.ts';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { makeArticle, makeMedia } from '../../../test/support/factories.ts';
import { slugify } from '../../domain/slug.ts';
import { feedTexts, htmlElements, htmlTextContent, type FeedText } from './testkit.ts';

const SITE = 'Meridian <b>World</b> & News';
const SECTION = '<b>News</b> desk';
const SECTION_ABOUT = '<img src=x onerror=alert(1)> stories & more';
const AUTHOR = '<img src=x onerror=alert(2)> Ann';
const TAG = '<b>bold</b> tag';
const HEADLINE = '<i>Breaking</i> & <script>alert(3)</script>';
const STANDFIRST = '<img src=x onerror=alert(4)> & <b>more</b>';
const CREDIT = '<b>Photo</b> <img src=x onerror=alert(5)>';
const VIDEO_HEADLINE = '<b>Watch</b>: the harbour at night';
const VIDEO_STANDFIRST = '<img src=x onerror=alert(6)> from the harbour';

/** What the article bodies render to: anything else in a content element came from someone's text. */
const BODY_TAGS = new Set(['div', 'p', 'figure', 'img', 'figcaption', 'span']);

describe.each(dialects)('feeds keep markup in names and text as text on $name', ({ open }) => {
  let db: TestDb;
  let app: FastifyInstance;
  const tagSlug = slugify(TAG);

  beforeAll(async () => {
    db = await open();
    const { store } = db;
    const section = await store.taxonomy.createSection({
      parentId: null,
      slug: 'news',
      path: 'news',
      name: SECTION,
      description: SECTION_ABOUT,
      position: 0,
    });
    const author = await store.taxonomy.createPerson({ slug: 'ann-markup', name: AUTHOR, title: 'Correspondent', bio: 'Reports.' });
    const picture = await makeMedia(store, { alt: '<b>alt</b>', caption: '<i>caption</i>', credit: CREDIT });
    await makeArticle(store, {
      sectionId: section,
      headline: HEADLINE,
      standfirst: STANDFIRST,
      authorIds: [author],
      tags: [TAG],
      heroMediaId: picture,
      heroCaption: '<i>caption</i>',
      heroCredit: CREDIT,
      heroAlt: '<b>alt</b>',
      hoursAgo: 1,
      body: [{ type: 'paragraph', content: [{ text: '<img src=x onerror=alert(7)> <b>body</b>' }] }],
    });
    const video = await makeArticle(store, {
      sectionId: section,
      kind: 'video',
      headline: VIDEO_HEADLINE,
      standfirst: VIDEO_STANDFIRST,
      tags: [TAG],
      hoursAgo: 2,
    });
    const poster = await makeMedia(store);
    const clip = { url: 'https://video.example/harbour.mp4', type: 'mp4', durationSeconds: 90, posterMediaId: poster, captions: [] };
    await db.db.kysely
      .updateTable('articles')
      .set({ video: JSON.stringify(clip) })
      .where('id', '=', video)
      .execute();
    app = await testApp(store, { MASTHEAD_SITE_NAME: SITE });
  });

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const feeds = [
    ...['xml', 'atom'].flatMap((ext) => ['', '/news', `/tag/${tagSlug}`, '/author/ann-markup'].map((base) => `${base}/feed.${ext}`)),
    '/tv/mrss.xml',
  ];

  async function texts(url: string): Promise<FeedText[]> {
    const res = await app.inject({ method: 'GET', url, headers: { host: 'news.example' } });
    expect(res.statusCode, url).toBe(200);
    return feedTexts(res.body);
  }

  /** The text a reader shows for each element: plain text as it is, HTML once read as HTML. */
  const shown = (all: FeedText[]) => all.map((t) => (t.kind === 'text' ? t.text : htmlTextContent(t.text)));

  it.each(feeds)('%s: no text read as HTML yields an element', async (url) => {
    const all = await texts(url);
    const html = all.filter((t) => t.kind === 'html');
    // RSS descriptions are HTML; Atom marks its own texts type="text", and only its content is HTML.
    if (!url.endsWith('.atom')) expect(html.length, `${url} has HTML text`).toBeGreaterThan(0);
    for (const t of html) expect(htmlElements(t.text), `${t.path}: ${t.text}`).toEqual([]);
  });

  it.each(feeds.filter((u) => !u.startsWith('/tv/')))('%s: the article HTML holds only what bodies render, no handlers', async (url) => {
    const content = (await texts(url)).filter((t) => t.kind === 'content');
    expect(content.length).toBeGreaterThan(0);
    for (const t of content) {
      for (const e of htmlElements(t.text)) {
        expect(BODY_TAGS.has(e.tag), `${t.path}: <${e.tag}>`).toBe(true);
        expect(
          e.attrs.filter((a) => a.startsWith('on')),
          `${t.path}: <${e.tag}>`,
        ).toEqual([]);
      }
    }
  });

  it('readers see the names and text exactly as written', async () => {
    const expectShown = async (url: string, wanted: string[]) => {
      const seen = shown(await texts(url)).join('\n');
      for (const w of wanted) expect(seen, url).toContain(w);
    };
    for (const ext of ['xml', 'atom']) {
      await expectShown(`/feed.${ext}`, [SITE, `The latest from ${SITE}.`, HEADLINE, STANDFIRST, AUTHOR]);
      await expectShown(`/news/feed.${ext}`, [`${SECTION} | ${SITE}`, SECTION_ABOUT]);
      await expectShown(`/tag/${tagSlug}/feed.${ext}`, [`${TAG} | ${SITE}`, `${TAG}: the latest from ${SITE}.`]);
      await expectShown(`/author/ann-markup/feed.${ext}`, [`${AUTHOR} | ${SITE}`, `Articles by ${AUTHOR} for ${SITE}.`]);
    }
    await expectShown('/feed.xml', [TAG]); // an Atom category names its tag in an attribute
    await expectShown('/tv/mrss.xml', [SITE, `Videos from ${SITE}`, VIDEO_HEADLINE, VIDEO_STANDFIRST]);
  });
});
