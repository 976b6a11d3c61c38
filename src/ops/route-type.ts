// What kind of page a request asked for, from its path alone: the one label metrics break requests down by.
// The set is fixed, so a scan of random URLs cannot create new time series.
import { parseArticlePath, parseSectionPath } from '../domain/urls.ts';

export const ROUTE_TYPES = [
  'home',
  'article',
  'section',
  'search',
  'feed',
  'sitemap',
  'newsroom',
  'api',
  'asset',
  'media',
  'other',
] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];

const FEED = /\/feed\.(xml|atom|json)$|^\/tv\//;
const SITEMAP = /^\/(robots\.txt|sitemap\.xml|news-sitemap\.xml|sitemaps\/)/;
/** One-segment paths that are not sections. */
const NOT_SECTIONS = new Set(['/healthz', '/readyz', '/live', '/metrics']);

/** `section` covers every listing of articles: sections, tags and authors. */
export function routeType(url: string): RouteType {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path === '/') return 'home';
  if (path.startsWith('/assets/')) return 'asset';
  if (path.startsWith('/media/')) return 'media';
  if (path.startsWith('/api/')) return 'api';
  if (path === '/newsroom' || path.startsWith('/newsroom/')) return 'newsroom';
  if (path === '/search') return 'search';
  if (SITEMAP.test(path)) return 'sitemap';
  if (FEED.test(path)) return 'feed';
  if (parseArticlePath(path)) return 'article';
  if (NOT_SECTIONS.has(path)) return 'other';
  if (/^\/(tag|author)\/[^/]+$/.test(path) || parseSectionPath(path) !== null) return 'section';
  return 'other';
}
