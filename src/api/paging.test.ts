// API lists come in pages: every list is walked a small page at a time and must give exactly the items of one
// long page, in the same order, even where items share a sort value; a cursor the API did not give is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from './routes.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeMedia, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, team, type Member } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let sectionId: number;

beforeAll(async () => {
  t = await suiteTestDb();
  sectionId = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store);
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const call = (m: Member, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(m.token), ...(payload ? { payload } : {}) });
const create = (m: Member, overrides: Record<string, unknown> = {}) =>
  call(m, 'POST', '/api/v1/articles', articleBody(sectionId, overrides));

describe('lists come in pages', () => {
  /** Every GET route whose answer is a page (items and nextCursor), from the route table. */
  const lists = apiRoutes.filter((r) => r.method === 'GET' && 'shape' in r.def.output && 'nextCursor' in (r.def.output as any).shape);
  const urls: Record<string, string> = { '/api/v1/media': '/api/v1/media?q=' };

  it('every list is paged: articles, authors, tags, users, tokens, media and the audit log', () => {
    expect(lists.map((r) => r.url).sort()).toEqual([
      '/api/v1/articles',
      '/api/v1/audit',
      '/api/v1/media',
      '/api/v1/people',
      '/api/v1/tags',
      '/api/v1/tokens',
      '/api/v1/users',
    ]);
  });

  it('walking a list a page at a time gives every item once, in the order of one long page', async () => {
    // Enough of everything that each list runs to several pages, including items that share a sort value
    // (articles saved in the same millisecond; users with the same name).
    for (let i = 0; i < 5; i++) {
      await create(people.editor, { headline: `Paged ${i}` });
      await call(people.admin, 'POST', '/api/v1/users', {
        email: `same.name.${i}@news.example`,
        name: 'Same Name',
        role: 'writer',
        password: 'a long enough password',
      });
      await call(people.admin, 'POST', '/api/v1/tokens', { name: `paged ${i}` });
      await makeMedia(t.store, { alt: `Paged picture ${i}` });
      await t.store.taxonomy.createPerson({ slug: `same-author-${i}`, name: 'Same Author', title: '', bio: '' });
      await t.store.taxonomy.ensureTag(`same-tag-${i}`, 'Same Tag');
    }
    for (const r of lists) {
      const base = urls[r.url] ?? `${r.url}?`;
      const whole = (await call(people.admin, 'GET', `${base}&limit=100`)).json();
      expect(whole.nextCursor, r.url).toBeNull();
      expect(whole.items.length, r.url).toBeGreaterThanOrEqual(5);
      const walked: unknown[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await call(people.admin, 'GET', `${base}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        walked.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 200);
      expect(walked, r.url).toEqual(whole.items);
      expect(pages).toBe(Math.ceil(whole.items.length / 2));
    }
  });

  it('a cursor this API did not give is refused with the field named', async () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["x"]').toString('base64url'),
      'x'.repeat(500),
    ];
    for (const r of lists)
      for (const cursor of forged) {
        const res = await call(people.admin, 'GET', `${urls[r.url] ?? `${r.url}?`}&cursor=${cursor}`);
        expect(res.statusCode, `${r.url} ${cursor}`).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'cursor' });
      }
  });
});
