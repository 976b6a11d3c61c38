// The Pages pages of the newsroom through HTTP: the list (title, address, role, status, last change), a new page
// written with the article body editor's mount point and hidden blocks field, saved and published by a plain
// form post, a refused address shown back with the form as sent, unpublishing and deleting; Pages in the
// navigation for editors only, and writers reach none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { PASSWORD, getPage, postForm, signIn, type Session } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let editor: Session;
let writer: Session;

beforeAll(async () => {
  t = await sqliteTestDb();
  await makeSection(t.store, 'news', 'News');
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
const body = JSON.stringify([{ type: 'paragraph', content: [{ text: 'We correct our mistakes openly.' }] }]);

describe('the Pages pages', () => {
  it('an editor writes a page in the body editor and publishes it in one step', async () => {
    const dash = await get(editor, '/newsroom');
    expect(dash.body).toContain('<a href="/newsroom/pages">Pages</a>');
    const blank = await get(editor, '/newsroom/pages/new');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('<script src="/assets/build/editor.js" defer>');
    expect(blank.body).toContain('href="/assets/build/editor.css"');
    expect(blank.body).toMatch(/<input type="hidden" name="body" id="body-json" value="\[\]"/);
    expect(blank.body).toMatch(/<div id="body-editor" role="group" aria-labelledby="page-body-label" data-media-search="\/api\/v1\/media"/);
    const saved = await post(editor, '/newsroom/pages', {
      title: 'Corrections policy',
      slug: '',
      summary: 'How we fix mistakes.',
      role: 'corrections',
      inFooter: '1',
      position: '',
      body,
      action: 'publish',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const id = Number(/\/newsroom\/pages\/(\d+)\?done=published/.exec(String(saved.headers.location))![1]);
    expect(await t.store.pages.byId(id)).toMatchObject({
      slug: 'corrections-policy',
      status: 'published',
      role: 'corrections',
      inFooter: true,
    });
    const reader = await app.inject({ method: 'GET', url: '/corrections-policy' });
    expect(reader.statusCode).toBe(200);
    expect(reader.body).toContain('We correct our mistakes openly.');
    const edit = await get(editor, `/newsroom/pages/${id}?done=published`);
    expect(edit.body).toContain('Published: readers see it now.');
    expect(edit.body).toContain('<option value="corrections" selected>');
    expect(edit.body).toContain('Unpublish');
    const list = await get(editor, '/newsroom/pages');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="/newsroom/pages/${id}">Corrections policy</a>`);
    expect(list.body).toContain('<a href="/corrections-policy">/corrections-policy</a>');
    expect(list.body).toContain('Corrections policy</td>');
  });

  it('a refused address comes back with the form as sent and what was wrong', async () => {
    const res = await post(editor, '/newsroom/pages', { title: 'News about us', slug: 'news', summary: 'Kept', body, action: 'save' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('slug: /news is the address of the section News');
    expect(res.body).toContain('value="News about us"');
    expect(res.body).toContain('Kept</textarea>');
    expect(res.body).toContain('We correct our mistakes openly.'); // the body, in the hidden field, is not lost
  });

  it('saves, unpublishes and deletes', async () => {
    const saved = await post(editor, '/newsroom/pages', { title: 'Contact', slug: 'contact', body, inFooter: '1', action: 'save' });
    const id = Number(/\/newsroom\/pages\/(\d+)/.exec(String(saved.headers.location))![1]);
    expect((await t.store.pages.byId(id))!.status).toBe('draft');
    const published = await post(editor, `/newsroom/pages/${id}`, { title: 'Contact us', slug: 'contact', body, action: 'publish' });
    expect(published.headers.location).toBe(`/newsroom/pages/${id}?done=published`);
    expect(await t.store.pages.byId(id)).toMatchObject({ title: 'Contact us', status: 'published', inFooter: false });
    await post(editor, `/newsroom/pages/${id}`, { title: 'Contact us', slug: 'contact', body, action: 'unpublish' });
    expect((await t.store.pages.byId(id))!.status).toBe('draft');
    const gone = await post(editor, `/newsroom/pages/${id}/delete`, {});
    expect(gone.headers.location).toBe('/newsroom/pages?done=deleted');
    expect(await t.store.pages.byId(id)).toBeUndefined();
  });

  it('writers neither see Pages nor reach them', async () => {
    expect((await get(writer, '/newsroom')).body).not.toContain('/newsroom/pages');
    expect((await get(writer, '/newsroom/pages')).statusCode).toBe(403);
    expect((await get(writer, '/newsroom/pages/new')).statusCode).toBe(403);
    expect((await post(writer, '/newsroom/pages', { title: 'Mine', body, action: 'save' })).statusCode).toBe(403);
  });
});
