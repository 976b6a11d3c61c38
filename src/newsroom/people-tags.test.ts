// The Authors and Tags pages through HTTP (no JavaScript): an author's photo chosen from the library with
// links, a refused link shown back with the form as sent, merging with a confirmation step; tags found with
// their counts, renamed and described, merged after confirming. Writers reach none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { PASSWORD, getPage, postForm, signIn, type Session } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let news: number;
let editor: Session;
let writer: Session;

beforeAll(async () => {
  t = await sqliteTestDb();
  news = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store);
  for (const role of ['editor', 'writer'] as const)
    await app.services.auth.createUser({ email: `${role}@example.org`, name: `The ${role}`, role, password: PASSWORD });
  editor = await signIn(app, 'editor@example.org');
  writer = await signIn(app, 'writer@example.org');
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const get = (s: Session, url: string) => getPage(app, s, url);
const post = (s: Session, url: string, fields: Record<string, string>) => postForm(app, s, url, fields);

describe('the Authors pages', () => {
  it('an editor picks a photo from the library and adds links; the reader page shows them', async () => {
    const id = await makePerson(t.store, 'Lucía Ferrer');
    const photo = await makeMedia(t.store, { alt: 'Lucía Ferrer portrait' });
    const page = await get(editor, `/newsroom/people/${id}?photoQ=portrait`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`<input type="radio" id="photo-${photo}" name="photoMediaId" value="${photo}"`));
    expect(page.body).toContain('alt="Lucía Ferrer portrait"');
    const fields = { name: 'Lucía Ferrer', slug: 'lucia-ferrer', title: 'Madrid correspondent', bio: 'Spain and Portugal.' };
    const saved = await post(editor, `/newsroom/people/${id}`, {
      ...fields,
      photoMediaId: String(photo),
      linkLabel0: 'Website',
      linkUrl0: 'https://lucia.example/',
      linkLabel1: '',
      linkUrl1: '',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/newsroom/people/${id}?done=1`);
    expect(await t.store.profiles.byId(id)).toMatchObject({
      photoMediaId: photo,
      links: [{ label: 'Website', url: 'https://lucia.example/' }],
    });
    const reader = await app.inject({ method: 'GET', url: '/author/lucia-ferrer' });
    expect(reader.body).toContain('class="author-photo"');
    expect(reader.body).toContain('Madrid correspondent');

    // A refused link: the form comes back as sent, naming the problem, and nothing changes.
    const refused = await post(editor, `/newsroom/people/${id}`, {
      ...fields,
      bio: 'Changed',
      linkLabel0: 'Evil',
      linkUrl0: 'javascript:alert(1)',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('links.0.url');
    expect(refused.body).toContain('value="javascript:alert(1)"');
    expect(refused.body).toContain('Changed</textarea>');
    expect((await t.store.profiles.byId(id))!.bio).toBe('Spain and Portugal.');
  });

  it('merging asks first, then moves the bylines and lands on the remaining author', async () => {
    const from = await makePerson(t.store, 'L. Ferrer Twin');
    const into = await makePerson(t.store, 'Lucía F.');
    await makeArticle(t.store, { sectionId: news, authorIds: [from], headline: 'Twin byline story' });
    const edit = await get(editor, `/newsroom/people/${from}`);
    expect(edit.body).toContain(`action="/newsroom/people/${from}/merge"`);
    const confirm = await get(editor, `/newsroom/people/${from}/merge?into=${into}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('1 byline of L. Ferrer Twin become Lucía F.’s');
    expect(confirm.body).toContain('/author/l-ferrer-twin redirects to /author/lucia-f');
    expect((await t.store.taxonomy.peopleByIds([from])).size).toBe(1); // asking changed nothing
    const done = await post(editor, `/newsroom/people/${from}/merge`, { intoId: String(into) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/newsroom/people/${into}?merged=1`);
    expect((await get(editor, done.headers.location as string)).body).toContain('Merged.');
    expect((await app.inject({ method: 'GET', url: '/author/l-ferrer-twin' })).headers.location).toBe('/author/lucia-f');
    expect((await get(editor, `/newsroom/people/${into}/merge?into=${into}`)).statusCode).toBe(400);
  });

  it('writers reach neither page nor form', async () => {
    const id = await makePerson(t.store, 'Writer Proof Two');
    expect((await get(writer, `/newsroom/people/${id}`)).statusCode).toBe(403);
    expect((await post(writer, `/newsroom/people/${id}`, { name: 'Hijacked' })).statusCode).toBe(403);
    expect((await get(writer, '/newsroom/tags')).statusCode).toBe(403);
    expect((await get(writer, '/newsroom')).body).not.toContain('href="/newsroom/tags"');
    expect((await get(editor, '/newsroom')).body).toContain('href="/newsroom/tags"');
  });
});

describe('the Tags page', () => {
  it('finds tags with counts, renames and describes one; the old address redirects', async () => {
    await makeArticle(t.store, { sectionId: news, tags: ['Elections'] });
    await makeArticle(t.store, { sectionId: news, tags: ['Elections', 'Polling'] });
    const list = await get(editor, '/newsroom/tags?q=elec');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2 articles');
    expect(list.body).not.toContain('Polling');
    const id = (await t.store.tags.bySlug('elections'))!.id;
    const saved = await post(editor, `/newsroom/tags/${id}`, {
      name: 'Elections 2027',
      slug: 'elections-2027',
      description: 'Every vote counted.',
    });
    expect(saved.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/tag/elections' })).headers.location).toBe('/tag/elections-2027');
    expect((await app.inject({ method: 'GET', url: '/tag/elections-2027' })).body).toContain('Every vote counted.');
    const clash = await post(editor, `/newsroom/tags/${id}`, { name: 'Elections 2027', slug: 'polling', description: '' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('merge into it instead');
  });

  it('merging names the target, asks first, then merges', async () => {
    await makeArticle(t.store, { sectionId: news, tags: ['Votes', 'Ballots'] });
    const from = (await t.store.tags.bySlug('ballots'))!.id;
    const into = (await t.store.tags.bySlug('votes'))!.id;
    expect((await get(editor, `/newsroom/tags/${from}/merge?into=Nothing+like+it`)).statusCode).toBe(400);
    const confirm = await get(editor, `/newsroom/tags/${from}/merge?into=Votes`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('/tag/ballots redirects to /tag/votes');
    const done = await post(editor, `/newsroom/tags/${from}/merge`, { intoId: String(into) });
    expect(done.headers.location).toBe(`/newsroom/tags/${into}?merged=1`);
    expect(await t.store.tags.byId(from)).toBeUndefined();
  });
});
