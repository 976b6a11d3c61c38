// The media library as a grid with focal points (issue 13), through the API and the newsroom (both databases):
// the 4:3 and 1:1 crops centre on the focal point (a red square near a corner is inside them when the point is
// on it, outside when it is in the middle), made again under new names when the point moves; an out-of-range
// point is a clear 400; "used in" lists the articles and authors' photos; search finds by caption; the newsroom's
// grid, picture page (focal point as percentages) and plain upload form.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { keysForMedia } from '../cache/invalidation.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, signIn, team } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let news: number;
let mediaDir: string;

beforeAll(async () => {
  t = await suiteTestDb();
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-library-'));
  news = await makeSection(t.store, 'news', 'News');
  app = await testApp(t.store, { MEDIA_DIR: mediaDir });
  people = await team(app);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

const SQUARE = { left: 20, top: 20, size: 160 }; // a red square near the top left corner of a 1600×900 picture

/** A white 1600×900 PNG with the red square. */
async function picture(): Promise<Buffer> {
  const red = await sharp({ create: { width: SQUARE.size, height: SQUARE.size, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: '#ffffff' } })
    .composite([{ input: red, left: SQUARE.left, top: SQUARE.top }])
    .png()
    .toBuffer();
}

function multipart(fields: Record<string, string>, file: Buffer) {
  const boundary = '----mastheadlibrary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="square.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

async function upload(fields: Record<string, string> = { alt: 'A red square' }, token = people.editor.token): Promise<number> {
  const body = multipart(fields, await picture());
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/media',
    headers: { ...bearer(token), 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().thumbnail.width).toBe(480);
  return res.json().id;
}

const get = (url: string, token = people.editor.token) => app.inject({ method: 'GET', url, headers: bearer(token) });
const put = (id: number, payload: object, token = people.editor.token) =>
  app.inject({ method: 'PUT', url: `/api/v1/media/${id}`, headers: bearer(token), payload });

/** The share of red pixels in a crop file named by its URL. */
async function redShare(url: string): Promise<number> {
  const file = path.join(mediaDir, url.replace(/^\/media\//, ''));
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 200 && data[i + 1]! < 80 && data[i + 2]! < 80) red++;
  return red / (info.width * info.height);
}

const cropsOf = async (id: number) => {
  const res = await get(`/api/v1/media/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().crops as { ratio: string; url: string; width: number; height: number }[]).map((c) => [c.ratio, c]));
};

describe('focal point', () => {
  it('the 4:3 and 1:1 crops contain the square when the focal point is on it, and not when it is in the middle', async () => {
    const id = await upload();
    const centre = { focusX: (SQUARE.left + SQUARE.size / 2) / 1600, focusY: (SQUARE.top + SQUARE.size / 2) / 900 };
    const started = performance.now();
    const on = await put(id, { alt: 'A red square', ...centre });
    const took = performance.now() - started;
    expect(on.statusCode, on.body).toBe(200);
    console.log(`crops made again around a focal point (1600×900 PNG, through the API): ${took.toFixed(0)} ms`);
    const near = await cropsOf(id);
    expect(Object.keys(near).sort()).toEqual(['16x9', '1x1', '4x3']);
    expect(near['1x1']).toMatchObject({ width: 1200, height: 1200 });
    expect(near['1x1']!.url).toMatch(/-1x1-f63-111\.jpg$/); // a new file for a new point: media files are immutable
    for (const ratio of ['1x1', '4x3', '16x9']) expect(await redShare(near[ratio]!.url), ratio).toBeGreaterThan(0.01);

    expect((await put(id, { alt: 'A red square', focusX: 0.5, focusY: 0.5 })).statusCode).toBe(200);
    const middle = await cropsOf(id);
    expect(await redShare(middle['1x1']!.url)).toBe(0);
    expect(await redShare(middle['4x3']!.url)).toBe(0);
    expect(await redShare(middle['16x9']!.url)).toBeGreaterThan(0); // 16:9 is the whole picture
    const item = (await get(`/api/v1/media/${id}`)).json();
    expect([item.focusX, item.focusY]).toEqual([0.5, 0.5]);
    // The older crops stay on disk: a page cached elsewhere may still name them.
    expect(fs.existsSync(path.join(mediaDir, near['1x1']!.url.replace(/^\/media\//, '')))).toBe(true);
  });

  it('clamps the crop inside the picture when the point is at an edge', async () => {
    const id = await upload();
    expect((await put(id, { alt: 'Edge', focusX: 1, focusY: 0 })).statusCode).toBe(200);
    const crops = await cropsOf(id);
    expect(crops['1x1']).toMatchObject({ width: 1200, height: 1200 });
    expect(await redShare(crops['1x1']!.url)).toBe(0);
  });

  it('refuses a point outside the picture with a 400 naming the field, and changes nothing', async () => {
    const id = await upload({ alt: 'Kept' });
    for (const [payload, field] of [
      [{ focusX: 1.5 }, 'focusX'],
      [{ focusY: -0.1 }, 'focusY'],
      [{ focusX: 'left' }, 'focusX'],
    ] as const) {
      const res = await put(id, { alt: 'Changed', ...payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const item = (await get(`/api/v1/media/${id}`)).json();
    expect(item).toMatchObject({ alt: 'Kept', focusX: 0.5, focusY: 0.5 });
  });

  it('is kept when only the text changes, and a writer may not move another writer’s', async () => {
    const id = await upload({ alt: 'Mine' }, people.writer.token);
    expect((await put(id, { alt: 'Mine', focusX: 0.2 }, people.writer.token)).statusCode).toBe(200);
    expect((await put(id, { alt: 'Mine, described' }, people.writer.token)).statusCode).toBe(200);
    expect((await get(`/api/v1/media/${id}`)).json()).toMatchObject({ alt: 'Mine, described', focusX: 0.2, focusY: 0.5 });
    expect((await put(id, { alt: 'Not yours', focusX: 0.9 }, people.writer2.token)).statusCode).toBe(403);
  });
});

describe('used in, search', () => {
  it('lists the articles (any status, newest first) and the authors whose photo it is', async () => {
    const id = await upload({ alt: 'Used picture' });
    const other = await makeMedia(t.store);
    const hero = { mediaId: id, alt: 'Used picture', caption: '', credit: '' };
    const make = async (payload: object) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: bearer(people.editor.token), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const withHero = await make(articleBody(news, { headline: 'Hero story', hero }));
    const inBody = await make(
      articleBody(news, { headline: 'Body story', body: [{ type: 'image', mediaId: id, alt: 'Used picture', caption: '', credit: '' }] }),
    );
    await make(articleBody(news, { headline: 'Unrelated', hero: { ...hero, mediaId: other } }));
    const person = await makePerson(t.store, 'Photo Person');
    const set = await app.inject({
      method: 'PUT',
      url: `/api/v1/people/${person}`,
      headers: bearer(people.editor.token),
      payload: { name: 'Photo Person', title: '', bio: '', photoMediaId: id },
    });
    expect(set.statusCode, set.body).toBe(200);

    const usedIn = (await get(`/api/v1/media/${id}`)).json().usedIn;
    expect(usedIn.articles).toEqual([
      { id: inBody, headline: 'Body story', status: 'draft' },
      { id: withHero, headline: 'Hero story', status: 'draft' },
    ]);
    expect(usedIn.people).toEqual([{ id: person, name: 'Photo Person', slug: 'photo-person' }]);
    expect((await get(`/api/v1/media/${other}`)).json().usedIn.people).toEqual([]);
    // A change to the picture purges the pages of both articles and the author's page.
    const keys = await keysForMedia(t.store, id);
    expect(keys).toEqual(expect.arrayContaining([`article:${withHero}`, `article:${inBody}`, 'author:photo-person']));

    // The picture's page links each article to its editor.
    const s = await signIn(app, people.editor.user.email);
    const page = await app.inject({ method: 'GET', url: `/newsroom/media/${id}`, headers: s.headers(false) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/newsroom/articles/${withHero}"`);
    expect(page.body).toContain(`href="/newsroom/articles/${inBody}"`);
    expect(page.body).toContain(`href="/newsroom/people/${person}"`);
  });

  it('finds pictures by caption, credit and alt text, case-insensitively, a page at a time', async () => {
    const id = await upload({ alt: 'Quay', caption: 'Fishing boats at the Zanzibar quay', credit: 'Staff' });
    const found = (await get('/api/v1/media?q=zanzibar')).json();
    expect(found.items.map((m: { id: number }) => m.id)).toEqual([id]);
    expect(found.items[0].thumbnail).toMatchObject({ width: 480, height: 270 });
    expect((await get('/api/v1/media?q=ZANZIBAR%20QUAY')).json().items).toHaveLength(1);
    expect((await get('/api/v1/media?q=nowhere-at-all')).json().items).toEqual([]);
    const first = (await get('/api/v1/media?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await get(`/api/v1/media?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
  });

  it('answers 404 for a picture that does not exist', async () => {
    expect((await get('/api/v1/media/999999')).statusCode).toBe(404);
  });
});

describe('newsroom pages', () => {
  it('the library is a grid of lazy thumbnails with their size, a search box and an upload form', async () => {
    const id = await upload({ alt: 'Grid picture', caption: 'Gridded' });
    const s = await signIn(app, people.writer.user.email);
    const res = await app.inject({ method: 'GET', url: '/newsroom/media?q=gridded', headers: s.headers(false) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/newsroom/media/${id}"`);
    expect(res.body).toMatch(/<img src="\/media\/uploads\/[^"]+-480\.(webp|jpg)" alt width="480" height="270" loading="lazy"/);
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain('<script src="/assets/media-library.js" defer>');
  });

  it('the picture form sets the focal point in percent, only when it was moved', async () => {
    const id = await upload({ alt: 'Form picture' }, people.writer.token);
    const s = await signIn(app, people.writer.user.email);
    const post = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/newsroom/media/${id}`,
        headers: { ...s.headers(false), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrf, alt: 'Form picture', caption: '', credit: '', ...fields }).toString(),
      });
    const page = (await app.inject({ method: 'GET', url: `/newsroom/media/${id}`, headers: s.headers(false) })).body;
    expect(page).toContain('name="focus_x"');
    expect(page).toContain('value="50,50"');
    const moved = await post({ focus_x: '10', focus_y: '12.5', focus_was: '50,50' });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/newsroom/media/${id}?done=1`);
    expect((await get(`/api/v1/media/${id}`)).json()).toMatchObject({ focusX: 0.1, focusY: 0.125 });
    const crops = (await get(`/api/v1/media/${id}`)).json().crops;
    expect(crops.find((c: { ratio: string }) => c.ratio === '1x1').url).toMatch(/-f100-125\.jpg$/);
    const refused = await post({ focus_x: '150', focus_y: '50', focus_was: '10,12.5' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The focal point is a percentage from 0 to 100');
    expect((await get(`/api/v1/media/${id}`)).json()).toMatchObject({ focusX: 0.1, focusY: 0.125 });
  });

  it('the plain upload form stores the picture and opens its page; without the form’s token it is refused', async () => {
    const s = await signIn(app, people.writer.user.email);
    const send = (fields: Record<string, string>) => {
      const body = multipart(fields, Buffer.alloc(0));
      return app.inject({
        method: 'POST',
        url: '/newsroom/media',
        headers: { ...s.headers(false), 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const png = await picture();
    const withFile = async (fields: Record<string, string>) => {
      const body = multipart(fields, png);
      return app.inject({
        method: 'POST',
        url: '/newsroom/media',
        headers: { ...s.headers(false), 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const ok = await withFile({ _csrf: s.csrf, alt: 'Posted without JavaScript', caption: '', credit: '' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toMatch(/^\/newsroom\/media\/\d+\?uploaded=1$/);
    const shown = await app.inject({ method: 'GET', url: ok.headers.location!, headers: s.headers(false) });
    expect(shown.body).toContain('Posted without JavaScript');
    expect((await withFile({ alt: 'No token' })).statusCode).toBe(403);
    expect((await withFile({ _csrf: 'wrong', alt: 'Bad token' })).statusCode).toBe(403);
    expect((await send({ _csrf: s.csrf, alt: 'Empty' })).statusCode).toBe(400);
  });
});
