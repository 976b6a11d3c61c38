// Mirror domains: the Host picks the origin, unknown Hosts are refused, mirrors are not indexed, the primary
// points Tor users at the onion address, and pages on a mirror link only within that mirror.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { originForHost, type OriginConfig } from './origins.ts';

const config: OriginConfig = {
  primary: 'https://news.example',
  mirrors: ['https://mirror-one.example', 'http://mirror-two.example:8080'],
  onion: 'http://meridianabcdefghijklmnop.onion',
  indexMirrors: false,
};

describe('originForHost', () => {
  it('matches the primary, mirrors and onion by host, ignoring case and default ports', () => {
    expect(originForHost('NEWS.example', config)).toEqual({ url: 'https://news.example', kind: 'primary' });
    expect(originForHost('news.example:443', config)).toEqual({ url: 'https://news.example', kind: 'primary' });
    expect(originForHost('mirror-two.example:8080', config)).toEqual({ url: 'http://mirror-two.example:8080', kind: 'mirror' });
    expect(originForHost('meridianabcdefghijklmnop.onion', config)?.kind).toBe('onion');
  });

  it('serves loopback as the primary and refuses anything else', () => {
    expect(originForHost('127.0.0.1:3000', config)?.kind).toBe('primary');
    for (const bad of [
      undefined,
      '',
      'evil.example',
      'news.example.evil.example',
      'mirror-two.example',
      'news.example:8443',
      'news.example@evil.example',
    ]) {
      expect(originForHost(bad, config), String(bad)).toBeNull();
    }
  });
});

describe('the site on each origin', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let articleUrl = '';

  beforeAll(async () => {
    t = await sqliteTestDb();
    const news = await makeSection(t.store, 'news', 'News');
    await makeArticle(t.store, { headline: 'Mirror test story', sectionId: news, hoursAgo: 1 });
    app = await testApp(t.store, { MASTHEAD_MIRRORS: config.mirrors.join(','), MASTHEAD_ONION_ORIGIN: config.onion! });
    articleUrl = /href="(\/news\/\d{4}\/[^"]+)"/.exec((await app.inject({ method: 'GET', url: '/news' })).body)![1]!;
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const get = (host: string, url: string) => app.inject({ method: 'GET', url, headers: { host } });

  it('refuses an unknown Host with 421 and a page, not the site', async () => {
    const res = await get('evil.example', '/');
    expect(res.statusCode).toBe(421);
    expect(res.body).not.toContain('Mirror test story');
  });

  it('marks mirrors noindex and sends Onion-Location only from the primary', async () => {
    const mirror = await get('mirror-one.example', articleUrl);
    expect(mirror.statusCode).toBe(200);
    expect(mirror.headers['x-robots-tag']).toBe('noindex');
    expect(mirror.headers['onion-location']).toBeUndefined();
    const primary = await get('news.example', articleUrl);
    expect(primary.headers['x-robots-tag']).toBeUndefined();
    expect(primary.headers['onion-location']).toBe(config.onion + articleUrl);
    const onion = await get('meridianabcdefghijklmnop.onion', articleUrl);
    expect(onion.statusCode).toBe(200);
    expect(onion.headers['onion-location']).toBeUndefined();
  });

  it.each(['mirror-one.example', 'mirror-two.example:8080', 'meridianabcdefghijklmnop.onion'])(
    'keeps every link on %s within that origin except canonical, share and mirror-notice links',
    async (host) => {
      for (const url of ['/', '/news', articleUrl, '/search?q=mirror']) {
        const html = (await get(host, url)).body;
        const hrefs = [...html.matchAll(/(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
        const absolute = hrefs.filter((h) => /^[a-z]+:/i.test(h) || h.startsWith('//'));
        const allowed = (h: string) =>
          h.startsWith('https://news.example/') || // canonical (identity) links
          config.mirrors.includes(h) ||
          /^(https:\/\/(x\.com|www\.facebook\.com|t\.me|wa\.me|www\.reddit\.com)\/|mailto:)/.test(h); // share links
        expect(
          absolute.filter((h) => !allowed(h)),
          `${host}${url}`,
        ).toEqual([]);
        expect(
          hrefs.some((h) => h.startsWith('/')),
          `${host}${url} has site links`,
        ).toBe(true);
      }
    },
  );
});
