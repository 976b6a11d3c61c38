// Authors through the API: added by editors with a derived, unique address; a change of name, title or bio
// reaches the author's page and every article with the byline at once (the page cache is purged). Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { bearer, team } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let news: number;

beforeAll(async () => {
  t = await suiteTestDb();
  news = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '8' }); // the purge is part of what is tested
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = people.editor.token) =>
  app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('authors', () => {
  it('an editor adds an author; the address comes from the name and must be unique', async () => {
    const res = await call('POST', '/api/v1/people', {
      name: 'Ngozi Adeyemi-Park',
      title: 'Lagos correspondent',
      bio: 'Covers West Africa.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'ngozi-adeyemi-park' });
    const again = await call('POST', '/api/v1/people', { name: 'Ngozi Adeyemi Park' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'slug' });
    expect((await call('POST', '/api/v1/people', { name: 'Ngozi Adeyemi Park', slug: 'ngozi-park' })).statusCode).toBe(201);
    const list = (await call('GET', '/api/v1/people?limit=100', undefined, people.writer.token)).json();
    expect(list.items.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining(['ngozi-adeyemi-park', 'ngozi-park']));
    for (const bad of [{ name: '' }, { name: 'X', slug: 'Not A Slug' }, { name: '!!!' }, { name: 'ناديا' }]) {
      const r = await call('POST', '/api/v1/people', bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.code).toBe('INVALID_INPUT');
    }
    // A name in another script is fine with an address given.
    expect((await call('POST', '/api/v1/people', { name: 'ناديا', slug: 'nadia-haddad' })).statusCode).toBe(201);
  });

  it('a new name reaches the author page and the byline of every article at once, even when cached', async () => {
    const person = await makePerson(t.store, 'Tomas Lindqvist');
    const id = await makeArticle(t.store, { headline: 'Ferry timetable changes', sectionId: news, authorIds: [person], hoursAgo: 1 });
    const row = (await t.store.articles.byId(id))!;
    const articleUrl = articlePath({ id, slug: row.slug, sectionPath: 'news', firstPublishedAt: row.first_published_at! }, 'UTC');
    const pages = ['/author/tomas-lindqvist', articleUrl];
    for (const url of pages) {
      const first = await app.inject({ method: 'GET', url });
      expect(first.statusCode, url).toBe(200);
      expect(first.body).toContain('Tomas Lindqvist');
      await app.inject({ method: 'GET', url }); // now from the page cache
    }
    const res = await call('PUT', `/api/v1/people/${person}`, {
      name: 'Tomas Lindqvist-Berg',
      title: 'Nordic editor',
      bio: 'Based in Malmö.',
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const url of pages) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200); // the author's address stays
      expect(page.body, url).toContain('Tomas Lindqvist-Berg');
    }
    const audit = (await call('GET', '/api/v1/audit?limit=5', undefined, people.admin.token)).json();
    expect(audit.items[0]).toMatchObject({ action: 'person.changed', subject: `person:${person}` });
  });

  it('an unknown author is a 404, and writers may not change authors', async () => {
    expect((await call('PUT', '/api/v1/people/999999', { name: 'Nobody' })).statusCode).toBe(404);
    const person = await makePerson(t.store, 'Writer Proof');
    const res = await call('PUT', `/api/v1/people/${person}`, { name: 'Changed by a writer' }, people.writer.token);
    expect(res.statusCode).toBe(403);
    expect((await t.store.taxonomy.peopleByIds([person])).get(person)!.name).toBe('Writer Proof');
  });
});
