// Every public page runs a known, small number of queries, whatever the size of the archive (docs/ARCHITECTURE.md
// lists them). Counted on a real store with the demo content, on SQLite and (vitest's postgres project) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { testApp } from '../../test/support/app.ts';
import { DEMO_MEDIA_DIR } from '../../test/support/demo-media.ts';

let db: TestDb;
let app: FastifyInstance;
let counting = false;
let queries: string[] = [];

/** The most queries each page type may run (sections for the navigation included). */
const BUDGET: Record<string, number> = {
  home: 13,
  section: 3,
  article: 9,
  tag: 3,
  author: 3,
  search: 5, // sections, word densities and a check of the rarer words (SQLite, several words), the ranked search, summaries
  feed: 4,
};

beforeAll(async () => {
  db = await suiteTestDb({ onQuery: (sql) => counting && queries.push(sql) });
  const store = db.store;
  await seedDemo(store, DEMO_MEDIA_DIR, new Date());
  app = await testApp(store, { MEDIA_DIR: DEMO_MEDIA_DIR });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function count(url: string): Promise<number> {
  queries = [];
  counting = true;
  const res = await app.inject({ method: 'GET', url });
  counting = false;
  expect(res.statusCode, url).toBe(200);
  return queries.length;
}

describe('queries per page', () => {
  it('stay within the stated budget for every page type', async () => {
    const home = await app.inject({ method: 'GET', url: '/' });
    const articleUrl = /href="(\/news\/[a-z-]+\/\d{4}\/[^"]+)"/.exec(home.body)![1]!;
    const observed = {
      home: await count('/'),
      section: await count('/news?page=2'),
      article: await count(articleUrl),
      tag: await count('/tag/diplomacy'),
      author: await count('/author/amira-haddad'),
      search: await count('/search?q=ceasefire+talks'),
      feed: await count('/feed.xml'),
    };
    console.table(observed);
    for (const [page, n] of Object.entries(observed)) expect(n, page).toBeLessThanOrEqual(BUDGET[page]!);
  });

  it('do not grow with the number of items shown (no query per article)', async () => {
    // The sections are kept for a second (SECTIONS_TTL_MS): read them afresh for both pages, so a slow machine that
    // lets the second expire between the two cannot make them differ.
    app.services.reader.forgetSections();
    const page1 = await count('/news');
    app.services.reader.forgetSections();
    const page2 = await count('/news?page=2');
    expect(page2).toBe(page1);
  });
});
