import { describe, expect, it } from 'vitest';
import { ROUTE_TYPES, routeType } from './route-type.ts';

describe('routeType', () => {
  it.each([
    ['/', 'home'],
    ['/?utm_source=x', 'home'],
    ['/news/europe/2026/11/20/42/border-talks', 'article'],
    ['/news/europe/2026/11/20/42', 'article'],
    ['/news/europe', 'section'],
    ['/news/europe?page=3', 'section'],
    ['/tag/diplomacy', 'section'],
    ['/author/ana-lima', 'section'],
    ['/search?q=ferry', 'search'],
    ['/feed.xml', 'feed'],
    ['/news/europe/feed.atom', 'feed'],
    ['/tag/diplomacy/feed.json', 'feed'],
    ['/tv/roku.json', 'feed'],
    ['/sitemap.xml', 'sitemap'],
    ['/sitemaps/articles-2026-11-1.xml', 'sitemap'],
    ['/news-sitemap.xml', 'sitemap'],
    ['/robots.txt', 'sitemap'],
    ['/newsroom', 'newsroom'],
    ['/newsroom/articles/4/edit', 'newsroom'],
    ['/api/v1/articles', 'api'],
    ['/api/openapi.json', 'api'],
    ['/assets/site.css', 'asset'],
    ['/media/ab12cd.avif', 'media'],
    ['/healthz', 'other'],
    ['/live', 'other'],
    ['/favicon.ico', 'other'],
    ['/wp-login.php', 'other'],
    ['/%00/../etc/passwd', 'other'],
  ])('%s is %s', (url, type) => {
    expect(routeType(url)).toBe(type);
  });

  it('only ever answers one of the fixed set, whatever the URL', () => {
    const junk = ['', '//', '/A/B', '/x'.repeat(500), '/a/2026/13/45/0/x', '/newsroomx', '/searches', '/tag/', '/tag/a/b', '?q=1'];
    for (const url of junk) expect(ROUTE_TYPES).toContain(routeType(url));
  });
});
