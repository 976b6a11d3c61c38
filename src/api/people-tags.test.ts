// Authors and tags as managed records, through the API (both databases): an author's photo, links and new
// address (the old one redirects); merging authors (bylines move once each, in order; the old page redirects;
// older input naming the merged author still saves); tags listed with counts and searched, renamed, described
// and merged, every change reaching cached pages at once and written to the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, team } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let news: number;

beforeAll(async () => {
  t = await suiteTestDb();
  news = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '8' }); // purges are part of what is tested
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = people.editor.token) =>
  app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const get = (url: string) => app.inject({ method: 'GET', url });
const urlOf = async (id: number) => {
  const row = (await t.store.articles.byId(id))!;
  return articlePath({ id, slug: row.slug, sectionPath: 'news', firstPublishedAt: row.first_published_at! }, 'UTC');
};
const bylines = async (id: number) => (await t.store.articles.authorsOf(id)).map((p) => p.id);
const tagSlugs = async (id: number) => (await t.store.articles.tagsOf(id)).map((x) => x.slug).sort();

describe('authors: photo, links, address', () => {
  it('an editor sets a photo from the library and links; the author page shows them', async () => {
    const id = await makePerson(t.store, 'Amara Osei');
    const photo = await makeMedia(t.store, { alt: 'Amara at her desk' });
    const links = [
      { label: 'Website', url: 'https://amara.example/' },
      { label: 'E-mail', url: 'mailto:amara@news.example' },
    ];
    const res = await call('PUT', `/api/v1/people/${id}`, {
      name: 'Amara Osei',
      title: 'Ghana correspondent',
      bio: 'Accra.',
      photoMediaId: photo,
      links,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = await get('/author/amara-osei');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="author-photo"');
    expect(page.body).toContain('href="https://amara.example/"');
    expect(page.body).toContain('href="mailto:amara@news.example"');
    const listed = (await call('GET', '/api/v1/people?limit=100', undefined, people.writer.token)).json();
    expect(listed.items.find((p: { id: number }) => p.id === id)).toMatchObject({ photoMediaId: photo, links });
    // Leaving photo and links out of a change keeps them.
    expect((await call('PUT', `/api/v1/people/${id}`, { name: 'Amara Osei', title: 'Ghana editor' })).statusCode).toBe(200);
    expect(await t.store.profiles.byId(id)).toMatchObject({ title: 'Ghana editor', photoMediaId: photo, links });
  });

  it('refuses unsafe links and pictures the library does not have, changing nothing', async () => {
    const id = await makePerson(t.store, 'Link Tester');
    for (const [bad, field] of [
      [{ links: [{ label: 'X', url: 'javascript:alert(1)' }] }, 'links.0.url'],
      [{ links: [{ label: 'X', url: 'data:text/html,hi' }] }, 'links.0.url'],
      [{ links: [{ label: 'X', url: '//evil.example' }] }, 'links.0.url'],
      [{ links: [{ label: '', url: 'https://ok.example' }] }, 'links.0.label'],
      [{ photoMediaId: 999_999 }, 'photoMediaId'],
    ] as const) {
      const res = await call('PUT', `/api/v1/people/${id}`, { name: 'Changed', ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    expect((await t.store.profiles.byId(id))!.name).toBe('Link Tester');
  });

  it('a new address leaves the old one redirecting (301, query kept); a taken one is refused', async () => {
    const id = await makePerson(t.store, 'Pavel Novak');
    await makePerson(t.store, 'Taken Name');
    expect((await get('/author/pavel-novak')).statusCode).toBe(200); // cached now
    const taken = await call('PUT', `/api/v1/people/${id}`, { name: 'Pavel Novak', slug: 'taken-name' });
    expect(taken.statusCode).toBe(409);
    expect((await call('PUT', `/api/v1/people/${id}`, { name: 'Pavel Novák', slug: 'pavel-novak-prague' })).statusCode).toBe(200);
    const old = await get('/author/pavel-novak?page=1');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/author/pavel-novak-prague?page=1');
    expect((await get('/author/pavel-novak-prague')).body).toContain('Pavel Novák');
  });
});

describe('merging authors', () => {
  it('bylines move once each, in order; the old page redirects; pages and the audit log follow', async () => {
    const from = await makePerson(t.store, 'J. Smith');
    const into = await makePerson(t.store, 'Jane Smith');
    const other = await makePerson(t.store, 'Omar Haddad');
    const a = await makeArticle(t.store, { headline: 'Both on it', sectionId: news, authorIds: [into, from, other], hoursAgo: 1 });
    const b = await makeArticle(t.store, { headline: 'Second byline', sectionId: news, authorIds: [other, from], hoursAgo: 2 });
    const c = await makeArticle(t.store, { headline: 'Only the duplicate', sectionId: news, authorIds: [from], hoursAgo: 3 });
    const user = await t.store.users.create(
      { email: 'j.smith@news.example', name: 'J. Smith', role: 'writer', passwordHash: 'x', personId: from },
      new Date().toISOString(),
    );
    const cUrl = await urlOf(c);
    for (const url of [cUrl, '/author/j-smith', '/author/jane-smith']) expect((await get(url)).statusCode, url).toBe(200);

    expect((await call('POST', `/api/v1/people/${from}/merge`, { intoId: from })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/people/${from}/merge`, { intoId: into }, people.writer.token)).statusCode).toBe(403);
    const res = await call('POST', `/api/v1/people/${from}/merge`, { intoId: into });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: into });

    expect(await bylines(a)).toEqual([into, other]);
    expect(await bylines(b)).toEqual([other, into]);
    expect(await bylines(c)).toEqual([into]);
    expect((await t.store.taxonomy.peopleByIds([from])).size).toBe(0);
    expect((await t.store.users.byId(user))?.personId).toBe(into);
    const old = await get('/author/j-smith');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/author/jane-smith');
    expect((await get(cUrl)).body).toContain('Jane Smith'); // purged, not the cached byline
    expect((await get('/author/jane-smith')).body).toContain('Only the duplicate');
    expect((await call('POST', `/api/v1/people/${from}/merge`, { intoId: into })).statusCode).toBe(404);
    const audit = (await call('GET', '/api/v1/audit?limit=5', undefined, people.admin.token)).json();
    expect(audit.items[0]).toMatchObject({ action: 'person.merged', subject: `person:${from}`, details: { bylines: 3 } });
  });

  it('input written before the merge (a form left open, an older revision) saves with the author it became', async () => {
    const from = await makePerson(t.store, 'Ola Twin');
    const into = await makePerson(t.store, 'Ola Kept');
    const created = await call('POST', '/api/v1/articles', articleBody(news, { authorIds: [from, into] }), people.writer.token);
    expect(created.statusCode, created.body).toBe(201);
    const { id, revision } = created.json();
    expect((await call('POST', `/api/v1/people/${from}/merge`, { intoId: into })).statusCode).toBe(200);
    const saved = await call(
      'PUT',
      `/api/v1/articles/${id}`,
      { baseRevision: revision, article: articleBody(news, { headline: 'Still open', authorIds: [from, into] }) },
      people.writer.token,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await bylines(id)).toEqual([into]);
  });
});

describe('tags', () => {
  it('lists tags by name with article counts, searched and paged', async () => {
    await makeArticle(t.store, { sectionId: news, tags: ['Fisheries', 'Harbours'] });
    await makeArticle(t.store, { sectionId: news, tags: ['Fisheries'] });
    const found = (await call('GET', '/api/v1/tags?q=fish', undefined, people.writer.token)).json();
    expect(found.items).toEqual([{ id: expect.any(Number), slug: 'fisheries', name: 'Fisheries', description: '', articleCount: 2 }]);
    const first = (await call('GET', '/api/v1/tags?limit=1')).json();
    const second = (await call('GET', `/api/v1/tags?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name >= first.items[0].name).toBe(true);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await call('GET', '/api/v1/tags?cursor=nonsense')).statusCode).toBe(400);
  });

  it('rename and describe: the page shows the description, the old address redirects', async () => {
    const article = await makeArticle(t.store, { sectionId: news, tags: ['Ports'], hoursAgo: 1 });
    const id = (await t.store.tags.bySlug('ports'))!.id;
    expect((await get('/tag/ports')).statusCode).toBe(200);
    const res = await call('PUT', `/api/v1/tags/${id}`, {
      name: 'Ports and harbours',
      slug: 'ports-harbours',
      description: 'Where ships call.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const old = await get('/tag/ports');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/tag/ports-harbours');
    const page = await get('/tag/ports-harbours');
    expect(page.body).toContain('Where ships call.');
    expect(page.body).toContain('Ports and harbours');
    expect((await get(await urlOf(article))).body).toContain('Ports and harbours');
    expect((await call('PUT', `/api/v1/tags/${id}`, { name: 'X' }, people.writer.token)).statusCode).toBe(403);
    expect((await call('PUT', '/api/v1/tags/999999', { name: 'X' })).statusCode).toBe(404);
  });

  it('merge: articles get the other tag once, the old address redirects, the old name now means the target', async () => {
    const both = await makeArticle(t.store, { sectionId: news, tags: ['Shipping', 'Maritime'], hoursAgo: 1 });
    const only = await makeArticle(t.store, { sectionId: news, tags: ['Maritime'], hoursAgo: 2 });
    const from = (await t.store.tags.bySlug('maritime'))!.id;
    const into = (await t.store.tags.bySlug('shipping'))!.id;
    expect((await get('/tag/shipping')).body).not.toContain((await t.store.articles.byId(only))!.headline);
    expect((await call('POST', `/api/v1/tags/${from}/merge`, { intoId: into })).statusCode).toBe(200);
    expect(await tagSlugs(both)).toEqual(['shipping']);
    expect(await tagSlugs(only)).toEqual(['shipping']);
    expect((await get('/tag/maritime')).headers.location).toBe('/tag/shipping');
    expect((await get('/tag/shipping')).body).toContain((await t.store.articles.byId(only))!.headline); // purged
    expect(await t.store.taxonomy.ensureTag('maritime', 'Maritime')).toBe(into);
    const audit = (await call('GET', '/api/v1/audit?limit=5', undefined, people.admin.token)).json();
    expect(audit.items[0]).toMatchObject({ action: 'tag.merged', subject: `tag:${from}` });
    expect((await call('POST', `/api/v1/tags/${into}/merge`, { intoId: into })).statusCode).toBe(400);
  });
});
