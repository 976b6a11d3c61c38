// Security headers on every kind of response, read through app.inject: site pages, feeds, sitemaps, errors,
// the newsroom, the API, assets and media; HSTS only on https origins; no page carries a script the policy
// would block.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.ts';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeMedia, makePerson, makeSection } from '../../test/support/factories.ts';
import { member, signIn } from '../../test/support/newsroom.ts';
import { articlePath } from '../domain/urls.ts';
import { securityHeaders, siteSecurityHeaders, TIPTAP_STYLE_HASH } from './security-headers.ts';

let t: TestDb;
let app: FastifyInstance;
let article = '';

beforeAll(async () => {
  t = await sqliteTestDb();
  const news = await makeSection(t.store, 'news', 'News');
  const ana = await makePerson(t.store, 'Ana Reyes');
  const id = await makeArticle(t.store, {
    headline: 'Harbour talks resume',
    sectionId: news,
    authorIds: [ana],
    tags: ['Shipping'],
    heroMediaId: await makeMedia(t.store),
  });
  const row = (await t.store.articles.byId(id))!;
  article = articlePath({ id, slug: row.slug, sectionPath: row.section_path, firstPublishedAt: row.first_published_at! }, 'UTC');
  app = await testApp(t.store, {
    MASTHEAD_MIRRORS: 'http://mirror-one.example',
    MASTHEAD_LIVE_STREAM_URL: 'https://live.example/channel/index.m3u8',
  });
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** The CSP as a map of directive → sources. */
function policy(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(header, `${res.statusCode} ${res.headers['content-type']}: no CSP`).toBeTypeOf('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectBaseline(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  const csp = policy(res);
  expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
  expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
  expect(csp.get('object-src') ?? csp.get('default-src')).toEqual(["'none'"]); // no plugins anywhere
  return csp;
}

const get = (url: string, host = 'news.example') => app.inject({ url, headers: { host } });

describe('security headers', () => {
  const sitePages: [string, () => string, number][] = [
    ['home', () => '/', 200],
    ['section', () => '/news', 200],
    ['article', () => article, 200],
    ['tag', () => '/tag/shipping', 200],
    ['author', () => '/author/ana-reyes', 200],
    ['search', () => '/search?q=harbour', 200],
    ['live', () => '/live', 200],
    ['feed', () => '/feed.xml', 200],
    ['section feed', () => '/news/feed.json', 200],
    ['sitemap', () => '/sitemap.xml', 200],
    ['robots', () => '/robots.txt', 200],
    ['asset', () => '/assets/site.css', 200],
    ['hls.js', () => '/assets/vendor/hls.min.js', 200],
    ['404', () => '/no/such/page', 404],
    ['missing media', () => '/media/none.jpg', 404],
    ['bad page number', () => '/news?page=abc', 400],
  ];

  it.each(sitePages)('%s: the site policy (self scripts only, framed by itself), HSTS on https', async (_name, url, status) => {
    const res = await get(url());
    expect(res.statusCode).toBe(status);
    const csp = expectBaseline(res);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    // The only frames: the social networks' own embed frames, loaded when a reader asks for a post.
    expect(csp.get('frame-src')).toEqual([
      'https://platform.twitter.com',
      'https://www.youtube-nocookie.com',
      'https://t.me',
      'https://www.instagram.com',
      'https://www.tiktok.com',
    ]);
    expect(csp.get('media-src')).toContain('https://live.example');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it.each([
    ['sign-in', '/newsroom/sign-in', 200],
    ['dashboard, signed out (to sign-in)', '/newsroom', 303],
    ['editor, signed out (to sign-in)', '/newsroom/articles/new', 303],
  ])('newsroom %s: never framed, the editor stylesheet allowed by its hash', async (_name, url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    const csp = expectBaseline(res);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", TIPTAP_STYLE_HASH]);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['me, signed out', '/api/v1/me', 401],
    ['OpenAPI', '/api/openapi.json', 200],
    ['unknown endpoint', '/api/v1/nothing', 404],
  ])('API %s: a policy that loads nothing', async (_name, url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    const csp = expectBaseline(res);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sends HSTS only for an origin served over https', async () => {
    expect((await get('/', 'news.example')).headers['strict-transport-security']).toMatch(/max-age=\d{8,}; includeSubDomains/);
    const mirror = await get('/', 'mirror-one.example');
    expect(mirror.statusCode).toBe(200);
    expect(mirror.headers['strict-transport-security']).toBeUndefined();
    expect(mirror.headers['content-security-policy']).toBe((await get('/')).headers['content-security-policy']);
    expect((await get('/newsroom/sign-in', 'mirror-one.example')).headers['strict-transport-security']).toBeUndefined();
  });

  it('answers an unknown Host (421) with the headers too, without HSTS', async () => {
    const res = await get('/', 'evil.example');
    expect(res.statusCode).toBe(421);
    expectBaseline(res);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a URL Fastify cannot parse (no hooks run) with the headers too', async () => {
    const res = await get('/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(policy(res).get('script-src')).toEqual(["'self'"]);
    expectBaseline(res);
  });

  it('gives the cache fast path the same headers the hooks send', async () => {
    const res = await get('/news');
    const expected = siteSecurityHeaders(true, { liveStreamUrl: 'https://live.example/channel/index.m3u8' });
    for (const [name, value] of Object.entries(expected)) expect(res.headers[name], name).toBe(value);
    expect(app.securityHeaders.site(true)).toEqual(expected);
    expect(app.securityHeaders.site(false)['strict-transport-security']).toBeUndefined();
  });

  it('keeps the headers on pages served from the page cache', async () => {
    const t2 = await sqliteTestDb();
    const cached = await testApp(t2.store, { MASTHEAD_PAGE_CACHE_MB: '8' });
    try {
      const first = await cached.inject({ url: '/' });
      const second = await cached.inject({ url: '/' });
      expect(second.headers['x-cache']).toBe('HIT');
      for (const name of ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'permissions-policy'])
        expect(second.headers[name], name).toBe(first.headers[name]);
    } finally {
      await cached.close();
      await t2.destroy();
    }
  });

  it('pages carry no inline script the policy would block: only src= scripts and JSON-LD data', async () => {
    const editor = await member(app, 'editor');
    const session = await signIn(app, editor.user.email);
    const pages: [string, Record<string, string>][] = [
      ...[
        '/',
        '/news',
        article,
        '/tag/shipping',
        '/author/ana-reyes',
        '/search?q=harbour',
        '/live',
        '/no/such/page',
        '/newsroom/sign-in',
      ].map((u): [string, Record<string, string>] => [u, {}]),
      ...['/newsroom', '/newsroom/articles/new'].map((u): [string, Record<string, string>] => [u, session.headers(false)]),
    ];
    for (const [url, headers] of pages) {
      const res = await app.inject({ url, headers: { host: 'news.example', ...headers } });
      expect(res.statusCode, url).toBeLessThan(500);
      const html = res.body;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      if (!/^\/newsroom(\/sign-in)?$/.test(url)) expect(scripts.length, url).toBeGreaterThan(0);
      for (const [, attrs = '', body = ''] of scripts) {
        const external = /\bsrc="\/assets\//.test(attrs) && body.trim() === '';
        const data = /\btype="application\/ld\+json"/.test(attrs);
        expect(external || data, `${url}: <script${attrs}>${body.slice(0, 80)}`).toBe(true);
      }
      expect(html, url).not.toMatch(/\son[a-z]+="/i); // no inline event handlers
      expect(html, url).not.toMatch(/\sstyle="/i); // no style attributes (style-src has no 'unsafe-inline')
      expect(html, url).not.toMatch(/href="javascript:/i);
    }
  });

  it("allows Tiptap's injected stylesheet by the hash of the installed version", () => {
    // @tiptap/core keeps the stylesheet in a `const style` template literal (not exported); evaluate it as is.
    const require = createRequire(import.meta.url);
    const source = fs.readFileSync(require.resolve('@tiptap/core'), 'utf8');
    const literal = /\nconst style = (`[^`]*`);/.exec(source)?.[1];
    expect(literal, 'the stylesheet constant moved: recompute TIPTAP_STYLE_HASH').toBeTruthy();
    const css = new Function(`return ${literal}`)() as string;
    expect(`'sha256-${crypto.createHash('sha256').update(css).digest('base64')}'`).toBe(TIPTAP_STYLE_HASH);
  });

  it('precomputes each header set once', () => {
    const s = securityHeaders();
    expect(s.site(true)).toBe(s.site(true));
    expect(s.forPath('/newsroom/articles/1', false)).toBe(s.newsroom(false));
    expect(s.forPath('/newsroomish', false)).toBe(s.site(false));
    expect(s.forPath('/api/v1/me', true)).toBe(s.api(true));
    expect(Object.isFrozen(s.site(false))).toBe(true);
    // Without a live stream, media and connections go to this site and https hosts only.
    expect(s.site(true)['content-security-policy']).toContain("media-src 'self' blob: https:;");
  });
});
