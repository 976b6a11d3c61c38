// A library picture's alt, caption and credit follow the role table (its uploader or an editor), and a change
// reaches every cached page that shows the picture at once: article pages, listings and feeds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../domain/urls.ts';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { makeMedia, makeSection, T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, bearer, signIn, team, type Member } from '../../test/support/newsroom.ts';

async function uploadPng(app: FastifyInstance, m: Member): Promise<number> {
  const png = await sharp({ create: { width: 16, height: 9, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();
  const boundary = '----mastheadrights';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA blue panel\r\n--${boundary}\r\nContent-Disposition: form-data; name="credit"\r\n\r\nStaff\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/media',
    headers: { ...bearer(m.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe.each(dialects)('media rights and purges on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let people: Awaited<ReturnType<typeof team>>;
  let sectionId: number;
  let mediaDir: string;

  beforeAll(async () => {
    t = await open();
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-rights-'));
    sectionId = await makeSection(t.store, 'world', 'World');
    app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '16', MEDIA_DIR: mediaDir }, () => T0);
    people = await team(app);
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  const describeMedia = (m: Member, id: number, credit: string) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/media/${id}`,
      headers: bearer(m.token),
      payload: { alt: 'A blue panel', caption: '', credit },
    });

  it('writers describe only their own uploads; editors any', async () => {
    const mine = await uploadPng(app, people.writer);
    expect((await describeMedia(people.writer, mine, 'Wendy W.')).statusCode).toBe(200);
    const refused = await describeMedia(people.writer2, mine, 'Not mine');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await describeMedia(people.editor, mine, 'Desk')).statusCode).toBe(200);
    // Pictures with no recorded uploader (the demo's, older uploads) are the editors'.
    const old = await makeMedia(t.store);
    expect((await describeMedia(people.writer, old, 'Mine now?')).statusCode).toBe(403);
    expect((await t.store.media.byIds([old])).get(old)!.credit).toBe('File photo');
    // The library says which pictures each user may change.
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/media', headers: bearer(people.writer2.token) })).json();
    expect(listed.items.find((i: { id: number }) => i.id === mine).editable).toBe(false);
    // The picture's page in the newsroom offers the form only to those who may use it; others read the text.
    for (const [m, form] of [
      [people.writer, true],
      [people.writer2, false],
    ] as const) {
      const s = await signIn(app, m.user.email);
      const page = (await app.inject({ method: 'GET', url: `/newsroom/media/${mine}`, headers: s.headers() })).body;
      expect(page.includes(`action="/newsroom/media/${mine}"`), m.user.name).toBe(form);
    }
  });

  it('a new credit shows at once on every cached page that shows the picture', async () => {
    const picture = await uploadPng(app, people.writer);
    const body = [{ type: 'image', mediaId: picture, alt: 'A blue panel', caption: '', credit: '' }];
    const hero = { mediaId: picture, alt: 'A blue panel', caption: 'The panel', credit: '' };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: bearer(people.editor.token),
      payload: articleBody(sectionId, { hero, body }),
    });
    const { id } = created.json();
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/publish`, headers: bearer(people.editor.token) })).statusCode,
    ).toBe(200);
    const row = (await t.store.articles.byId(id))!;
    const url = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
    const pages = [url, '/feed.xml'];
    for (const p of pages) expect((await app.inject({ method: 'GET', url: p })).body).toContain('Staff'); // now cached
    expect((await app.inject({ method: 'GET', url })).headers['x-cache']).toBe('HIT');

    expect((await describeMedia(people.writer, picture, 'Agency pool')).statusCode).toBe(200);
    for (const p of pages) {
      const html = (await app.inject({ method: 'GET', url: p })).body;
      expect(html, p).toContain('Agency pool');
      expect(html, p).not.toContain('Staff');
    }
  });
});
