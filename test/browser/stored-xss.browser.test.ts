// Stored XSS, checked where it would matter: in Chromium. Every XSS payload of the hostile-input corpus is
// stored through the API (and, where no door exists yet, authors and collections, the store) in every kind of
// place readers and editors see text: headlines, standfirsts, paragraphs, links, headings, quotes and their
// attributions, list items, image captions, alt text and credits, embeds, SEO fields, tags, authors, sections,
// collections, corrections, status notes, users, API tokens, the media library, and search queries. Payloads
// are rotated through the fields (article a holds payload a in its headline, a+1 in its standfirst, …), so each
// payload lands in every field and each page mixes payloads. Then every page that shows them is loaded:
// article, home, section, tag, author, search, feeds, and the newsroom's dashboard, editor (which turns the
// stored body into live editor content), history with its diff, collections, sections, users, media, tokens and
// audit log. The payloads try to call window.__xss (exposed to every page) or open a dialog; neither may happen,
// and no page's DOM may hold anything that could run. The Content-Security-Policy is bypassed, so this checks
// the markup itself, not the policy that would also stop an inline script.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/domain/slug.ts';
import { articlePath } from '../../src/domain/urls.ts';
import { executableParts } from '../hostile/page-safety.ts';
import { xss } from '../hostile/payloads.ts';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

/** Every XSS payload that can be stored at all (one with a NUL is refused with a 400: test/hostile/found.test.ts). */
const payloads = xss.filter((p) => !p.includes('\u0000'));
const N = payloads.length;
/** The payload in field `f` of item `a`: a rotation, so every payload reaches every field. */
const at = (a: number, f: number) => payloads[(a + f) % N]!;
const PASSWORD = 'a long newsroom password';

let server: RunningServer;
let browser: Browser;
let token = '';
const contexts: BrowserContext[] = [];
const articles: { id: number; path: string; sectionPath: string; tag: string; author: string }[] = [];
let stored = 0;

/** The API, over HTTP like any client. */
async function api(method: string, url: string, body?: unknown): Promise<any> {
  const res = await fetch(server.baseUrl + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  stored++;
  return json;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      // Hundreds of API calls and searches from one address at once: the suite is not what the limits are for.
      env: { MASTHEAD_RATE_LIMIT_API: '0', MASTHEAD_RATE_LIMIT_SEARCH: '0' },
      async prepare(store) {
        // No door creates authors or collections yet, so these few go through the store.
        for (let a = 0; a < N; a++)
          await store.taxonomy.createPerson({ slug: `xss-author-${a}`, name: at(a, 17), title: at(a, 18), bio: at(a, 19) });
        await store.collections.create('xss-collection', at(0, 20).slice(0, 80));
      },
    }),
    launchBrowser(),
  ]);
  const admin = await server.app.services.auth.createUser({
    email: 'xss-admin@example.org',
    name: 'Ada Admin',
    role: 'admin',
    password: PASSWORD,
  });
  token = (await server.app.services.auth.createApiToken(admin.id, 'stored xss')).token;

  const store = server.store;
  const newsId = (await store.taxonomy.allSections()).find((s) => s.path === 'news')!.id;
  const people = await store.taxonomy.allPeople();
  const media = (await store.media.search('', 40)).map((m) => m.id);
  for (let a = 0; a < N; a++) {
    const sectionSlug = `xss-${a}`;
    const { id: sectionId } = await api('POST', '/api/v1/sections', {
      name: at(a, 21).slice(0, 80),
      slug: sectionSlug,
      parentId: newsId,
      description: at(a, 22).slice(0, 300),
    });
    const personId = people.find((p) => p.slug === `xss-author-${a}`)!.id;
    const mediaId = media[a % media.length]!;
    const tag = at(a, 16).slice(0, 60);
    const article = (shift: number) => ({
      headline: at(a, shift),
      standfirst: at(a, shift + 1),
      primarySectionId: sectionId,
      authorIds: [personId],
      tags: [tag],
      hero: { mediaId, caption: at(a, shift + 2), credit: at(a, shift + 3), alt: at(a, shift + 4) },
      body: [
        {
          type: 'paragraph',
          content: [
            { text: at(a, shift + 5) },
            { text: at(a, shift + 6), href: `https://example.org/?q=${encodeURIComponent(at(a, shift + 7))}`, bold: true },
          ],
        },
        { type: 'heading', level: 2, text: at(a, shift + 8) },
        { type: 'quote', text: at(a, shift + 9), attribution: at(a, shift + 10) },
        {
          type: 'list',
          style: 'bullet',
          items: [[{ text: at(a, shift + 11) }], [{ text: at(a, shift + 12), href: `/search?q=${encodeURIComponent(at(a, shift + 13))}` }]],
        },
        { type: 'image', mediaId, alt: at(a, shift + 14), caption: at(a, shift + 15), credit: at(a, shift + 16) },
        {
          type: 'embed',
          kind: 'link',
          url: `https://example.org/embed/${a}?x=${encodeURIComponent(at(a, shift + 17))}`,
          title: at(a, shift + 18),
          caption: at(a, shift + 19),
        },
      ],
      seoTitle: at(a, shift + 20),
      seoDescription: at(a, shift + 21),
    });
    const { id } = await api('POST', '/api/v1/articles', article(0));
    // A second revision with every field changed, so the history page shows each payload in its diff.
    await api('PUT', `/api/v1/articles/${id}`, { baseRevision: 1, article: article(30) });
    await api('POST', `/api/v1/articles/${id}/submit`, { note: at(a, 23) });
    await api('POST', `/api/v1/articles/${id}/publish`, { note: at(a, 24) });
    await api('POST', `/api/v1/articles/${id}/corrections`, { kind: a % 2 ? 'correction' : 'clarification', note: at(a, 25) });
    const page = await server.app.services.reader.article(id);
    articles.push({
      id,
      path: articlePath(page.article, server.config.timezone),
      sectionPath: `news/${sectionSlug}`,
      tag: slugify(tag, 60),
      author: `xss-author-${a}`,
    });
  }
  for (let i = 0; i < N; i++) await api('POST', '/api/v1/tokens', { name: at(i, 26).slice(0, 80) });
  for (let i = 0; i < Math.min(N, media.length); i++)
    await api('PUT', `/api/v1/media/${media[i]}`, { alt: at(i, 27), caption: at(i, 28), credit: at(i, 29) });
  // Users cost a password hash each: a spread of twelve names.
  for (let i = 0; i < 12; i++)
    await api('POST', '/api/v1/users', {
      email: `xss-user-${i}@example.org`,
      name: at(i * 5, 30).slice(0, 120),
      role: 'writer',
      password: PASSWORD,
    });
  const ids = articles.map((x) => x.id);
  for (const slug of ['top-stories', 'editors-choice', 'xss-collection'])
    await api('PUT', `/api/v1/collections/${slug}`, { items: ids.slice(0, 12).map((articleId) => ({ articleId })) });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

interface Watch {
  dialogs: string[];
  marker: unknown[];
  problems: string[];
  loads: number;
}

/** A browser context where every page reports dialogs and calls of window.__xss, with the CSP bypassed. */
async function watchedContext(signedIn: boolean): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ bypassCSP: true });
  contexts.push(context);
  const watch: Watch = { dialogs: [], marker: [], problems: [], loads: 0 };
  await context.exposeFunction('__xss', (n: unknown) => void watch.marker.push(n));
  context.on('page', (p) => watchDialogs(p, watch));
  if (signedIn) {
    const s = await server.app.services.auth.signIn({
      email: 'xss-admin@example.org',
      password: PASSWORD,
      ip: '127.0.0.1',
      userAgent: 'stored-xss test',
    });
    await context.addCookies([{ name: 'mh_session', value: s.token, url: server.baseUrl }]);
  }
  return { context, watch };
}

function watchDialogs(page: Page, watch: Watch) {
  page.on('dialog', (d) => {
    // A beforeunload prompt is the editor's own guard for unsaved work, not something a payload can open.
    if (d.type() !== 'beforeunload') watch.dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
    void d.dismiss().catch(() => {});
  });
}

/** Loads each path in a few tabs at once; checks status and the live DOM of every HTML page. */
async function visitAll(context: BrowserContext, watch: Watch, paths: string[], tabs = 2): Promise<void> {
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const res = await page.goto(server.baseUrl + path, { waitUntil: 'load' });
        watch.loads++;
        if (!res || res.status() >= 400) watch.problems.push(`${path}: ${res?.status()}`);
        if (String(res?.headers()['content-type'] ?? '').startsWith('text/html')) {
          // Lazy images scrolled into view get their chance to fail and fire handlers.
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          const found = executableParts(await page.content(), { liveDom: true });
          if (found.length) watch.problems.push(`${path}: ${found.join(' | ').slice(0, 500)}`);
        }
      }
      // Whatever a late handler would do has happened by now.
      await page.waitForTimeout(200);
      await page.close();
    }),
  );
}

describe('stored XSS payloads in Chromium', { timeout: 240_000 }, () => {
  it('every public page that shows them: article, home, section, tag, author, search, feeds', async () => {
    const { context, watch } = await watchedContext(false);
    const paths = [
      '/',
      '/news',
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      ...articles.map((a) => a.path),
      // Tag, author and section pages put a name in the same places (heading, title, description, structured
      // data): each payload is loaded once as one of the three, and each kind of page gets a third of them.
      ...articles.map((a, i) => [`/tag/${a.tag}`, `/author/${a.author}`, `/${a.sectionPath}`][i % 3]!),
      ...xss.map((q) => `/search?q=${encodeURIComponent(q)}`), // all of them: a search with a NUL is a page too
    ];
    await visitAll(context, watch, paths);
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.marker).toEqual([]);
    expect(watch.loads).toBe(paths.length);
    console.log(
      `stored XSS in Chromium (public): ${N} payloads, ${stored} API writes, ${watch.loads} pages loaded, no dialog, window.__xss never called`,
    );
  });

  it('every newsroom page that shows them: dashboard, editor, history and diff, collections, sections, users, media, tokens, audit', async () => {
    const { context, watch } = await watchedContext(true);
    const paths = [
      '/newsroom',
      '/newsroom/collections/top-stories',
      '/newsroom/collections/xss-collection',
      '/newsroom/sections',
      '/newsroom/users',
      '/newsroom/media',
      '/newsroom/tokens',
      '/newsroom/audit',
      // Every editor: each turns its stored body into live editor content. Every third history: a diff shows
      // thirty payloads (three of them at consecutive offsets), so a third of the histories shows each one.
      ...articles.map((a) => `/newsroom/articles/${a.id}`),
      ...articles.filter((_, i) => i % 3 === 0).map((a) => `/newsroom/articles/${a.id}/history?a=1&b=2`),
      ...articles.slice(0, 5).map((a) => `/newsroom/articles/${a.id}/preview`),
    ];
    await visitAll(context, watch, paths);
    expect(watch.problems).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.marker).toEqual([]);
    console.log(`stored XSS in Chromium (newsroom): ${N} payloads, ${watch.loads} pages loaded, no dialog, window.__xss never called`);
  });

  it('the marker works: a payload that did run would be seen', async () => {
    const { context, watch } = await watchedContext(false);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__xss&&__xss(99);alert(99)');
      img.src = 'x:x';
      document.body.append(img);
    });
    await expect.poll(() => watch.marker.length).toBe(1);
    await expect.poll(() => watch.dialogs.length).toBe(1);
    expect(executableParts(await page.content()).length).toBeGreaterThan(0);
  });
});
