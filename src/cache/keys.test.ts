// Feeds, sitemaps and TV feeds name what they show, so a change purges them when it concerns them and leaves the
// others cached: a story in Sport no longer empties the feed of an unrelated tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';

describe.each(dialects)('surrogate keys of feeds, sitemaps and TV feeds on $name', ({ open }) => {
  let t: TestDb;
  let app: FastifyInstance;
  let europe: number;
  let sport: number;
  const editor = { id: 0, role: 'editor' as const };

  async function publish(headline: string, sectionId: number, tags: string[] = []) {
    const { id } = await app.services.content.create(editor, {
      headline,
      primarySectionId: sectionId,
      tags,
      body: [{ type: 'paragraph', content: [{ text: `${headline}.` }] }],
    });
    await app.services.workflow.publish(editor, id);
    return id;
  }
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await open();
    europe = await makeSection(t.store, 'europe', 'Europe');
    sport = await makeSection(t.store, 'sport', 'Sport');
    app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '16' }, () => new Date());
    editor.id = (
      await app.services.auth.createUser({ email: 'ed@example.org', name: 'Ed', role: 'editor', password: 'a long enough password' })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('each feed names its listing and its entries; sitemaps and TV feeds name theirs', async () => {
    const id = await publish('Ministers meet in Brussels', europe, ['Diplomacy']);
    const keys = async (url: string) => String((await get(url)).headers['surrogate-key']).split(' ');
    expect(await keys('/feed.xml')).toEqual(expect.arrayContaining(['sections', 'latest', `article:${id}`]));
    expect(await keys('/europe/feed.xml')).toEqual(expect.arrayContaining(['sections', `section:${europe}`, `article:${id}`]));
    expect(await keys('/tag/diplomacy/feed.atom')).toEqual(expect.arrayContaining(['tag:diplomacy', `article:${id}`]));
    expect(await keys('/sitemap.xml')).toEqual(['sections', 'sitemaps']);
    expect(await keys('/news-sitemap.xml')).toEqual(['sections', 'sitemaps']);
    expect(await keys('/tv/mrss.xml')).toEqual(['sections', 'tv']);
  });

  it('a story elsewhere leaves an unrelated tag’s and section’s feeds cached; the site feed and sitemaps are purged', async () => {
    await publish('Treaty talks continue', europe, ['Treaties']);
    const unrelated = ['/tag/treaties/feed.xml', '/europe/feed.xml'];
    const related = ['/feed.xml', '/sport/feed.xml', '/news-sitemap.xml'];
    for (const url of [...unrelated, ...related]) await get(url);
    for (const url of [...unrelated, ...related]) expect((await get(url)).headers['x-cache'], url).toBe('HIT');

    await publish('Cup final goes to extra time', sport, ['Football']);
    for (const url of unrelated) expect((await get(url)).headers['x-cache'], url).toBe('HIT');
    for (const url of related) {
      const res = await get(url);
      expect(res.headers['x-cache'], url).toBe('MISS');
      if (url !== '/news-sitemap.xml') expect(res.body, url).toContain('Cup final goes to extra time');
    }
  });

  it('an update to an older story purges every feed that lists it', async () => {
    const id = await publish('Harbour reopens', europe, ['Ports']);
    await get('/tag/ports/feed.xml');
    expect((await get('/tag/ports/feed.xml')).headers['x-cache']).toBe('HIT');
    const current = await app.services.content.current(editor, id);
    const held = await app.services.content.save(
      editor,
      id,
      { ...current.input, headline: 'Harbour reopens to ferries' },
      current.revision,
    );
    expect((await get('/tag/ports/feed.xml')).headers['x-cache']).toBe('HIT'); // held: nothing public changed
    await app.services.workflow.update(editor, id, { revision: held.revision });
    const after = await get('/tag/ports/feed.xml');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).toContain('Harbour reopens to ferries');
  });
});
