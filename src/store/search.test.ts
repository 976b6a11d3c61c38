// Full-text search through the store, on both dialects (SQLite FTS5 and PostgreSQL tsvector). PostgreSQL is
// never skipped: if the server is unreachable, opening the database fails every test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects, sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';
import type { Store } from './index.ts';
import { searchIndexFor, searchTokens } from './search.ts';

const para = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

describe('searchTokens()', () => {
  it('reduces reader input to bounded lower-case word tokens', () => {
    expect(searchTokens('"unbalanced quote')).toEqual(['unbalanced', 'quote']);
    expect(searchTokens('NEAR(a b)')).toEqual(['near', 'a', 'b']);
    expect(searchTokens("'; DROP TABLE articles; --")).toEqual(['drop', 'table', 'articles']);
    expect(searchTokens('*')).toEqual([]);
    expect(searchTokens('🎉🔥👩‍👩‍👧')).toEqual([]);
    expect(searchTokens('x'.repeat(10_240))).toEqual(['x'.repeat(40)]);
    expect(searchTokens('word '.repeat(2_048))).toHaveLength(8);
  });
});

describe.each(dialects)('search on $name', ({ name, open }) => {
  let t: TestDb;
  let store: Store;
  let headlineHit: number;
  let bodyHit: number;
  let draft: number;
  let hostile: number;
  let marked: number;
  let articlesBefore: number;
  let openError: unknown;

  // One shared world: every test here only reads, so the database is opened once. A failure to open it
  // (PostgreSQL unreachable) is rethrown by every test, so each one is reported as failed, not skipped.
  beforeAll(async () => {
    try {
      await build();
    } catch (e) {
      openError = e;
    }
  });
  beforeEach(() => {
    if (openError) throw openError;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  async function build() {
    t = await open();
    store = t.store;
    const s = await makeSection(store, 'news');
    headlineHit = await makeArticle(store, {
      sectionId: s,
      headline: 'Zebra crossing reopens',
      body: para('The road is open again.'),
      hoursAgo: 10,
    });
    bodyHit = await makeArticle(store, {
      sectionId: s,
      headline: 'Council meeting report',
      standfirst: 'Councillors met on Tuesday.',
      body: para('Among other business, a zebra was seen near the town hall before the vote.'),
      hoursAgo: 1,
    });
    draft = await makeArticle(store, { sectionId: s, status: 'draft', headline: 'Zebra draft story', body: para('Zebra zebra zebra.') });
    hostile = await makeArticle(store, {
      sectionId: s,
      headline: 'How to drop a table',
      body: para('An unbalanced quote near the articles table, with a party 🎉 afterwards and a café naïve.'),
      hoursAgo: 3,
    });
    marked = await makeArticle(store, {
      sectionId: s,
      headline: 'Control\u0001characters\u0002headline',
      standfirst: 'Stray \u0002 markers \u0001 here.',
      body: para('The quokka\u0001smiled\u0002 at \u0001\u0001 the camera.'),
      hoursAgo: 4,
    });
    articlesBefore = (await store.articles.latest({ limit: 100, offset: 0 })).items.length;
  }

  it('runs on the dialect it is named for', () => {
    expect(store.dialect).toBe(name);
  });

  it('ranks a headline match above a body-only match, even when the body match is newer', async () => {
    const rows = await store.search.query(['zebra'], 10, 0);
    expect(rows.map((r) => r.id)).toEqual([headlineHit, bodyHit]);
  });

  it('never returns unpublished articles', async () => {
    const rows = await store.search.query(['draft'], 10, 0);
    expect(rows.map((r) => r.id)).not.toContain(draft);
    expect(rows).toEqual([]);
  });

  it('wraps the match in the snippet with \\u0001 … \\u0002 markers', async () => {
    const [row] = await store.search.query(['vote'], 10, 0);
    expect(row?.id).toBe(bodyHit);
    expect(row!.snippet).toContain('\u0001vote\u0002');
    expect(row!.snippet).toContain('town hall');
  });

  it('matches on word stems and ANDs the tokens', async () => {
    expect((await store.search.query(['councillor'], 10, 0)).map((r) => r.id)).toEqual([bodyHit]);
    expect((await store.search.query(['zebra', 'vote'], 10, 0)).map((r) => r.id)).toEqual([bodyHit]);
    expect(await store.search.query(['zebra', 'quokka'], 10, 0)).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const first = await store.search.query(['zebra'], 1, 0);
    const second = await store.search.query(['zebra'], 1, 1);
    expect([...first, ...second].map((r) => r.id)).toEqual([headlineHit, bodyHit]);
    expect(await store.search.query(['zebra'], 10, 5)).toEqual([]);
  });

  const hostileInputs = [
    '"unbalanced quote',
    'NEAR(a b)',
    'a OR b AND NOT c',
    "'; DROP TABLE articles; --",
    '*',
    'x'.repeat(10_240),
    'table '.repeat(2_000),
    '🎉🔥👩‍👩‍👧',
    'party 🎉 café naïve',
    'the and of',
    'headline:zebra',
    '^zebra -road +open',
    "Robert'); DELETE FROM article_search; --",
    '\u0000\u0001\u0002',
  ];

  it.each(
    hostileInputs.map((input) => [input.length > 40 ? `${input.slice(0, 20)}… (${input.length} chars)` : JSON.stringify(input), input]),
  )('hostile input %s never throws and never changes the data', async (_label, input) => {
    const tokens = searchTokens(input);
    expect(tokens.length).toBeLessThanOrEqual(8);
    if (tokens.length === 0) return; // callers answer an empty query without asking the store
    const rows = await store.search.query(tokens, 10, 0);
    expect(Array.isArray(rows)).toBe(true);
    expect((await store.articles.latest({ limit: 100, offset: 0 })).items).toHaveLength(articlesBefore);
    expect((await store.search.query(['zebra'], 10, 0)).length).toBe(2);
  });

  it('finds the article the hostile words actually occur in', async () => {
    for (const input of ['"unbalanced quote', "'; DROP TABLE articles; --", 'party 🎉 café naïve']) {
      expect((await store.search.query(searchTokens(input), 10, 0)).map((r) => r.id)).toEqual([hostile]);
    }
  });

  it('indexes text containing the marker characters and keeps snippets well-formed', async () => {
    for (const token of ['characters', 'quokka', 'smiled', 'markers']) {
      const rows = await store.search.query([token], 10, 0);
      expect(rows.map((r) => r.id)).toEqual([marked]);
    }
    const [row] = await store.search.query(['quokka'], 10, 0);
    const opens = row!.snippet.split('\u0001').length - 1;
    const closes = row!.snippet.split('\u0002').length - 1;
    expect(opens).toBe(1);
    expect(closes).toBe(1);
    expect(row!.snippet).toContain('\u0001quokka\u0002');
  });
});

describe.each(dialects)('search ranking on $name', ({ open }) => {
  it('ranks every word in the headline first, then every word in the standfirst, then the rest; newest first within each', async () => {
    const t = await open();
    const store = t.store;
    const s = await makeSection(store, 'ranking');
    const made = async (hoursAgo: number, headline: string, standfirst: string, body: string) =>
      makeArticle(store, { sectionId: s, headline, standfirst, body: para(body), hoursAgo });
    const bodyNew = await made(1, 'Port report', 'Weekly notes.', 'The walrus ferry sailed.');
    const standOld = await made(30, 'Port report', 'A walrus ferry is late.', 'Notes.');
    const headOld = await made(50, 'Walrus ferry returns', 'Notes.', 'Notes.');
    const headNew = await made(20, 'Ferry carries walrus', 'Notes.', 'Notes.');
    const split = await made(2, 'Walrus seen', 'Ferry late.', 'Notes.'); // the words are in two places: no column has both
    const rows = await store.search.query(['walrus', 'ferry'], 10, 0);
    try {
      expect(rows.map((r) => r.id)).toEqual([headNew, headOld, standOld, bodyNew, split]);
    } finally {
      await t.destroy();
    }
  });
});

describe.each(dialects)('search with a word found in most articles on $name', ({ open }) => {
  it('finds exactly the articles with every word, whether or not any has them all', async () => {
    const t = await open();
    try {
      const s = await makeSection(t.store, 'common');
      // "weather" is in every article, so it is common; "otter" and "lantern" are never in the same one ...
      for (let i = 0; i < 240; i++) {
        const extra = i % 3 === 0 ? 'An otter was seen.' : i % 3 === 1 ? 'A lantern was lit.' : 'Nothing else.';
        await makeArticle(t.store, {
          sectionId: s,
          headline: `Weather note ${i}`,
          body: para(`The weather held. ${extra}`),
          hoursAgo: 300 - i,
        });
      }
      expect(await t.store.search.query(['otter', 'lantern', 'weather'], 10, 0)).toEqual([]);
      expect(await t.store.search.query(['lantern', 'otter'], 10, 0)).toEqual([]);
      // ... until one is.
      const both = await makeArticle(t.store, {
        sectionId: s,
        headline: 'Otter steals lantern',
        body: para('The weather was fine.'),
        hoursAgo: 500,
      });
      expect((await t.store.search.query(['otter', 'lantern', 'weather'], 10, 0)).map((r) => r.id)).toEqual([both]);
      expect((await t.store.search.query(['weather', 'otter'], 200, 0)).length).toBe(81);
    } finally {
      await t.destroy();
    }
  }, 60_000);
});

describe("the finder's word condition on SQLite", () => {
  it('tests the words by a list, a set or a seek per article as they are rare or common, and each finds the same articles', async () => {
    const t = await sqliteTestDb();
    try {
      const s = await makeSection(t.store, 'plans');
      // "weather" is in every article, "otter" in one in twenty, "lantern" in two.
      const has = new Map<string, number[]>([
        ['weather', []],
        ['otter', []],
        ['lantern', []],
      ]);
      for (let i = 0; i < 240; i++) {
        const words = ['weather', ...(i % 20 === 0 ? ['otter'] : []), ...(i === 7 || i === 200 ? ['lantern'] : [])];
        const id = await makeArticle(t.store, { sectionId: s, headline: `Note ${i}`, body: para(`The ${words.join(' and the ')}.`) });
        for (const w of words) has.get(w)!.push(id);
      }
      const search = searchIndexFor('sqlite');
      const db = t.db.kysely;
      // With a sample of 4 newest matches: fewer (a list), dense (a seek per article), sparse (a set), and sparse
      // beside a common word (a set of the sparse word, the common one sought per survivor).
      const cases: [string[], RegExp][] = [
        [['lantern'], /^"a"\."id" IN \(SELECT/],
        [['weather'], /^EXISTS/],
        [['otter'], /^\+"a"\."id" IN/],
        [['otter', 'weather'], /^\(\+"a"\."id" IN .* AND EXISTS/],
      ];
      for (const [words, plan] of cases) {
        const where = await search.matching(db, words, 'a.id', 4);
        expect(where, words.join(' ')).not.toBeNull();
        const q = db.selectFrom('articles as a').select('a.id').where(where!).orderBy('a.id');
        expect(q.compile().sql.split(' where ')[1], words.join(' ')).toMatch(plan);
        const expected = has.get(words[0]!)!.filter((id) => words.every((w) => has.get(w)!.includes(id)));
        expect(
          (await q.execute()).map((r) => r.id),
          words.join(' '),
        ).toEqual(expected);
      }
      expect(await search.matching(db, ['heron'], 'a.id', 4)).toBeNull();
    } finally {
      await t.destroy();
    }
  }, 60_000);
});
