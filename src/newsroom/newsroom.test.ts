// The newsroom's HTML pages through HTTP: sign-in, the editor's no-JavaScript save path, conflicts that keep
// the user's text, workflow buttons, preview, collections and section renames as readers see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';

let t: TestDb;
let app: FastifyInstance;
let news: number;
const PASSWORD = 'correct horse battery staple';

const cookieOf = (res: { headers: Record<string, unknown> }, name: string) => {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const hit = raw.find((c) => c.startsWith(`${name}=`));
  return hit ? hit.split(';')[0]!.slice(name.length + 1) : undefined;
};

async function signIn(email: string) {
  const page = await app.inject({ method: 'GET', url: '/newsroom/sign-in' });
  const pre = cookieOf(page, 'mh_signin_csrf')!;
  const res = await app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    cookies: { mh_signin_csrf: pre },
    payload: new URLSearchParams({ _csrf: pre, email, password: PASSWORD }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode).toBe(303);
  const session = cookieOf(res, 'mh_session')!;
  const dash = await app.inject({ method: 'GET', url: '/newsroom', cookies: { mh_session: session } });
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(dash.body)![1]!;
  const post = (url: string, payload: Record<string, string | string[]>) =>
    app.inject({
      method: 'POST',
      url,
      cookies: { mh_session: session },
      payload: new URLSearchParams(
        Object.entries({ _csrf: csrf, ...payload }).flatMap(([k, v]) => ([] as string[]).concat(v).map((x) => [k, x])),
      ).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const get = (url: string) => app.inject({ method: 'GET', url, cookies: { mh_session: session } });
  return { session, csrf, post, get };
}

const form = (headline: string, baseRevision: number, extra: Record<string, string> = {}) => ({
  baseRevision: String(baseRevision),
  headline,
  standfirst: 'A standfirst.',
  slug: '',
  kind: 'news',
  primarySectionId: String(news),
  tags: 'Harbours, Trade',
  body: JSON.stringify([{ type: 'paragraph', content: [{ text: 'Body words.' }] }]),
  ...extra,
});

beforeAll(async () => {
  t = await sqliteTestDb();
  news = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store, {}, () => new Date());
  await app.services.auth.createUser({ email: 'writer@example.org', name: 'Wren Writer', role: 'writer', password: PASSWORD });
  await app.services.auth.createUser({ email: 'editor@example.org', name: 'Edda Editor', role: 'editor', password: PASSWORD });
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('newsroom pages', () => {
  it('send signed-out readers to the sign-in page and back afterwards', async () => {
    const res = await app.inject({ method: 'GET', url: '/newsroom/articles/new' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/sign-in?next=%2Fnewsroom%2Farticles%2Fnew');
    const page = await app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('name="next" value="/newsroom/articles/new"');
  });

  it('refuse an open redirect after sign-in', async () => {
    const page = await app.inject({ method: 'GET', url: '/newsroom/sign-in?next=//evil.example/x' });
    expect(page.body).not.toContain('evil.example');
  });

  it('let a writer create and save a draft without JavaScript, then submit it', async () => {
    const w = await signIn('writer@example.org');
    const created = await w.post('/newsroom/articles', form('Harbour fees rise again', 1));
    expect(created.statusCode).toBe(303);
    const url = (created.headers.location as string).split('?')[0]!;
    const editor = await w.get(created.headers.location as string);
    expect(editor.body).toContain('>Harbour fees rise again</textarea>');
    expect(editor.body).toContain('Draft created.');
    const saved = await w.post(url, form('Harbour fees rise for a third year', 1));
    expect(saved.statusCode).toBe(303);
    expect((await w.get(url)).body).toContain('data-revision="true">2<');
    // Submit saves what is in the form and submits it, in one step.
    const submitted = await w.post(url, form('Harbour fees rise for a third year', 2, { intent: 'submit', note: 'Ready' }));
    expect(submitted.headers.location).toBe(`${url}?done=submit`);
    const after = await w.get(url);
    expect(after.body).toContain('data-status="true">In review<');
    expect(after.body).not.toContain('value="publish"'); // writers cannot publish
    expect(after.body).toContain('data-revision="true">2<'); // nothing changed, so no new revision
  });

  it('keep the loser’s text on a conflicting save and rebase the form on the newer revision', async () => {
    const e = await signIn('editor@example.org');
    const created = await e.post('/newsroom/articles', form('Ferry timetable changes', 1));
    const url = (created.headers.location as string).split('?')[0]!;
    expect((await e.post(url, form('First editor’s version', 1))).statusCode).toBe(303);
    const conflict = await e.post(url, form('Second editor’s version', 1));
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('>Second editor’s version</textarea>');
    expect(conflict.body).toContain('name="baseRevision" value="2"');
    expect(conflict.body).toContain('saved a newer version');
    const history = await e.get(`${url}/history?a=1&b=2`);
    expect(history.body).toMatch(/<ins>[^<]*First/);
  });

  it('let an editor schedule in the newsroom time zone, publish, correct and unpublish, as readers see it', async () => {
    const e = await signIn('editor@example.org');
    const created = await e.post('/newsroom/articles', form('Port authority names a new chief', 1));
    const url = (created.headers.location as string).split('?')[0]!;
    const id = Number(url.split('/').at(-1));
    const sched = await e.post(url, form('Port authority names a new chief', 1, { intent: 'schedule', at: '2999-01-01T09:30' }));
    expect(sched.statusCode).toBe(303);
    expect((await e.get(url)).body).toContain('1 January 2999 at 09:30 UTC');
    expect((await e.post(url, form('Port authority names a new chief', 1, { intent: 'publish', note: 'Now' }))).statusCode).toBe(303);
    const row = (await t.store.articles.byId(id))!;
    const publicUrl = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
    expect((await app.inject({ method: 'GET', url: publicUrl })).statusCode).toBe(200);
    await e.post(`${url}/corrections`, { kind: 'correction', note: 'An earlier version misspelt the chief’s name.' });
    expect((await app.inject({ method: 'GET', url: publicUrl })).body).toMatch(/<aside class="corrections"[^]*misspelt/);
    await e.post(`${url}/unpublish`, { note: 'Legal' });
    const gone = await app.inject({ method: 'GET', url: publicUrl });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Article removed');
  });

  it('show a private preview only to signed-in users', async () => {
    const draft = await makeArticle(t.store, { headline: 'Unreleased draft', sectionId: news, status: 'draft' });
    expect((await app.inject({ method: 'GET', url: `/newsroom/articles/${draft}/preview` })).statusCode).toBe(303);
    const e = await signIn('editor@example.org');
    const preview = await e.get(`/newsroom/articles/${draft}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h1>Unreleased draft</h1>');
    expect(preview.headers['x-robots-tag']).toBe('noindex');
  });

  it('reorder a collection with buttons and the home page follows at once', async () => {
    const a = await makeArticle(t.store, { headline: 'Alpha story', sectionId: news, hoursAgo: 1 });
    const b = await makeArticle(t.store, { headline: 'Beta story', sectionId: news, hoursAgo: 2 });
    const c = await t.store.collections.create('editors-choice', "Editor's Choice");
    await t.store.collections.setItems(c, [{ articleId: a }, { articleId: b }]);
    const e = await signIn('editor@example.org');
    const rail = async () => /<aside class="rail"[^]*?<\/aside>/.exec((await app.inject({ method: 'GET', url: '/' })).body)![0];
    expect((await rail()).indexOf('Alpha')).toBeLessThan((await rail()).indexOf('Beta'));
    expect((await e.post('/newsroom/collections/editors-choice', { op: 'down', index: '0' })).statusCode).toBe(303);
    expect((await rail()).indexOf('Beta')).toBeLessThan((await rail()).indexOf('Alpha'));
    const w = await signIn('writer@example.org');
    expect((await w.post('/newsroom/collections/editors-choice', { op: 'down', index: '0' })).statusCode).toBe(403);
  });

  it('keep old section URLs working after a rename', async () => {
    const id = await makeSection(t.store, 'news/europe', 'Europe');
    const e = await signIn('editor@example.org');
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/sections/${id}`,
      cookies: { mh_session: e.session },
      headers: { 'x-csrf-token': e.csrf },
      payload: { name: 'Europe & Eurasia', slug: 'eurasia', parentId: news },
    });
    expect(res.statusCode).toBe(200);
    const old = await app.inject({ method: 'GET', url: '/news/europe?page=1' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/news/eurasia?page=1');
    expect((await app.inject({ method: 'GET', url: '/news/eurasia' })).body).toContain('<h1>Europe &amp; Eurasia</h1>');
  });
});

describe('the article list', () => {
  it('finds a story by a word from its body, whatever its status, and narrows it with the form’s filters', async () => {
    const sport = await makeSection(t.store, 'sport-finder', 'Sport');
    app.services.reader.forgetSections(); // made in the store directly, not through the newsroom, which would say so
    const body = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];
    await makeArticle(t.store, {
      headline: 'Keeper of the light',
      body: body('The lighthouse keeper retired.'),
      sectionId: news,
      hoursAgo: 3,
    });
    await makeArticle(t.store, {
      headline: 'A draft about the coast',
      body: body('A lighthouse draft nobody has seen.'),
      status: 'draft',
      sectionId: sport,
    });
    const editor = await signIn('editor@example.org');
    const all = await editor.get('/newsroom/articles?q=lighthouse');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Keeper of the light');
    expect(all.body).toContain('A draft about the coast');
    // The form keeps what was asked, and offers sections by name.
    expect(all.body).toContain('value="lighthouse"');
    expect(all.body).toMatch(/<option value="\d+">Sport<\/option>/);
    const published = await editor.get(
      `/newsroom/articles?q=lighthouse&status=published&section=&author=&kind=&tag=&from=&to=&sort=modified`,
    );
    expect(published.body).toContain('Keeper of the light');
    expect(published.body).not.toContain('A draft about the coast');
    const inSport = await editor.get(`/newsroom/articles?q=lighthouse&section=${sport}`);
    expect(inSport.body).not.toContain('Keeper of the light');
    expect(inSport.body).toContain('A draft about the coast');
    // Dates are the newsroom's days: published today (T0 is in the past), so a range in 2020 finds nothing.
    const old = await editor.get('/newsroom/articles?q=lighthouse&sort=published&from=2020-01-01&to=2020-01-31');
    expect(old.body).not.toContain('Keeper of the light');
    const bad = await editor.get('/newsroom/articles?status=lost');
    expect(bad.statusCode).toBe(400);
    // The dashboard's navigation leads here.
    expect((await editor.get('/newsroom')).body).toContain('href="/newsroom/articles"');
  });
});

describe('bulk actions on the article list', () => {
  it('an editor tags the chosen articles and comes back to the same list, told what changed and what did not', async () => {
    const body = [{ type: 'paragraph' as const, content: [{ text: 'A breakwater story.' }] }];
    const live = await makeArticle(t.store, { headline: 'Breakwater opens', body, sectionId: news, hoursAgo: 2 });
    const draft = await makeArticle(t.store, { headline: 'Breakwater draft', body, status: 'draft', sectionId: news });
    const editor = await signIn('editor@example.org');
    const list = await editor.get('/newsroom/articles?q=breakwater');
    expect(list.body).toContain('action="/newsroom/articles/bulk"');
    const res = await editor.post('/newsroom/articles/bulk', {
      action: 'tag',
      tag: 'Coastline',
      ids: [String(live), String(draft)],
      back: 'q=breakwater&evil=1',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/articles?q=breakwater&bulkDone=2');
    expect((await editor.get(res.headers.location as string)).body).toContain('Changed 2 articles.');
    const tagged = await editor.get('/newsroom/articles?tag=coastline');
    expect(tagged.body).toContain('Breakwater opens');
    expect(tagged.body).toContain('Breakwater draft');
    // Withdrawing a draft is not possible: the list says which one and why.
    const withdraw = await editor.post('/newsroom/articles/bulk', { action: 'unpublish', ids: [String(draft)] });
    expect(withdraw.headers.location).toMatch(/bulkDone=0&bulkFailed=/);
    expect((await editor.get(withdraw.headers.location as string)).body).toContain(`Not changed: ${draft}: The article is draft`);
  });

  it('writers get no bulk form, and a bulk request from one is refused', async () => {
    const writer = await signIn('writer@example.org');
    expect((await writer.get('/newsroom/articles')).body).not.toContain('/newsroom/articles/bulk');
    const res = await writer.post('/newsroom/articles/bulk', { action: 'tag', tag: 'Nope', ids: ['1'] });
    expect(res.statusCode).toBe(403);
  });
});

describe('bulk actions with nothing chosen', () => {
  it('come back to the list asking to choose articles first, changing nothing', async () => {
    const editor = await signIn('editor@example.org');
    const res = await editor.post('/newsroom/articles/bulk', { action: 'tag', tag: '', back: 'status=draft' });
    expect(res.headers.location).toBe('/newsroom/articles?status=draft&bulkNone=1');
    expect((await editor.get(res.headers.location as string)).body).toContain('Choose the articles first');
  });
});

describe('authors', () => {
  it('an editor adds an author and changes their title; writers cannot reach the page', async () => {
    const editor = await signIn('editor@example.org');
    const created = await editor.post('/newsroom/people', {
      name: 'Inés Okafor',
      slug: '',
      title: 'Health reporter',
      bio: 'Covers clinics.',
    });
    expect(created.statusCode).toBe(303);
    const page = await editor.get('/newsroom/people?done=1');
    expect(page.body).toContain('Inés Okafor');
    expect(page.body).toContain('/author/ines-okafor');
    const person = (await t.store.taxonomy.personBySlug('ines-okafor'))!;
    const saved = await editor.post(`/newsroom/people/${person.id}`, {
      name: 'Inés Okafor',
      title: 'Health editor',
      bio: 'Covers clinics.',
    });
    expect(saved.statusCode).toBe(303);
    expect((await t.store.taxonomy.personBySlug('ines-okafor'))!.title).toBe('Health editor');
    const writer = await signIn('writer@example.org');
    expect((await writer.get('/newsroom/people')).statusCode).toBe(403);
  });

  it('a journalist linked to an author gets their own byline on a new article', async () => {
    const personId = await t.store.taxonomy.createPerson({ slug: 'byline-bea', name: 'Bea Byline', title: '', bio: '' });
    await app.services.auth.createUser({ email: 'bea@example.org', name: 'Bea Byline', role: 'writer', password: PASSWORD, personId });
    const bea = await signIn('bea@example.org');
    const page = await bea.get('/newsroom/articles/new');
    expect(page.body).toMatch(
      new RegExp(
        `<select id="author-0" form="article-form" name="authorIds">.*?<option value="${personId}" selected>Bea Byline</option>`,
        's',
      ),
    );
  });
});

describe('after publishing or scheduling', () => {
  it('the editor links to the live page, and says when a scheduled story goes out', async () => {
    const editor = await signIn('editor@example.org');
    const id = await makeArticle(t.store, { headline: 'Quay wall repaired', status: 'in_review', sectionId: news });
    const revisionOf = async (article: number) => (await t.store.editorial.editorialState(article))!.revision;
    // "Publish" in the editor's bar: the form is saved and published in one step.
    const published = await editor.post(
      `/newsroom/articles/${id}`,
      form('Quay wall repaired', await revisionOf(id), { intent: 'publish' }),
    );
    expect(published.headers.location).toBe(`/newsroom/articles/${id}?done=publish`);
    const page = await editor.get(published.headers.location as string);
    const live = /<a href="([^"]+)">Read it as readers do<\/a>/.exec(page.body)?.[1];
    expect(live).toMatch(new RegExp(`^/news/\\d{4}/\\d{2}/\\d{2}/${id}/quay-wall-repaired$`));
    expect((await app.inject({ method: 'GET', url: live! })).statusCode).toBe(200);
    expect(page.body).toContain(`<a href="${live}">Live page</a>`);

    const later = await makeArticle(t.store, { headline: 'Harbour fair next week', status: 'in_review', sectionId: news });
    const at = new Date(Date.now() + 86_400_000);
    const local = at.toISOString().slice(0, 16); // the newsroom's zone is UTC in these tests
    const scheduled = await editor.post(
      `/newsroom/articles/${later}`,
      form('Harbour fair next week', await revisionOf(later), { intent: 'schedule', at: local }),
    );
    const after = await editor.get(scheduled.headers.location as string);
    expect(after.body).toMatch(/Scheduled\. It goes out \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\./);
    expect(after.body).not.toContain('Live page');
  });
});

describe('save and act in one step', () => {
  it('publishes a story that was never saved, from the new-article form', async () => {
    const editor = await signIn('editor@example.org');
    const res = await editor.post('/newsroom/articles', form('Lighthouse keepers return to the cape', 1, { intent: 'publish' }));
    expect(res.headers.location).toMatch(/^\/newsroom\/articles\/\d+\?done=publish$/);
    const id = Number(/articles\/(\d+)/.exec(res.headers.location as string)![1]);
    const row = (await t.store.articles.byId(id))!;
    expect([row.status, row.headline]).toEqual(['published', 'Lighthouse keepers return to the cape']);
    expect((await editor.get(res.headers.location as string)).body).toContain('Read it as readers do');
  });

  it('refuses a writer’s Publish before anything is stored, and a Schedule without a time with every field kept', async () => {
    const writer = await signIn('writer@example.org');
    const editor = await signIn('editor@example.org');
    const found = async (words: string) => (await editor.get(`/newsroom/articles?q=${encodeURIComponent(words)}`)).body;
    const refused = await writer.post('/newsroom/articles', form('A writer tries to publish', 1, { intent: 'publish' }));
    expect(refused.statusCode).toBe(403);
    expect(await found('writer tries')).not.toContain('A writer tries to publish');

    const noTime = await editor.post('/newsroom/articles', form('Ferry strike called off', 1, { intent: 'schedule', at: '' }));
    expect(noTime.statusCode).toBe(400);
    expect(noTime.body).toContain('at: choose the date and time it goes out');
    expect(noTime.body).toContain('>Ferry strike called off</textarea>');
    expect(await found('ferry strike')).not.toContain('Ferry strike called off');
    const unknown = await editor.post('/newsroom/articles', form('Ferry strike called off', 1, { intent: 'delete-everything' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('intent: must be one of submit, publish, schedule');
    // The search that found nothing above finds the story once it is saved (so the checks above can fail).
    expect((await editor.post('/newsroom/articles', form('Ferry strike called off', 1))).statusCode).toBe(303);
    expect(await found('ferry strike')).toContain('Ferry strike called off');
  });

  it('Update on a live story with nothing changed adds no revision and says so', async () => {
    const editor = await signIn('editor@example.org');
    const created = await editor.post('/newsroom/articles', form('Tram line opens early', 1, { intent: 'publish' }));
    const url = (created.headers.location as string).split('?')[0]!;
    const id = Number(url.split('/').at(-1));
    const { revision } = (await t.store.editorial.editorialState(id))!;
    const again = await editor.post(url, form('Tram line opens early', revision, { andUpdate: '1' }));
    expect(again.headers.location).toBe(`${url}?done=unchanged`);
    expect((await t.store.editorial.editorialState(id))!.revision).toBe(revision);
    const changed = await editor.post(url, form('Tram line opens a week early', revision, { andUpdate: '1' }));
    expect(changed.headers.location).toBe(`${url}?done=update`);
    expect((await t.store.articles.byId(id))!.headline).toBe('Tram line opens a week early');
  });
});
