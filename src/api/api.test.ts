// The JSON API's contract: validation errors that name the field, the OpenAPI document, no lost updates
// (revision conflicts, history, restore) and corrections shown to readers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from './routes.ts';
import { articlePath } from '../domain/urls.ts';
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
const articleCount = async () => (await t.store.editorial.list({ limit: 1000 })).length;

describe('validation errors name the field', () => {
  it('an empty headline → 400 INVALID_INPUT, field "headline", message "headline: …"', async () => {
    const before = await articleCount();
    for (const headline of ['', '   ']) {
      const res = await create(people.writer, { headline });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.field).toBe('headline');
      expect(error.message).toMatch(/^headline: /);
    }
    expect(await articleCount()).toBe(before);
  });

  it('a hero without alt text → field "hero.alt"', async () => {
    const mediaId = await makeMedia(t.store);
    for (const hero of [{ mediaId }, { mediaId, alt: '  ' }]) {
      const res = await create(people.writer, { hero });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'hero.alt' });
      expect(res.json().error.message).toMatch(/^hero\.alt: /);
    }
    expect((await create(people.writer, { hero: { mediaId, alt: 'Delegates at the harbour' } })).statusCode).toBe(201);
  });

  it('a body link to javascript:, data: or another host’s protocol-relative URL → 400 naming the body', async () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/',
    ]) {
      const res = await create(people.writer, { body: [{ type: 'paragraph', content: [{ text: 'click', href }] }] });
      expect(res.statusCode, href).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(res.json().error.field).toBe('body.0.content.0.href');
    }
    expect(
      (await create(people.writer, { body: [{ type: 'paragraph', content: [{ text: 'ok', href: 'https://example.org/' }] }] })).statusCode,
    ).toBe(201);
  });

  it('an unknown section → 400 naming primarySectionId', async () => {
    const res = await create(people.writer, { primarySectionId: 987654 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'primarySectionId' });
    expect(res.json().error.message).toMatch(/^primarySectionId: /);
  });

  it('malformed or empty JSON is a 400 JSON error, never a 500', async () => {
    for (const payload of ['{"headline": ', '{headline: "x"}', '']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { ...bearer(people.writer.token), 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(typeof res.json().error.code).toBe('string');
      expect(typeof res.json().error.message).toBe('string');
    }
    for (const payload of ['[]', '"text"', 'null']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { ...bearer(people.writer.token), 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
    }
  });

  it('a save without baseRevision names it; a non-numeric id is a 404, not a 500', async () => {
    const { id } = (await create(people.writer)).json();
    const res = await call(people.writer, 'PUT', `/api/v1/articles/${id}`, { article: articleBody(sectionId) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('baseRevision');
    for (const bad of ['abc', '99999999999999999999', '-1']) {
      const r = await call(people.editor, 'GET', `/api/v1/articles/${bad}`);
      expect(r.statusCode, bad).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
  });
});

describe('OpenAPI', () => {
  it('GET /api/openapi.json is an OpenAPI 3.1.0 document with a path for every route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('https://news.example');
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${path}`).toBeDefined();
      expect(op.summary).toBe(r.summary);
      for (const name of [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]))
        expect(op.parameters.some((p: { name: string; in: string }) => p.name === name && p.in === 'path')).toBe(true);
      if (r.body) expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
      // Every answer is a documented read model.
      expect(op.operationId).toBe(r.name);
      expect(op.responses[String(r.status)].content['application/json'].schema.type, `${r.method} ${path}`).toBe('object');
    }
    // Lists answer pages, and say how to ask for the next one.
    const list = doc.paths['/api/v1/articles'].get;
    expect(Object.keys(list.responses['200'].content['application/json'].schema.properties)).toEqual(['items', 'nextCursor']);
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['cursor', 'limit', 'status', 'mine']));
    // Snake_case has no place in a read model.
    expect(JSON.stringify(doc.paths)).not.toMatch(/"[a-z]+_[a-z_]+":\s*\{/);
    expect(doc.paths['/api/v1/articles'].post.requestBody.content['application/json'].schema.required).toContain('headline');
  });

  it('an unknown /api/ path is a 404 JSON error', async () => {
    const cases = [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/v1/articles/1/nope'],
      ['POST', '/api/v2/articles'],
      ['DELETE', '/api/v1/articles/1'],
      ['GET', '/api/'],
    ] as const;
    for (const [method, url] of cases) {
      const res = await app.inject({ method, url, headers: bearer(people.admin.token) });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code, url).toBe('NOT_FOUND');
    }
  });
});

describe('no lost updates', () => {
  it('the second save from the same base gets 409 with the other version; neither text is lost', async () => {
    const { id } = (await create(people.writer, { headline: 'First draft' })).json();
    const save = (m: Member, baseRevision: number, headline: string, text: string) =>
      call(m, 'PUT', `/api/v1/articles/${id}`, {
        baseRevision,
        article: articleBody(sectionId, { headline, body: [{ type: 'paragraph', content: [{ text }] }] }),
      });

    const mine = await save(people.writer, 1, 'Writer’s headline', 'The writer’s paragraph.');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ revision: 2, held: false });

    const theirs = await save(people.editor, 1, 'Editor’s headline', 'The editor’s paragraph.');
    expect(theirs.statusCode).toBe(409);
    const { error } = theirs.json();
    expect(error.code).toBe('REVISION_CONFLICT');
    expect(error.details.currentRevision).toBe(2);
    expect(error.details.savedBy).toBe('Wendy Writer');
    expect(error.details.theirs.headline).toBe('Writer’s headline');
    expect(error.details.theirs.body[0].content[0].text).toBe('The writer’s paragraph.');
    // The refused save wrote nothing.
    const current = (await call(people.editor, 'GET', `/api/v1/articles/${id}`)).json();
    expect(current.revision).toBe(2);
    expect(current.article.headline).toBe('Writer’s headline');

    // The editor deliberately keeps their version on the new base: both versions are in the history.
    expect((await save(people.editor, 2, 'Editor’s headline', 'The editor’s paragraph.')).json()).toEqual({ revision: 3, held: false });
    const history = (await call(people.editor, 'GET', `/api/v1/articles/${id}/history`)).json();
    const snaps = history.revisions.map((r: { number: number; article: { headline: string } }) => ({
      n: r.number,
      headline: r.article.headline,
    }));
    expect(snaps).toEqual([
      { n: 3, headline: 'Editor’s headline' },
      { n: 2, headline: 'Writer’s headline' },
      { n: 1, headline: 'First draft' },
    ]);
    expect(history.revisions[1].article.body[0].content[0].text).toBe('The writer’s paragraph.');
  });

  it('two simultaneous saves from one base: exactly one wins', async () => {
    const { id } = (await create(people.writer)).json();
    const put = (headline: string) =>
      call(people.writer, 'PUT', `/api/v1/articles/${id}`, { baseRevision: 1, article: articleBody(sectionId, { headline }) });
    const results = await Promise.all([put('Tab one'), put('Tab two')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await t.store.editorial.revisions(id)).map((r) => r.number)).toEqual([2, 1]);
  });

  it('restore makes a new revision and keeps every older one; a stale base is refused', async () => {
    const { id } = (await create(people.writer, { headline: 'Version one' })).json();
    for (const [base, headline] of [
      [1, 'Version two'],
      [2, 'Version three'],
    ] as const) {
      expect(
        (await call(people.writer, 'PUT', `/api/v1/articles/${id}`, { baseRevision: base, article: articleBody(sectionId, { headline }) }))
          .statusCode,
      ).toBe(200);
    }
    const stale = await call(people.writer, 'POST', `/api/v1/articles/${id}/restore`, { revision: 1, baseRevision: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REVISION_CONFLICT');
    const res = await call(people.writer, 'POST', `/api/v1/articles/${id}/restore`, { revision: 1, baseRevision: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revision: 4, held: false });
    const revs = await t.store.editorial.revisions(id);
    expect(revs.map((r) => [r.number, r.kind, JSON.parse(r.snapshot).headline])).toEqual([
      [4, 'restore', 'Version one'],
      [3, 'save', 'Version three'],
      [2, 'save', 'Version two'],
      [1, 'create', 'Version one'],
    ]);
    expect((await t.store.articles.byId(id))!.headline).toBe('Version one');
    expect((await call(people.writer, 'POST', `/api/v1/articles/${id}/restore`, { revision: 9, baseRevision: 4 })).statusCode).toBe(404);
  });
});

describe('corrections', () => {
  it('an editor’s correction appears, dated, in aside.corrections on the public page; a writer cannot add one', async () => {
    const { id } = (await create(people.writer, { headline: 'Port fees rise again' })).json();
    await call(people.writer, 'POST', `/api/v1/articles/${id}/submit`, {});
    expect((await call(people.editor, 'POST', `/api/v1/articles/${id}/publish`, {})).statusCode).toBe(200);
    const row = (await t.store.articles.byId(id))!;
    const url = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
    expect((await app.inject({ method: 'GET', url })).body).not.toContain('class="corrections"');

    const denied = await call(people.writer, 'POST', `/api/v1/articles/${id}/corrections`, {
      kind: 'correction',
      note: 'Writer tries to append.',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect(await t.store.editorial.corrections(id)).toEqual([]);

    const note = 'An earlier version said fees rose 40%; they rose 14%. <b>not bold</b>';
    const added = await call(people.editor, 'POST', `/api/v1/articles/${id}/corrections`, { kind: 'correction', note });
    expect(added.statusCode).toBe(201);
    expect(added.json().id).toBeTypeOf('number');

    const page = await app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    const aside = /<aside class="corrections"[^>]*>([^]*?)<\/aside>/.exec(page.body)?.[1];
    expect(aside).toBeDefined();
    expect(aside).toContain('An earlier version said fees rose 40%; they rose 14%. &lt;b>not bold&lt;/b>');
    expect(aside).toContain('<time datetime="2026-11-20T12:00:00.000Z">20 November 2026');
    expect(aside).toMatch(/Correction, /);

    const history = (await call(people.editor, 'GET', `/api/v1/articles/${id}/history`)).json();
    expect(history.corrections.map((c: { kind: string; note: string }) => [c.kind, c.note])).toEqual([['correction', note]]);
  });

  it('an empty note or an unknown kind is refused with the field named', async () => {
    const { id } = (await create(people.editor)).json();
    const empty = await call(people.editor, 'POST', `/api/v1/articles/${id}/corrections`, { kind: 'correction', note: ' ' });
    expect(empty.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'note' });
    const kind = await call(people.editor, 'POST', `/api/v1/articles/${id}/corrections`, { kind: 'retraction', note: 'x' });
    expect(kind.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'kind' });
  });
});

describe('read models', () => {
  it('lists answer in one naming style, never raw rows', async () => {
    const { id } = (await create(people.editor)).json();
    const list = (await call(people.editor, 'GET', '/api/v1/articles?limit=5')).json();
    const item = list.items.find((i: { id: number }) => i.id === id);
    expect(Object.keys(item).sort()).toEqual(
      [
        'createdBy',
        'createdByName',
        'firstPublishedAt',
        'headline',
        'heldChanges',
        'id',
        'kind',
        'modifiedAt',
        'revision',
        'scheduledAt',
        'sectionName',
        'status',
      ].sort(),
    );
    expect(item).toMatchObject({ status: 'draft', heldChanges: false, createdByName: people.editor.user.name });
    const tokens = (await call(people.editor, 'GET', '/api/v1/tokens')).json();
    for (const t of tokens.items) expect(Object.keys(t).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
  });
});
