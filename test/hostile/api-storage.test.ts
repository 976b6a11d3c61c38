// The JSON API's storage under hostile input, on SQLite and PostgreSQL: every string payload in every text field
// of an article (stored exactly, trimmed where the schema trims, or refused naming the field with the article
// unchanged), wrong types, missing and extra fields in every position of every body, the stored text of the
// other routes, and the fields that take only slugs, links and kinds. Never a 5xx; a 4xx is JSON with a
// catalogue code and a message. SQLite gets everything; PostgreSQL the storage-relevant share (storageSet, the
// article's positions) since its requests cost a disk flush each. Request shapes: api.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/db.ts';
import { json, stateFor } from './api-kit.ts';
import { expectAnswered, report, tried } from './harness.ts';
import { apiExample, apiRoutes, getAt, jsonPaths, pathName, REMOVE, routeKey, setAt, type JsonPath } from './inventory.ts';
import { idLike, oversized, sample, sqli, strings, traversal, unicode, urlEncode, xss } from './payloads.ts';
import { wrongTypes } from './payloads-raw.ts';
import { storeEveryPayload } from './store-text.ts';
import { buildWorld, type World } from './world.ts';

/** Wrong types for every position of every body: small ones here; the big ones go once per route. */
const perField: unknown[] = [null, true, -1, 1.5, '1', '', [], {}, '<script>alert(1)</script>', REMOVE];
const deepField: unknown[] = [null, '1', [], REMOVE];
const bigValues = wrongTypes.filter((v) => JSON.stringify(v).length >= 1_000);
/** Free text that ends up stored and shown somewhere gets the whole string corpus (less the oversized, sent once). */
const STORED_TEXT = new Set(['name', 'description', 'note', 'alt', 'caption', 'credit', 'title', 'summary']);
/** Routes whose schema another route already shares (transitions, section create/update): one of them gets the full text corpus. */
const SAME_SCHEMA_AS = new Set([
  'POST /api/v1/articles/:id/publish',
  'POST /api/v1/articles/:id/unpublish',
  'POST /api/v1/articles/:id/draft',
  'POST /api/v1/articles/:id/schedule',
  'POST /api/v1/sections',
]);
const textCorpus = strings.filter((s) => !oversized.includes(s));
/**
 * What PostgreSQL gets: the text that databases treat differently (controls, NUL, surrogates, scripts,
 * combining marks), quotes and SQL, markup, and the length limits.
 */
const storageSet = [
  ...new Set([...unicode, ...xss.slice(0, 12), ...sqli.slice(0, 16), ...oversized.slice(0, 3), ...traversal.slice(0, 4)]),
];

/** The other routes' stored text on PostgreSQL: the characters databases disagree on, and a little markup and SQL. */
const storageShare = [...unicode, ...xss.slice(0, 5), ...sqli.slice(5, 9)];

/** Positions worth a wrong value: every field, but of repeated shapes (inline runs, list items) only the first. */
const distinct = (p: JsonPath) => p.every((k, i) => typeof k !== 'number' || k === 0 || p[i - 1] === 'body');

describe.each(dialects)('hostile input stored through the API on $name', ({ name, open }) => {
  const full = name === 'sqlite';
  let w: World;
  const admin = () => w.session.headers();

  beforeAll(async () => {
    w = await buildWorld(await open());
  });
  afterAll(async () => {
    report(`api storage, ${name}`);
    await w?.close();
  });

  it('every string payload in every text field of an article: stored exactly, or refused naming the field with the article unchanged', async () => {
    const route = apiRoutes.find((r) => r.method === 'PUT' && r.url === '/api/v1/articles/:id')!;
    const { articleId } = await stateFor(w, route);
    await w.app.services.workflow.submit(w.people.writer.actor, articleId);
    await w.app.services.workflow.publish(w.people.editor.actor, articleId);
    const payloads = full ? strings : storageSet;
    const { stored, refused } = await storeEveryPayload(w, articleId, payloads, admin(), full ? { checkPage: (p) => xss.includes(p) } : {});
    // Most of the corpus is legitimate text for a headline or a paragraph; not everything may be refused.
    expect(stored).toBeGreaterThan(payloads.length / 2);
    expect(refused).toBeGreaterThan(0);
  });

  it('every position of every body: wrong types, numbers as strings, missing and extra fields', async () => {
    for (const route of apiRoutes.filter((r) => r.body)) {
      const key = routeKey(route);
      // The article schema: PUT wraps it, so POST only needs its top level. PostgreSQL: the article only.
      if (key === 'POST /api/v1/articles' && !full) continue;
      if (!full && key !== 'PUT /api/v1/articles/:id') continue;
      const state = await stateFor(w, route);
      const base = () => apiExample(route, w, state);
      const ex = base();
      const paths = jsonPaths(ex.body).filter(
        (p) => distinct(p) && (key === 'POST /api/v1/articles' ? p.length === 1 : full || p.length <= 2),
      );
      for (const p of paths) {
        // Deep inside the body the schema is the block schema again: fewer values there.
        for (const value of p.length > 3 ? deepField : perField) {
          if (value !== REMOVE) tried(value);
          await expectAnswered(
            w.app,
            json(w, route.method, ex.url, setAt(base().body, p, value)),
            `${pathName(p)} = ${String(value).slice(0, 40)}`,
          );
        }
        const parent = getAt(ex.body, p);
        if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
          const extra = {
            ...(parent as object),
            role: 'admin',
            createdBy: 1,
            status: 'published',
            revision: 99,
            evil: '<script>alert(1)</script>',
          };
          await expectAnswered(w.app, json(w, route.method, ex.url, setAt(base().body, p, extra)), `${pathName(p)} with extra fields`);
        }
      }
      for (const value of bigValues) {
        tried(value);
        await expectAnswered(w.app, json(w, route.method, ex.url, value), 'a big value as the whole body');
        await expectAnswered(
          w.app,
          json(w, route.method, ex.url, setAt(base().body, paths[0]!, value)),
          `a big value in ${pathName(paths[0]!)}`,
        );
      }
    }
  });

  it('string payloads in the other routes’ fields (the whole corpus where the text is stored and shown)', async () => {
    for (const route of apiRoutes.filter((r) => r.body && !/^\/api\/v1\/articles(\/:id)?$/.test(r.url))) {
      const state = await stateFor(w, route);
      const ex = apiExample(route, w, state);
      // A fixed address: after the first new user the rest are refused as duplicates (after validation), so
      // names are still checked without paying for a password hash each.
      const body = () =>
        route.url === '/api/v1/users' ? { ...(ex.body as object), email: 'fixed@news.example' } : apiExample(route, w, state).body;
      const stringPaths = jsonPaths(ex.body).filter((q) => typeof getAt(ex.body, q) === 'string');
      const storedText = SAME_SCHEMA_AS.has(routeKey(route)) ? [] : stringPaths.filter((q) => STORED_TEXT.has(String(q.at(-1))));
      // Stored text: each payload in all such fields at once; a field that refuses it (naming itself) is left
      // out and the rest tried again, so every field that can hold the payload does.
      for (const payload of storedText.length ? (full ? textCorpus : storageShare) : []) {
        tried(payload);
        let fields = storedText;
        while (fields.length) {
          let b = body();
          for (const f of fields) b = setAt(b, f, payload);
          const res = await expectAnswered(
            w.app,
            json(w, route.method, ex.url, b),
            `${JSON.stringify(payload.slice(0, 40))} in ${fields.map(pathName).join(', ')}`,
          );
          if (res.statusCode < 400) break;
          const field = String(res.json().error.field ?? '');
          if (!fields.some((f) => pathName(f) === field)) break; // refused for another reason (a duplicate, a state)
          fields = fields.filter((f) => pathName(f) !== field);
        }
      }
      for (const p of storedText)
        for (const payload of oversized)
          await expectAnswered(
            w.app,
            json(w, route.method, ex.url, setAt(body(), p, payload)),
            `${pathName(p)}: ${payload.length} characters`,
          );
      // Restricted strings (slugs, e-mail addresses, roles, times): a sample each.
      for (const p of full ? stringPaths.filter((q) => !storedText.includes(q)) : []) {
        for (const payload of sample) {
          tried(payload);
          await expectAnswered(w.app, json(w, route.method, ex.url, setAt(body(), p, payload)), pathName(p));
        }
      }
    }
  });

  it('restricted fields (slug, links, kinds, ids) take only what they should', async () => {
    const route = apiRoutes.find((r) => r.method === 'PUT' && r.url === '/api/v1/articles/:id')!;
    const state = await stateFor(w, route);
    const urlish = [...xss, ...traversal, ...sample];
    const restricted: [JsonPath, string[]][] = [
      [['slug'], [...sample, ...traversal, ...idLike, ...sqli.slice(0, 10)]],
      [['body', 0, 'content', 1, 'href'], urlish],
      [['body', 5, 'url'], urlish],
      [['kind'], sample],
      [['body', 4, 'style'], sample],
      [['body', 0, 'type'], sample],
      [['primarySectionId'], sample],
    ];
    for (const [p, payloads] of restricted) {
      for (const payload of full ? payloads : sample) {
        tried(payload);
        const ex = apiExample(route, w, state);
        const res = await expectAnswered(w.app, json(w, 'PUT', ex.url, setAt(ex.body, ['article', ...p], payload)), pathName(p));
        if (res.statusCode === 200) {
          state.revision = res.json().revision;
          // A link that got in must be one readers can follow safely; a slug must be a slug (or empty: derived).
          if (pathName(p).endsWith('href')) expect(payload).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
          if (pathName(p) === 'slug') expect(payload.trim()).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        }
      }
    }
  });
  it('query text that reaches the database: the media library search, article lists, and the readers’ search (FTS5 or tsquery)', async () => {
    for (const text of [...sqli, ...unicode, ...xss.slice(0, 5)]) {
      const value = urlEncode(text);
      tried(text);
      // Searches always answer with results (maybe none); the list's enum and number parameters may refuse.
      const cases: [string, boolean][] = [
        [`/api/v1/media?q=${value}`, text.length <= 100], // the API's limit for a media search
        [`/search?q=${value}`, true],
        [`/search?q=${value}&page=2`, false],
        [`/api/v1/articles?status=${value}&mine=${value}&limit=${value}`, false],
      ];
      for (const [url, page] of cases) {
        const res = await expectAnswered(w.app, { method: 'GET', url, headers: admin() });
        if (page) expect(res.statusCode, url).toBe(200);
      }
    }
  });
});
