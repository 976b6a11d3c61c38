// TV-app feeds (Roku Direct Publisher JSON, Media RSS), the video player and /live, checked against the
// feeds' own constraints; a video that cannot meet them is left out and the newsroom is told why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Parser from 'rss-parser';
import type { Video } from '../../domain/video.ts';
import { clip, tvFeedProblems } from '../../domain/video.ts';
import { suiteTestDb, type TestDb } from '../../../test/support/db.ts';
import { makeArticle, makeMedia, makeSection, T0 } from '../../../test/support/factories.ts';
import { testApp } from '../../../test/support/app.ts';

let t: TestDb;
let app: FastifyInstance;
const ids: Record<string, number> = {};

const video = (over: Partial<Video> = {}): Video => ({
  url: 'https://video.example/streams/harbour/master.m3u8',
  type: 'hls',
  durationSeconds: 185,
  posterMediaId: null,
  captions: [{ language: 'en', label: 'English', url: 'https://video.example/streams/harbour/en.vtt' }],
  ...over,
});

async function withVideo(headline: string, v: Video, extra: { tags?: string[]; standfirst?: string } = {}) {
  const id = await makeArticle(t.store, {
    headline,
    sectionId: ids.reports!,
    kind: 'video',
    tags: extra.tags,
    standfirst: extra.standfirst,
    hoursAgo: 3,
  });
  await t.db.kysely
    .updateTable('articles')
    .set({ video: JSON.stringify(v) })
    .where('id', '=', id)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await suiteTestDb();
  await makeSection(t.store, 'video', 'Video');
  ids.reports = await makeSection(t.store, 'video/reports', 'Reports');
  const poster = await makeMedia(t.store); // 1600×900
  const square = await t.store.media.create(
    { originalFile: 'sq.jpg', mime: 'image/jpeg', width: 1200, height: 1200, alt: 'x', caption: '', credit: '', variants: [] },
    T0.toISOString(),
  );
  ids.good = await withVideo(
    'Inside the night shift at the desalination plant, a report from the control room floor',
    video({ posterMediaId: poster }),
    {
      tags: ['Water', 'A tag far longer than twenty characters'],
      standfirst: 'Engineers keep a coastal city supplied through the night. '.repeat(8),
    },
  );
  ids.long = await withVideo(
    'The full council debate',
    video({ posterMediaId: poster, durationSeconds: 3600, type: 'mp4', url: 'https://video.example/council.mp4', captions: [] }),
  );
  ids.noPoster = await withVideo('A clip without a poster', video());
  ids.square = await withVideo('A clip with a square poster', video({ posterMediaId: square }));
  app = await testApp(t.store, {
    MASTHEAD_LIVE_STREAM_URL: 'https://live.example/channel/master.m3u8',
    MASTHEAD_LIVE_SCHEDULE: '18:00 Evening news\n19:00 World report',
  });
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('Roku Direct Publisher feed', () => {
  let feed: any;
  beforeAll(async () => {
    const res = await app.inject({ method: 'GET', url: '/tv/roku.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    feed = res.json();
  });

  it('has the top-level fields a channel needs', () => {
    expect(feed.providerName).toBe('Meridian World News');
    expect(feed.language).toBe('en');
    expect(feed.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  });

  it('lists short clips with every required field within Roku’s limits', () => {
    expect(feed.shortFormVideos).toHaveLength(1);
    const v = feed.shortFormVideos[0];
    expect(v.id).toBe(String(ids.good));
    expect(v.title.length).toBeLessThanOrEqual(50);
    expect(v.shortDescription.length).toBeLessThanOrEqual(200);
    expect(v.content.videos).toEqual([{ url: 'https://video.example/streams/harbour/master.m3u8', quality: 'HD', videoType: 'HLS' }]);
    expect(v.content.duration).toBe(185);
    expect(v.content.dateAdded).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(v.content.captions).toEqual([
      { url: 'https://video.example/streams/harbour/en.vtt', language: 'en', captionType: 'CLOSED_CAPTION' },
    ]);
    expect(v.releaseDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(v.thumbnail).toMatch(/^https:\/\/news\.example\/media\//);
    expect(v.tags).toEqual(['water']);
    for (const tag of v.tags) expect(tag.length).toBeLessThanOrEqual(20);
    expect(v.genres).toEqual(['news']);
  });

  it('files long videos as TV specials and builds categories and playlists from sections', () => {
    expect(feed.tvSpecials.map((v: any) => v.id)).toEqual([String(ids.long)]);
    expect(feed.tvSpecials[0].content.videos[0].videoType).toBe('MP4');
    expect(feed.categories).toEqual([{ name: 'Video', playlistName: 'video', order: 'manual' }]);
    const all = [...feed.shortFormVideos, ...feed.tvSpecials].map((v: any) => v.id);
    expect([...feed.playlists[0].itemIds].sort()).toEqual([...all].sort());
  });

  it('leaves out videos that would break a channel, and says why in the newsroom', async () => {
    const listed = JSON.stringify(feed);
    expect(listed).not.toContain('A clip without a poster');
    expect(listed).not.toContain('square poster');
    expect(await app.services.tv.problemsFor(ids.noPoster!)).toEqual(['There is no poster image.']);
    expect((await app.services.tv.problemsFor(ids.square!)).join(' ')).toMatch(/not 16:9/);
    expect(await app.services.tv.problemsFor(ids.good!)).toEqual([]);
  });
});

describe('Media RSS feed', () => {
  it('parses with an independent parser and carries media:content, thumbnail, title and description', async () => {
    const res = await app.inject({ method: 'GET', url: '/tv/mrss.xml' });
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const parser = new Parser({ customFields: { item: [['media:content', 'media', { keepArray: false }]] } });
    const parsed = await parser.parseString(res.body);
    expect(parsed.items).toHaveLength(2);
    const item = parsed.items.find((i) => i.title?.startsWith('Inside the night shift'))! as any;
    expect(item.guid).toBe(`urn:masthead:article:${ids.good}`);
    expect(item.media.$).toMatchObject({
      url: 'https://video.example/streams/harbour/master.m3u8',
      type: 'application/x-mpegURL',
      medium: 'video',
      duration: '185',
    });
    expect(item.media['media:thumbnail'][0].$).toMatchObject({ width: '1600', height: '900' });
    expect(item.media['media:title'][0]).toBe(item.title);
    expect(String(item.media['media:description'][0]).length).toBeGreaterThan(10);
  });
});

describe('video pages', () => {
  it('play the video with controls, poster and captions', async () => {
    const list = await app.inject({ method: 'GET', url: '/video/reports' });
    const href = new RegExp(`href="([^"]+/${ids.good}/[^"]+)"`).exec(list.body)![1]!;
    const html = (await app.inject({ method: 'GET', url: href })).body;
    expect(html).toMatch(/<video controls preload="none" playsinline poster="\/media\/[^"]+"/);
    expect(html).toContain('<source src="https://video.example/streams/harbour/master.m3u8" type="application/x-mpegURL"/>');
    expect(html).toContain(
      '<track kind="captions" src="https://video.example/streams/harbour/en.vtt" srclang="en" label="English" default/>',
    );
    expect(html).toContain('<script src="/assets/video.js" defer');
  });

  it('serve /live with the stream and schedule, and hls.js from our own origin', async () => {
    const live = await app.inject({ method: 'GET', url: '/live' });
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain('data-hls="https://live.example/channel/master.m3u8"');
    expect(live.body).toContain('<p>19:00 World report</p>');
    const hls = await app.inject({ method: 'GET', url: '/assets/vendor/hls.min.js' });
    expect(hls.statusCode).toBe(200);
    expect(hls.body.length).toBeGreaterThan(100_000);
  });
});

describe('TV helpers', () => {
  it('clip at a word boundary with an ellipsis', () => {
    expect(clip('one two three four', 10)).toBe('one two…');
    expect(clip('short', 10)).toBe('short');
  });

  it('find every problem at once', () => {
    const p = tvFeedProblems({
      id: 1,
      title: ' ',
      description: '',
      url: 'x',
      publishedAt: T0.toISOString(),
      tags: [],
      video: video(),
      thumbnail: { url: 'x', width: 640, height: 480 },
    });
    expect(p).toHaveLength(4);
  });
});
