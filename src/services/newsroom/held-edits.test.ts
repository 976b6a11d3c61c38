// Edits to a published article stay out of public view until an editor updates (now or at a time) or discards
// them: the article page (with the page cache on), feeds, search and the newsroom each see what they should.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../../domain/urls.ts';
import { dialects, type TestDb } from '../../../test/support/db.ts';
import { makeSection, T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';
import { articleBody, bearer, signIn, team, type Member } from '../../../test/support/newsroom.ts';

describe.each(dialects)('held edits of published articles on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let people: Awaited<ReturnType<typeof team>>;
  let sectionId: number;
  let now = T0;
  const clock = () => now;

  beforeAll(async () => {
    t = await open();
    sectionId = await makeSection(t.store, 'world', 'World');
    app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '16' }, clock);
    people = await team(app);
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const send = (m: Member, method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
    app.inject({ method, url, headers: bearer(m.token), ...(payload && { payload }) });
  const page = async (id: number) => {
    const row = (await t.store.articles.byId(id))!;
    const res = await app.inject({
      method: 'GET',
      url: articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC'),
    });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const feed = async () => (await app.inject({ method: 'GET', url: '/feed.xml' })).body;
  const search = async (q: string) => (await app.inject({ method: 'GET', url: `/search?q=${q}` })).body;

  async function live(headline: string): Promise<{ id: number; revision: number; article: Record<string, unknown> }> {
    const article = articleBody(sectionId, { headline, body: [{ type: 'paragraph', content: [{ text: 'Original wording.' }] }] });
    const created = await send(people.editor, 'POST', '/api/v1/articles', article);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await send(people.editor, 'POST', `/api/v1/articles/${id}/publish`)).statusCode).toBe(200);
    return { id, revision: 1, article };
  }

  async function autosave(m: Member, id: number, baseRevision: number, article: object) {
    const res = await send(m, 'PUT', `/api/v1/articles/${id}`, { baseRevision, article, autosave: true });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { revision: number; held: boolean };
  }

  it('an autosave on a live article reaches no reader, feed or search until Update', async () => {
    const a = await live('Bridge reopens after repairs');
    expect(await page(a.id)).toContain('Original wording.'); // cached now
    expect(await feed()).toContain('Original wording.');

    const half = {
      ...a.article,
      headline: 'Bridge reopens after repa',
      body: [{ type: 'paragraph', content: [{ text: 'Half-typed sentenc' }] }],
    };
    const saved = await autosave(people.editor, a.id, 1, half);
    expect(saved).toEqual({ revision: 2, held: true });

    for (const html of [await page(a.id), await feed()]) {
      expect(html).toContain('Original wording.');
      expect(html).not.toContain('Half-typed');
    }
    expect(await search('sentenc')).not.toContain('Bridge reopens');
    // The newsroom's editor and the API read the working copy, and know it is held.
    const current = (await send(people.editor, 'GET', `/api/v1/articles/${a.id}`)).json();
    expect(current.article.headline).toBe('Bridge reopens after repa');
    expect((await t.store.editorial.editorialState(a.id))!.held_revision).toBe(2);

    const finished = {
      ...half,
      headline: 'Bridge reopens after repairs finish',
      body: [{ type: 'paragraph', content: [{ text: 'Finished sentence.' }] }],
    };
    const second = await autosave(people.editor, a.id, 2, finished);
    // Update names the revision the editor saw; an older one is a conflict, not a silent publication.
    const stale = await send(people.editor, 'POST', `/api/v1/articles/${a.id}/update`, { revision: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REVISION_CONFLICT');
    expect(await page(a.id)).not.toContain('Finished sentence.');

    now = new Date(T0.getTime() + 60_000);
    const updated = await send(people.editor, 'POST', `/api/v1/articles/${a.id}/update`, {
      revision: second.revision,
      significantUpdate: true,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const html = await page(a.id);
    expect(html).toContain('Finished sentence.');
    expect(html).toContain('Bridge reopens after repairs finish');
    expect(await feed()).toContain('Finished sentence.');
    expect(await search('finished')).toContain('Bridge reopens after repairs finish');
    expect(await t.store.editorial.editorialState(a.id)).toMatchObject({ held_revision: null, updated_at: now.toISOString(), revision: 3 });
  });

  it('Discard brings the working copy back to what readers see; both versions stay in the history', async () => {
    const a = await live('Ferry timetable changes');
    const saved = await autosave(people.editor, a.id, 1, { ...a.article, headline: 'Ferry timetable changes (draft wording)' });
    const discarded = await send(people.editor, 'POST', `/api/v1/articles/${a.id}/discard`, { revision: saved.revision });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json().revision).toBe(3);
    const current = (await send(people.editor, 'GET', `/api/v1/articles/${a.id}`)).json();
    expect(current.article.headline).toBe('Ferry timetable changes');
    expect((await t.store.editorial.editorialState(a.id))!.held_revision).toBeNull();
    const history = (await send(people.editor, 'GET', `/api/v1/articles/${a.id}/history`)).json();
    expect(history.revisions.map((r: { kind: string }) => r.kind)).toEqual(['discard', 'autosave', 'create']);
    // Nothing left to update or discard.
    expect((await send(people.editor, 'POST', `/api/v1/articles/${a.id}/update`, { revision: 3 })).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('a scheduled update goes live when due, through the job runner', async () => {
    const a = await live('Museum extends opening hours');
    const saved = await autosave(people.editor, a.id, 1, {
      ...a.article,
      body: [{ type: 'paragraph', content: [{ text: 'Open until ten from Monday.' }] }],
    });
    const at = new Date(T0.getTime() + 3_600_000).toISOString();
    const scheduled = await send(people.editor, 'POST', `/api/v1/articles/${a.id}/schedule`, { at, note: 'Embargo' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(await t.store.editorial.editorialState(a.id)).toMatchObject({
      status: 'published',
      scheduled_at: at,
      held_revision: saved.revision,
    });
    expect(await app.services.jobs.runDue()).toBe(0);
    expect(await page(a.id)).not.toContain('Open until ten');

    now = new Date(T0.getTime() + 3_600_001);
    expect(await app.services.jobs.runDue()).toBe(1);
    expect(await page(a.id)).toContain('Open until ten from Monday.');
    expect(await t.store.editorial.editorialState(a.id)).toMatchObject({ status: 'published', scheduled_at: null, held_revision: null });
  });

  it('writers cannot update or discard; the editor page says that changes are held and offers the actions', async () => {
    const a = await live('Harbour dredging begins');
    const saved = await autosave(people.editor, a.id, 1, { ...a.article, standfirst: 'Work starts at dawn.' });
    for (const action of ['update', 'discard']) {
      const res = await send(people.writer, 'POST', `/api/v1/articles/${a.id}/${action}`, { revision: saved.revision });
      expect(res.statusCode).toBe(403);
    }
    const s = await signIn(app, people.editor.user.email);
    const editor = await app.inject({ method: 'GET', url: `/newsroom/articles/${a.id}`, headers: s.headers() });
    expect(editor.body).toMatch(/<div class="nr-notice nr-held" role="status" data-held-notice="true">/); // shown: not hidden
    // Update is the bar's main action (it saves the form, then publishes it); Discard is a form of its own.
    expect(editor.body).toMatch(
      /<button type="submit" class="ed-button ed-primary" form="article-form" name="andUpdate" value="1"[^>]*>Update<\/button>/,
    );
    expect(editor.body).toContain(`action="/newsroom/articles/${a.id}/discard"`);
    const dashboard = await app.inject({ method: 'GET', url: '/newsroom', headers: s.headers() });
    expect(dashboard.body).toMatch(
      /Harbour dredging begins<\/a><p class="nr-dash-meta"><span class="nr-status nr-status-published">Published<\/span><span class="nr-status nr-status-held">Unpublished changes<\/span><span>World<\/span>/,
    );
    // The preview shows the held version; the public page does not.
    const preview = await app.inject({ method: 'GET', url: `/newsroom/articles/${a.id}/preview`, headers: s.headers() });
    expect(preview.body).toContain('Work starts at dawn.');
    expect(await page(a.id)).not.toContain('Work starts at dawn.');

    // "Save and update live article" from the form: one request saves and publishes.
    const form = new URLSearchParams({
      _csrf: s.csrf,
      baseRevision: String(saved.revision),
      headline: 'Harbour dredging begins at dawn',
      primarySectionId: String(sectionId),
      andUpdate: '1',
    });
    const res = await app.inject({
      method: 'POST',
      url: `/newsroom/articles/${a.id}`,
      headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/newsroom/articles/${a.id}?done=update`);
    expect(await page(a.id)).toContain('Harbour dredging begins at dawn');
  });

  it('edits held when an article was withdrawn are part of what is published again', async () => {
    const a = await live('Road closure on the coast');
    await autosave(people.editor, a.id, 1, { ...a.article, headline: 'Road closure on the coast lifted' });
    expect((await send(people.editor, 'POST', `/api/v1/articles/${a.id}/unpublish`)).statusCode).toBe(200);
    expect((await send(people.editor, 'POST', `/api/v1/articles/${a.id}/publish`)).statusCode).toBe(200);
    expect(await page(a.id)).toContain('Road closure on the coast lifted');
    expect((await t.store.editorial.editorialState(a.id))!.held_revision).toBeNull();
  });
});
