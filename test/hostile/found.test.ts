// Bugs the hostile-input suite found, each pinned by the smallest request that showed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/db.ts';
import { bearer, hiddenCsrf } from '../support/newsroom.ts';
import { richArticle } from './inventory.ts';
import { buildWorld, type World } from './world.ts';

describe.each(dialects)('bugs found by hostile input, on $name', ({ open }) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await open());
  });
  afterAll(async () => {
    await w?.close();
  });

  it('an API URL the router cannot decode is a JSON error, not an HTML page', async () => {
    for (const url of ['/api/v1/articles/%ED%A0%80', '/api/v1/articles/%', '/api/v1/collections/%zz']) {
      const res = await w.app.inject({ method: 'GET', url, headers: bearer(w.people.admin.token) });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe('INVALID_QUERY');
      expect(res.json().error.message).toMatch(/could not be understood/);
    }
    // Pages still get the HTML error page.
    const page = await w.app.inject({ method: 'GET', url: '/news/%ED%A0%80' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('NUL characters and unpaired surrogates are refused naming the field (a NUL was a 500 on PostgreSQL; a lone surrogate was stored altered)', async () => {
    const headers = { ...bearer(w.people.admin.token), 'content-type': 'application/json' };
    const before = (await w.app.inject({ method: 'GET', url: `/api/v1/articles/${w.draftId}`, headers })).json();
    const cases: [unknown, string][] = [
      [{ baseRevision: before.revision, article: { ...richArticle(w), headline: 'a\u0000b' } }, 'article.headline'],
      [{ baseRevision: before.revision, article: { ...richArticle(w), standfirst: 'x\ud800y' } }, 'article.standfirst'],
      [
        {
          baseRevision: before.revision,
          article: { ...richArticle(w), body: [{ type: 'paragraph', content: [{ text: 'tail \udfff' }] }] },
        },
        'article.body.0.content.0.text',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await w.app.inject({ method: 'PUT', url: `/api/v1/articles/${w.draftId}`, headers, payload: JSON.stringify(payload) });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(res.json().error.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: must (not contain NUL|be valid Unicode)`));
    }
    expect((await w.app.inject({ method: 'GET', url: `/api/v1/articles/${w.draftId}`, headers })).json()).toEqual(before);

    const note = await w.app.inject({
      method: 'POST',
      url: `/api/v1/articles/${w.publishedId}/corrections`,
      headers,
      payload: JSON.stringify({ kind: 'correction', note: 'a\u0000b' }),
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.field).toBe('note');

    // A valid pair (an emoji) is text like any other.
    const emoji = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/articles/${w.draftId}`,
      headers,
      payload: JSON.stringify({ baseRevision: before.revision, article: { ...richArticle(w), headline: 'Flags 🏳️‍🌈 and 😀' } }),
    });
    expect(emoji.statusCode).toBe(200);
  });

  it('the newsroom editor refuses a NUL inside its body JSON with the form and the reason', async () => {
    const page = await w.app.inject({ method: 'GET', url: '/newsroom/articles/new', headers: w.session.headers(false) });
    const form = new URLSearchParams({
      _csrf: hiddenCsrf(page.body),
      headline: 'A headline',
      primarySectionId: String(w.sectionId),
      body: JSON.stringify([{ type: 'paragraph', content: [{ text: 'a\u0000b' }] }]),
    });
    const res = await w.app.inject({
      method: 'POST',
      url: '/newsroom/articles',
      headers: { ...w.session.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('body.0.content.0.text: must not contain NUL characters');
  });

  it('a %00 in the media search is a search, not a 500 (PostgreSQL text cannot hold a NUL)', async () => {
    for (const url of ['/api/v1/media?q=a%00b', '/api/v1/media?q=%00']) {
      const res = await w.app.inject({ method: 'GET', url, headers: bearer(w.people.admin.token) });
      expect(res.statusCode, url).toBe(200);
      expect(Array.isArray(res.json().items)).toBe(true);
    }
    const page = await w.app.inject({ method: 'GET', url: '/newsroom/media?q=%00', headers: w.session.headers(false) });
    expect(page.statusCode).toBe(200);
  });

  it('a multipart upload with a NUL in its alt text is refused before anything is stored', async () => {
    const boundary = 'masthead-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\na\u0000b\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n--${boundary}--\r\n`;
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { ...bearer(w.people.admin.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'alt' });
  });

  it('a collection form with a repeated start or end time is a 400 page (an array reached zonedToUtc: a 500)', async () => {
    const page = await w.app.inject({ method: 'GET', url: '/newsroom/collections/top-stories', headers: w.session.headers(false) });
    for (const field of ['startsAt', 'endsAt']) {
      const form = new URLSearchParams({ _csrf: hiddenCsrf(page.body), op: 'add', articleId: String(w.publishedId) });
      form.append(field, '2027-01-01T09:00');
      form.append(field, '2027-01-02T09:00');
      const res = await w.app.inject({
        method: 'POST',
        url: '/newsroom/collections/top-stories',
        headers: { ...w.session.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.body).toContain('The start or end time is not a date and time.');
    }
  });
});
