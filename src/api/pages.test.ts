// Static pages through the API (both databases): created as drafts, addresses that clash with a section, the
// site's own routes or another page refused naming the field, one page per role, published at /{slug} with the
// site's layout (404 while a draft), listed in every page's footer, named in the NewsMediaOrganization data when
// they are the corrections or ethics policy, every change reaching cached pages at once and written to the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeMedia, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { bearer, team } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;

beforeAll(async () => {
  t = await suiteTestDb();
  await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '8' }); // purges are part of what is tested
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object, token = people.editor.token) =>
  app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const get = (url: string) => app.inject({ method: 'GET', url });
const para = (text: string) => ({ type: 'paragraph', content: [{ text }] });
const organization = (html: string) => {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
  return scripts.find((s) => s['@type'] === 'NewsMediaOrganization');
};
const footer = (html: string) => /<nav class="footer-pages"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';

async function create(payload: object) {
  const res = await call('POST', '/api/v1/pages', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; slug: string; status: string };
}

describe('static pages', () => {
  it('an editor creates a draft (address from the title); readers get 404 until it is published', async () => {
    const page = await create({ title: 'About Us', summary: 'Who we are.', body: [para('We report the world.')], role: 'about' });
    expect(page).toMatchObject({ slug: 'about-us', status: 'draft', inFooter: true, role: 'about' });
    expect((await get('/about-us')).statusCode).toBe(404);
    const published = await call('POST', `/api/v1/pages/${page.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
    const res = await get('/about-us');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>About Us</h1>');
    expect(res.body).toContain('We report the world.');
    expect(res.body).toContain('<title>About Us | ');
    expect(res.body).toContain('<link rel="canonical" href="https://news.example/about-us"');
    expect(res.body).toContain('<meta name="description" content="Who we are."');
    expect(String(res.headers['surrogate-key'])).toContain('page:about-us');
    // Listed in the footer of every page, the home page included.
    expect(footer((await get('/')).body)).toContain('<a href="/about-us">About Us</a>');
    expect(footer((await get('/news')).body)).toContain('<a href="/about-us">About Us</a>');
    const audit = await t.store.audit.recent(50);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['page.created', 'page.published']));
  });

  it('refuses addresses of sections, of the site’s own routes and of other pages, naming the field', async () => {
    for (const slug of ['news', 'api', 'newsroom', 'search', 'tag', 'author', 'assets', 'media', 'live', 'tv', 'sitemaps', 'healthz']) {
      const res = await call('POST', '/api/v1/pages', { title: 'Clash', slug });
      expect(res.statusCode, slug).toBe(400);
      expect(res.json().error, slug).toMatchObject({ code: 'INVALID_INPUT', field: 'slug' });
    }
    const res = await call('POST', '/api/v1/pages', { title: 'Another about', slug: 'about-us' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'slug' });
    const bad = await call('POST', '/api/v1/pages', { title: 'Bad', slug: 'Not A Slug' });
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'slug' });
    const empty = await call('POST', '/api/v1/pages', { title: '  ' });
    expect(empty.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'title' });
    const role = await call('POST', '/api/v1/pages', { title: 'Second about', role: 'about' });
    expect(role.statusCode).toBe(409);
    expect(role.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'role' });
    const media = await call('POST', '/api/v1/pages', { title: 'Pictures', body: [{ type: 'image', mediaId: 999_999, alt: 'x' }] });
    expect(media.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    const nul = await call('POST', '/api/v1/pages', { title: 'Nul', body: [para('a\u0000b')] });
    expect(nul.statusCode).toBe(400);
    expect((await t.store.pages.all()).map((p) => p.title)).toEqual(['About Us']);
  });

  it('names the corrections and ethics pages in the NewsMediaOrganization data once published', async () => {
    const corrections = await create({ title: 'Corrections policy', slug: 'corrections', role: 'corrections', body: [para('We fix.')] });
    const ethics = await create({ title: 'Ethics policy', slug: 'ethics', role: 'ethics', inFooter: false, body: [para('We care.')] });
    expect(organization((await get('/')).body)).not.toHaveProperty('correctionsPolicy');
    await call('POST', `/api/v1/pages/${corrections.id}/publish`);
    await call('POST', `/api/v1/pages/${ethics.id}/publish`);
    const home = (await get('/')).body;
    expect(organization(home)).toMatchObject({
      correctionsPolicy: 'https://news.example/corrections',
      ethicsPolicy: 'https://news.example/ethics',
      publishingPrinciples: 'https://news.example/ethics',
    });
    // Out of the footer, still a page and still the ethics policy.
    expect(footer(home)).toContain('href="/corrections"');
    expect(footer(home)).not.toContain('href="/ethics"');
    expect((await get('/ethics')).statusCode).toBe(200);
    expect(organization((await get('/ethics')).body)).toMatchObject({ ethicsPolicy: 'https://news.example/ethics' });
  });

  it('a change reaches cached pages at once: new title, new address, taken back, deleted', async () => {
    const page = await create({ title: 'Contact', slug: 'contact', role: 'contact', body: [para('Write to us.')] });
    await call('POST', `/api/v1/pages/${page.id}/publish`);
    expect((await get('/contact')).body).toContain('Write to us.'); // cached now
    expect(footer((await get('/news')).body)).toContain('>Contact</a>'); // cached now
    const body = { title: 'Contact the newsroom', slug: 'contact-us', role: 'contact', body: [para('Call us.')] };
    const changed = await call('PUT', `/api/v1/pages/${page.id}`, body);
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await get('/contact')).statusCode).toBe(404);
    expect((await get('/contact-us')).body).toContain('Call us.');
    expect(footer((await get('/news')).body)).toContain('<a href="/contact-us">Contact the newsroom</a>');
    // A body change alone: the page follows.
    await call('PUT', `/api/v1/pages/${page.id}`, { ...body, body: [para('E-mail us.')] });
    expect((await get('/contact-us')).body).toContain('E-mail us.');
    await call('POST', `/api/v1/pages/${page.id}/unpublish`);
    expect((await get('/contact-us')).statusCode).toBe(404);
    expect(footer((await get('/news')).body)).not.toContain('contact-us');
    await call('POST', `/api/v1/pages/${page.id}/publish`);
    expect((await get('/contact-us')).statusCode).toBe(200);
    const gone = await call('DELETE', `/api/v1/pages/${page.id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await get('/contact-us')).statusCode).toBe(404);
    expect(footer((await get('/news')).body)).not.toContain('contact-us');
    expect((await call('GET', `/api/v1/pages/${page.id}`)).statusCode).toBe(404);
  });

  it('shows pictures from the library in a page body, and lists pages in footer order', async () => {
    const photo = await makeMedia(t.store, { alt: 'The newsroom at night' });
    const page = await create({
      title: 'Our newsroom',
      slug: 'our-newsroom',
      position: 0,
      body: [para('Where we work.'), { type: 'image', mediaId: photo, alt: 'The newsroom at night' }],
    });
    await call('POST', `/api/v1/pages/${page.id}/publish`);
    const res = await get('/our-newsroom');
    expect(res.body).toContain('alt="The newsroom at night"');
    const links = [...footer((await get('/')).body).matchAll(/href="\/([a-z-]+)"/g)].map((m) => m[1]);
    // Position 0 like the first page (ties go by age), before the corrections page (position 1).
    expect(links.slice(0, 3)).toEqual(['about-us', 'our-newsroom', 'corrections']);
    const list = (await call('GET', '/api/v1/pages')).json();
    expect(list.items.map((p: { slug: string }) => p.slug)).toContain('our-newsroom');
  });

  it('a section made later at a page’s address wins', async () => {
    const page = await create({ title: 'Opinion pieces', slug: 'opinion', body: [para('Page text.')] });
    await call('POST', `/api/v1/pages/${page.id}/publish`);
    expect((await get('/opinion')).body).toContain('Page text.');
    const res = await call('POST', '/api/v1/sections', { name: 'Opinion', slug: 'opinion', parentId: null, description: '' });
    expect(res.statusCode, res.body).toBe(201);
    const after = await get('/opinion');
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('Page text.');
  });

  it('writers may not manage pages', async () => {
    expect((await call('GET', '/api/v1/pages', undefined, people.writer.token)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/pages', { title: 'Mine' }, people.writer.token)).statusCode).toBe(403);
  });
});
