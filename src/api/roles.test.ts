// Who may do what through the JSON API: every route in apiRoutes × writer, editor, admin and anonymous, with
// Bearer tokens. The expected table is written by hand from the newsroom's rules, not derived from can().
// A refusal must be 403 FORBIDDEN (401 NOT_SIGNED_IN without a token) and must leave the data untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { apiRoutes } from './routes.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeMedia, makePerson, makeSection, T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, member, team, type Member } from '../../test/support/newsroom.ts';

type Who = 'writer' | 'editor' | 'admin' | 'anonymous';
const Y = true;
const N = false;

/**
 * [writer, editor, admin]; anonymous is always refused. Writers act on their OWN article here (a draft, or
 * in review where the operation needs it); editors and admins act on a writer's article.
 * Writers create and edit their own drafts and in-review articles, submit their own drafts, manage their
 * own API tokens; they cannot publish, schedule, unpublish, correct, or manage sections, collections,
 * users or the audit log. Editors may do everything on articles, sections and collections; only admins
 * manage users and read the audit log.
 */
const EXPECTED: Record<string, [boolean, boolean, boolean]> = {
  'GET /api/v1/me': [Y, Y, Y],
  'GET /api/v1/articles': [Y, Y, Y],
  'POST /api/v1/articles': [Y, Y, Y],
  'GET /api/v1/articles/:id': [Y, Y, Y],
  'PUT /api/v1/articles/:id': [Y, Y, Y],
  'GET /api/v1/articles/:id/history': [Y, Y, Y],
  'POST /api/v1/articles/:id/restore': [Y, Y, Y],
  'POST /api/v1/articles/:id/submit': [Y, Y, Y],
  'POST /api/v1/articles/:id/publish': [N, Y, Y],
  'POST /api/v1/articles/:id/schedule': [N, Y, Y],
  'POST /api/v1/articles/:id/unpublish': [N, Y, Y],
  // Pulling one's own submission back from review is an edit of one's own in-review article.
  'POST /api/v1/articles/:id/draft': [Y, Y, Y],
  'POST /api/v1/articles/:id/lock': [Y, Y, Y],
  // Bulk actions change many articles at once, published ones included: an editor's tool.
  'POST /api/v1/articles/bulk': [N, Y, Y],
  'POST /api/v1/articles/:id/corrections': [N, Y, Y],
  // Publishing or discarding a live article's held changes is an editor's decision.
  'POST /api/v1/articles/:id/update': [N, Y, Y],
  'POST /api/v1/articles/:id/discard': [N, Y, Y],
  'GET /api/v1/collections/:slug': [N, Y, Y],
  'PUT /api/v1/collections/:slug': [N, Y, Y],
  'POST /api/v1/sections': [N, Y, Y],
  'PUT /api/v1/sections/:id': [N, Y, Y],
  // Everyone who writes picks bylines; editors manage who the authors are.
  'GET /api/v1/people': [Y, Y, Y],
  'POST /api/v1/people': [N, Y, Y],
  'PUT /api/v1/people/:id': [N, Y, Y],
  'POST /api/v1/people/:id/merge': [N, Y, Y],
  // Everyone who writes tags articles (and may look tags up); editors rename, describe and merge them.
  'GET /api/v1/tags': [Y, Y, Y],
  'PUT /api/v1/tags/:id': [N, Y, Y],
  'POST /api/v1/tags/:id/merge': [N, Y, Y],
  // Static pages (About, policies…) speak for the outlet: editors write and publish them.
  'GET /api/v1/pages': [N, Y, Y],
  'POST /api/v1/pages': [N, Y, Y],
  'GET /api/v1/pages/:id': [N, Y, Y],
  'PUT /api/v1/pages/:id': [N, Y, Y],
  'POST /api/v1/pages/:id/publish': [N, Y, Y],
  'POST /api/v1/pages/:id/unpublish': [N, Y, Y],
  'DELETE /api/v1/pages/:id': [N, Y, Y],
  'GET /api/v1/users': [N, N, Y],
  'POST /api/v1/users': [N, N, Y],
  'PUT /api/v1/users/:id/role': [N, N, Y],
  'GET /api/v1/tokens': [Y, Y, Y],
  'POST /api/v1/tokens': [Y, Y, Y],
  'DELETE /api/v1/tokens/:id': [Y, Y, Y],
  'GET /api/v1/media': [Y, Y, Y],
  'POST /api/v1/media': [Y, Y, Y],
  // A picture uploaded by another writer: its text shows on their articles, so only editors may change it.
  'PUT /api/v1/media/:id': [N, Y, Y],
  'GET /api/v1/media/:id': [Y, Y, Y],
  'GET /api/v1/audit': [N, N, Y],
};
const ROLE_INDEX = { writer: 0, editor: 1, admin: 2 } as const;
const expectedFor = (key: string, who: Who) => (who === 'anonymous' ? false : EXPECTED[key]![ROLE_INDEX[who]]);

/** The status an article must be in for the operation to make sense. */
const NEEDS: Record<string, 'draft' | 'in_review' | 'published' | 'held'> = {
  update: 'held',
  discard: 'held',
  publish: 'in_review',
  schedule: 'in_review',
  draft: 'in_review',
  unpublish: 'published',
  corrections: 'published',
};

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let sectionId: number;
let seq = 0;
let mediaDir: string;
const observed: Record<string, Record<Who, string>> = {};

beforeAll(async () => {
  t = await suiteTestDb();
  sectionId = await makeSection(t.store, 'news', 'News');
  await t.store.collections.create('editors-choice', "Editor's Choice");
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-roles-'));
  app = await testApp(t.store, { MEDIA_DIR: mediaDir });
  people = await team(app);
});

afterAll(async () => {
  console.table(observed);
  await app.close();
  await t.destroy();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

async function articleIn(status: 'draft' | 'in_review' | 'published' | 'held', owner: Member = people.writer): Promise<number> {
  const { id } = await app.services.content.create(owner.actor, articleBody(sectionId));
  if (status !== 'draft') await app.services.workflow.submit(owner.actor, id);
  if (status === 'published' || status === 'held') await app.services.workflow.publish(people.editor.actor, id);
  // Held: published, then saved again, so there are changes readers do not see yet.
  if (status === 'held') await app.services.content.save(people.editor.actor, id, articleBody(sectionId, { headline: 'Held wording' }), 1);
  return id;
}

/** Builds the world one cell needs and returns the request to send. */
interface Prepared {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  articleId?: number;
}

/** A multipart upload of a tiny PNG, as a browser or curl would send it. */
async function upload(n: number): Promise<Pick<Prepared, 'payload' | 'headers'>> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: n % 256, g: 40, b: 40 } } })
    .png()
    .toBuffer();
  const boundary = `----masthead${n}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA red square\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="square.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function prepare(key: string, actor: Member | null): Promise<Prepared> {
  const [, url] = key.split(' ') as [string, string];
  const n = ++seq;
  if (url.includes('/articles/:id')) {
    const action = url.split('/').at(-1)!;
    const articleId = await articleIn(NEEDS[action] ?? 'draft');
    const rev = (await t.store.editorial.editorialState(articleId))!.revision;
    const payloads: Record<string, unknown> = {
      ':id': { baseRevision: rev, article: articleBody(sectionId, { headline: `Rewritten ${n}` }) },
      restore: { revision: 1, baseRevision: rev },
      schedule: { at: new Date(T0.getTime() + 3_600_000).toISOString() },
      corrections: { kind: 'correction', note: `An earlier version misspelt a name (${n}).` },
      update: { revision: rev },
      discard: { revision: rev },
    };
    return { url: url.replace(':id', String(articleId)), payload: key.startsWith('GET') ? undefined : (payloads[action] ?? {}), articleId };
  }
  switch (key) {
    case 'POST /api/v1/articles':
      return { url, payload: articleBody(sectionId) };
    case 'POST /api/v1/articles/bulk': {
      const articleId = await articleIn('published');
      return { url, payload: { action: 'tag', ids: [articleId], tag: `Bulk ${n}` }, articleId };
    }
    case 'GET /api/v1/collections/:slug':
      return { url: url.replace(':slug', 'editors-choice') };
    case 'PUT /api/v1/collections/:slug':
      return { url: url.replace(':slug', 'editors-choice'), payload: { items: [{ articleId: await articleIn('published') }] } };
    case 'POST /api/v1/sections':
      return { url, payload: { name: `Desk ${n}`, slug: `desk-${n}` } };
    case 'PUT /api/v1/sections/:id': {
      const id = await makeSection(t.store, `old-${n}`);
      return { url: url.replace(':id', String(id)), payload: { name: `Renamed ${n}`, slug: `renamed-${n}` } };
    }
    case 'POST /api/v1/people':
      return { url, payload: { name: `Author ${n}`, title: 'Correspondent', bio: 'Reports on ports.' } };
    case 'PUT /api/v1/people/:id': {
      const id = await makePerson(t.store, `Person ${n}`);
      return { url: url.replace(':id', String(id)), payload: { name: `Renamed ${n}`, title: 'Editor', bio: '' } };
    }
    case 'POST /api/v1/people/:id/merge': {
      const [from, into] = [await makePerson(t.store, `Twin ${n}`), await makePerson(t.store, `Keeper ${n}`)];
      return { url: url.replace(':id', String(from)), payload: { intoId: into } };
    }
    case 'PUT /api/v1/tags/:id': {
      const id = await t.store.taxonomy.ensureTag(`topic-${n}`, `Topic ${n}`);
      return {
        url: url.replace(':id', String(id)),
        payload: { name: `Renamed topic ${n}`, slug: `renamed-topic-${n}`, description: 'About it.' },
      };
    }
    case 'POST /api/v1/tags/:id/merge': {
      const from = await t.store.taxonomy.ensureTag(`twin-topic-${n}`, `Twin topic ${n}`);
      const into = await t.store.taxonomy.ensureTag(`kept-topic-${n}`, `Kept topic ${n}`);
      return { url: url.replace(':id', String(from)), payload: { intoId: into } };
    }
    case 'POST /api/v1/users':
      return { url, payload: { email: `new.${n}@news.example`, name: `New ${n}`, role: 'writer', password: 'a long enough password' } };
    case 'PUT /api/v1/users/:id/role': {
      const id = await t.store.users.create(
        { email: `target.${n}@news.example`, name: `Target ${n}`, role: 'writer', passwordHash: 'x', personId: null },
        T0.toISOString(),
      );
      return { url: url.replace(':id', String(id)), payload: { role: 'editor' } };
    }
    case 'POST /api/v1/media':
      return { url, ...(await upload(n)) };
    case 'GET /api/v1/media/:id':
      return { url: url.replace(':id', String(await makeMedia(t.store, { uploadedBy: people.writer2.user.id }))) };
    case 'PUT /api/v1/media/:id': {
      const id = await makeMedia(t.store, { uploadedBy: people.writer2.user.id });
      return { url: url.replace(':id', String(id)), payload: { alt: `Described ${n}`, caption: 'A caption', credit: 'File photo' } };
    }
    case 'POST /api/v1/tokens':
      return { url, payload: { name: `laptop ${n}` } };
    case 'POST /api/v1/pages':
      return { url, payload: { title: `Page ${n}`, slug: `page-${n}`, body: [{ type: 'paragraph', content: [{ text: 'Text.' }] }] } };
    case 'GET /api/v1/pages/:id':
    case 'PUT /api/v1/pages/:id':
    case 'POST /api/v1/pages/:id/publish':
    case 'POST /api/v1/pages/:id/unpublish':
    case 'DELETE /api/v1/pages/:id': {
      const page = await app.services.pages.create(
        { id: people.editor.user.id, role: 'editor' },
        { title: `Page ${n}`, slug: `a-page-${n}` },
      );
      if (url.endsWith('/unpublish')) await app.services.pages.publish({ id: people.editor.user.id, role: 'editor' }, page.id);
      const payload = key.startsWith('PUT') ? { title: `Renamed page ${n}`, slug: `renamed-page-${n}` } : undefined;
      return { url: url.replace(':id', String(page.id)), ...(payload ? { payload } : {}) };
    }
    case 'DELETE /api/v1/tokens/:id': {
      const owner = actor ?? people.writer;
      const { id } = await app.services.auth.createApiToken(owner.user.id, `spare ${n}`);
      return { url: url.replace(':id', String(id)) };
    }
    default:
      return { url };
  }
}

/** Everything a refused request could have touched, read back through the store. */
async function snapshot(articleId?: number) {
  const s = t.store;
  const tokens = [];
  for (const m of Object.values(people))
    tokens.push(...(await s.users.tokensOf(m.user.id)).map((x) => ({ id: x.id, name: x.name, revoked: x.revoked_at })));
  const choice = (await s.collections.bySlug('editors-choice'))!;
  return {
    article: articleId ? await s.editorial.editorialState(articleId) : null,
    revisions: articleId ? await s.editorial.revisions(articleId) : [],
    transitions: articleId ? await s.editorial.transitions(articleId) : [],
    corrections: articleId ? await s.editorial.corrections(articleId) : [],
    articles: await s.editorial.list({ limit: 1000 }),
    collection: await s.collections.entries(choice.id),
    sections: await s.taxonomy.allSections(),
    people: await s.taxonomy.allPeople(),
    tags: await s.tags.page({ limit: 1000 }),
    pages: await s.pages.all(),
    users: await s.users.list(),
    tokens,
    jobs: await s.jobs.pending(),
    lastAudit: (await s.audit.recent(1))[0]?.id ?? 0,
  };
}

const keys = apiRoutes.map((r) => `${r.method} ${r.url}`);
const cells = keys.flatMap((key) =>
  (['writer', 'editor', 'admin', 'anonymous'] as const).map((who) => {
    const allow = expectedFor(key, who);
    return { key, who, allow, label: `${who.padEnd(9)} ${key} → ${allow ? 'allowed' : who === 'anonymous' ? '401' : '403'}` };
  }),
);

describe('role × operation matrix (JSON API, Bearer tokens)', () => {
  it('the hand-written table covers exactly the routes in apiRoutes', () => {
    expect(keys.length).toBeGreaterThanOrEqual(26);
    expect([...keys].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { key, who, allow, label } of cells)
    it(label, async () => {
      const actor = who === 'anonymous' ? null : people[who];
      const route = apiRoutes.find((r) => `${r.method} ${r.url}` === key)!;
      const cell = await prepare(key, actor);
      const before = await snapshot(cell.articleId);
      const res = await app.inject({
        method: route.method,
        url: cell.url,
        headers: { ...cell.headers, ...(actor ? bearer(actor.token) : {}) },
        ...(cell.payload !== undefined ? { payload: cell.payload as object } : {}),
      });
      (observed[key] ??= {} as Record<Who, string>)[who] = `${res.statusCode}${res.statusCode < 300 ? ' allow' : ' deny'}`;
      if (allow) {
        expect(res.statusCode, res.body).toBe(route.status ?? 200);
        return;
      }
      const [status, code] = who === 'anonymous' ? [401, 'NOT_SIGNED_IN'] : [403, 'FORBIDDEN'];
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe(code);
      expect(await snapshot(cell.articleId)).toEqual(before);
    });
});

describe('writers and other people’s work', () => {
  const put = async (m: Member, id: number, headline: string) => {
    const rev = (await t.store.editorial.editorialState(id))!.revision;
    return app.inject({
      method: 'PUT',
      url: `/api/v1/articles/${id}`,
      headers: bearer(m.token),
      payload: { baseRevision: rev, article: articleBody(sectionId, { headline }) },
    });
  };

  it('a writer cannot edit, restore, submit or even read another writer’s draft', async () => {
    const id = await articleIn('draft', people.writer2);
    const before = await snapshot(id);
    const tries = [
      await put(people.writer, id, 'Hijacked headline'),
      await app.inject({
        method: 'POST',
        url: `/api/v1/articles/${id}/restore`,
        headers: bearer(people.writer.token),
        payload: { revision: 1, baseRevision: 1 },
      }),
      await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/submit`, headers: bearer(people.writer.token), payload: {} }),
      await app.inject({ method: 'GET', url: `/api/v1/articles/${id}`, headers: bearer(people.writer.token) }),
    ];
    for (const res of tries) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await snapshot(id)).toEqual(before);
    expect((await put(people.writer2, id, 'The owner may')).statusCode).toBe(200);
  });

  it('the article list shows a writer their own work and published articles, not others’ drafts', async () => {
    const theirs = await articleIn('draft', people.writer2);
    const mine = await articleIn('draft');
    const ids = async (m: Member) =>
      (await app.inject({ method: 'GET', url: '/api/v1/articles?limit=100', headers: bearer(m.token) }))
        .json()
        .items.map((a: { id: number }) => a.id);
    expect(await ids(people.writer)).toContain(mine);
    expect(await ids(people.writer)).not.toContain(theirs);
    expect(await ids(people.editor)).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('a writer cannot edit their own article once it is published (or scheduled)', async () => {
    const published = await articleIn('published');
    const scheduled = await articleIn('in_review');
    await app.services.workflow.schedule(people.editor.actor, scheduled, { at: new Date(T0.getTime() + 60_000).toISOString() });
    for (const id of [published, scheduled]) {
      const before = await snapshot(id);
      const res = await put(people.writer, id, 'Quietly changed after publication');
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(await snapshot(id)).toEqual(before);
    }
    // Nor can they pull a scheduled article back to draft: that is the editors' call.
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/articles/${scheduled}/draft`,
      headers: bearer(people.writer.token),
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect((await t.store.editorial.editorialState(scheduled))!.status).toBe('scheduled');
    // An editor still can edit the published article.
    expect((await put(people.editor, published, 'Editors may fix it')).statusCode).toBe(200);
  });

  it('a revoked or unknown token is refused with 401 and changes nothing', async () => {
    const m = await member(app, 'admin');
    await app.services.auth.revokeApiToken(m.user.id, (await t.store.users.tokensOf(m.user.id))[0]!.id);
    const before = await snapshot();
    for (const token of [m.token, 'mh_not-a-real-token']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/sections',
        headers: bearer(token),
        payload: { name: 'Nope', slug: 'nope' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('NOT_SIGNED_IN');
    }
    expect(await snapshot()).toEqual(before);
  });
});
