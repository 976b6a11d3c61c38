// Bugs the hostile-input suite found, each pinned by the smallest request that showed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/db.ts';
import { bearer } from '../support/newsroom.ts';
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
});
