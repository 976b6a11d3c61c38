// Properties over generated input (fast-check), beyond the written corpus: any text as a search query, an
// address, a slug; any JSON as an API body; any text as an article's headline, standfirst and body, stored
// through the API and rendered. The server never answers 5xx, a 4xx names the problem, stored text comes back
// exactly (trimmed where the schema trims) or is refused with the article unchanged, and a page rendered from
// stored text has nothing that runs. Runs are bounded (seeded, so a failure replays the same way); the article
// property runs on SQLite and PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { articlePath } from '../../src/domain/urls.ts';
import { dialects } from '../support/db.ts';
import { checkAnswer, expectAnswered, report, send, tried } from './harness.ts';
import { apiExample, apiRoutes, richArticle } from './inventory.ts';
import { executableParts, visibleStrings } from './page-safety.ts';
import { urlEncode } from './payloads.ts';
import { buildWorld, type World } from './world.ts';

/** Fixed seed: the same inputs every run, so a failure is reproducible and the suite's time is stable. */
const SEED = 20261120;

/** Pieces that markup and script injection are made of, so generated text is hostile far more often than chance. */
const HOSTILE_PIECES = [
  '<',
  '>',
  '"',
  "'",
  '`',
  '&',
  '=',
  '/',
  ' ',
  '\n',
  ':',
  ';',
  '(',
  ')',
  '&#',
  '&lt;',
  '<!--',
  '-->',
  ']]>',
  '\u2028',
  '\u2029',
  '\u0000',
  '\ud800',
  '\u202e',
  'script',
  '<script>',
  '</script>',
  '<img src=x onerror=',
  'onload=',
  'onerror=',
  'javascript:',
  'alert(1)',
  'window.__xss(1)',
  '<svg',
  '<iframe',
  'srcdoc=',
  'data:text/html,',
  '{"@type":',
  '\\u003c',
  "' OR 1=1 --",
  'NEAR(',
  '*',
  '"a" AND',
];

/** Any UTF-16 text: valid code points, lone surrogates, controls, and hostile pieces mixed. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength }),
    fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: Math.max(1, Math.floor(maxLength / 4)) }).map((p) => p.join('')),
    fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), {
        maxLength: Math.max(1, Math.floor(maxLength / 4)),
      })
      .map((p) => p.join('')),
  );

const run = <Ts extends [unknown, ...unknown[]]>(p: fc.IAsyncPropertyWithHooks<Ts>, numRuns: number) =>
  fc.assert(p, { seed: SEED, numRuns });

describe.each(dialects)('generated hostile input on $name', ({ name, open }) => {
  const full = name === 'sqlite';
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await open());
  });
  afterAll(async () => {
    report(`properties, ${name}`);
    await w?.close();
  });

  it.skipIf(!full)('any text as a search query: a page, with the query as text and nothing that runs', async () => {
    await run(
      fc.asyncProperty(anyText(120), async (q) => {
        tried(q);
        const res = await expectAnswered(w.app, { method: 'GET', url: `/search?q=${urlEncode(q)}` });
        if (res.statusCode === 200) expect(executableParts(res.body)).toEqual([]);
      }),
      100,
    );
  });

  it.skipIf(!full)('any text as an address, a slug, a feed or a sitemap name: never a 5xx', async () => {
    const shapes = [
      (x: string) => `/${x}`,
      (x: string) => `/news/${x}`,
      (x: string) => `/tag/${x}`,
      (x: string) => `/author/${x}/feed.json`,
      (x: string) => `/news/${x}/feed.xml`,
      (x: string) => `/sitemaps/${x}`,
      (x: string) => `/news/europe/2026/11/20/${x}`,
      (x: string) => `/assets/${x}`,
      (x: string) => `/media/${x}`,
    ];
    await run(
      fc.asyncProperty(fc.nat(shapes.length - 1), anyText(60), fc.boolean(), async (shape, text, raw) => {
        // Either properly escaped, or as raw as a URL can be (only what would break the request line is escaped).
        const piece = raw ? urlEncode(text).replace(/%2F/gi, '/').replace(/%25/g, '%') : urlEncode(text);
        tried(piece);
        await expectAnswered(w.app, { method: 'GET', url: shapes[shape]!(piece) });
      }),
      150,
    );
  });

  it.skipIf(!full)('any JSON as the body of any API write: never a 5xx, a 4xx with a catalogue code', async () => {
    const writes = apiRoutes.filter((r) => r.method !== 'GET' && !r.multipart);
    await run(
      fc.asyncProperty(fc.nat(writes.length - 1), fc.jsonValue({ maxDepth: 4 }), async (i, body) => {
        const route = writes[i]!;
        const ex = apiExample(route, w, { articleId: w.draftId, revision: 1, tokenId: 999, userId: w.people.writer2.user.id });
        tried(body);
        await expectAnswered(w.app, {
          method: route.method,
          url: ex.url,
          headers: { ...w.session.headers(), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
      }),
      120,
    );
  });

  it.skipIf(!full)('any JSON merged into a valid article: never a 5xx', async () => {
    const keys = Object.keys(richArticle(w));
    await run(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
        async (patch) => {
          tried(patch);
          await expectAnswered(w.app, {
            method: 'POST',
            url: '/api/v1/articles',
            headers: { ...w.session.headers(), 'content-type': 'application/json' },
            payload: JSON.stringify({ ...richArticle(w), ...patch }),
          });
        },
      ),
      100,
    );
  });

  it('any text as headline, standfirst and body: stored exactly or refused unchanged, and the page runs nothing', async () => {
    const admin = w.people.admin.actor;
    const { id } = await w.app.services.content.create(admin, richArticle(w, 'Property target'));
    await w.app.services.workflow.submit(admin, id);
    await w.app.services.workflow.publish(admin, id);
    const url = `/api/v1/articles/${id}`;
    const headers = w.session.headers();
    const current = async () =>
      (await send(w.app, { method: 'GET', url, headers })).json() as { revision: number; article: ReturnType<typeof richArticle> };
    let stored = 0;
    await run(
      fc.asyncProperty(
        anyText(200),
        anyText(300),
        fc.array(anyText(400), { minLength: 1, maxLength: 3 }),
        async (headline, standfirst, paragraphs) => {
          tried(headline);
          const before = await current();
          const article = {
            ...richArticle(w),
            headline,
            standfirst,
            body: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })),
          };
          const opts: InjectOptions = {
            method: 'PUT',
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: JSON.stringify({ baseRevision: before.revision, article }),
          };
          const res = await send(w.app, opts);
          checkAnswer(res, opts);
          const after = await current();
          if (res.statusCode >= 400) {
            expect(after).toEqual(before);
            return;
          }
          stored++;
          expect(after.article.headline).toBe(headline.trim());
          expect(after.article.standfirst).toBe(standfirst.trim());
          expect(after.article.body).toEqual(article.body);
          // The article is live, so the save is held until an editor updates it: then readers get exactly this.
          expect(res.json().held).toBe(true);
          const update = await send(w.app, {
            method: 'POST',
            url: `${url}/update`,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: JSON.stringify({ revision: after.revision }),
          });
          expect(update.statusCode, update.body).toBe(200);
          const row = (await w.t.store.articles.byId(id))!;
          expect([row.headline, row.standfirst, JSON.parse(row.body)]).toEqual([headline.trim(), standfirst.trim(), article.body]);
          // The reader's page: nothing runs, and the headline is the page's heading, as text.
          const page = await w.app.services.reader.article(id);
          const html = await send(w.app, { method: 'GET', url: articlePath(page.article, 'UTC') });
          expect(html.statusCode).toBe(200);
          expect(executableParts(html.body)).toEqual([]);
          expect(visibleStrings(html.body).texts.join('')).toContain(headline.trim().replace(/\r\n?/g, '\n'));
        },
      ),
      full ? 40 : 15,
    );
    // Generated text is mostly storable: a run that stored nothing would prove nothing.
    expect(stored).toBeGreaterThan(full ? 12 : 4);
  });
});
