// Surrogate keys: the names of what a cached page shows. A page names its keys (Surrogate-Key and Cache-Tag), a
// change purges keys (cache/invalidation.ts), and the page cache, other processes and a CDN or Varnish purge by
// the same names. Every key is built here.
import type { FastifyReply } from 'fastify';

/** Keys without an id. */
export const KEY = {
  /** The section tree: the navigation on every page, and section names in feeds and sitemaps. */
  navigation: 'sections',
  /** The front page. */
  home: 'home',
  /** What lists the newest articles of the whole site: the site's own feeds. */
  latest: 'latest',
  /** The sitemap index, its files and the Google News sitemap. */
  sitemaps: 'sitemaps',
  /** The TV apps' feeds (Roku, Media RSS). */
  tv: 'tv',
  /** Pages that name nothing else (robots.txt): purged by every change, as a safety net. */
  unnamed: 'site',
} as const;

export const articleKey = (id: number) => `article:${id}`;
export const sectionKey = (id: number) => `section:${id}`;
export const tagKey = (slug: string) => `tag:${slug}`;
export const authorKey = (slug: string) => `author:${slug}`;
export const collectionKey = (slug: string) => `collection:${slug}`;
/** A static page (About, policies…) at /{slug}. */
export const pageKey = (slug: string) => `page:${slug}`;

/** The keys of the articles a page lists or shows, each once. */
export const articleKeys = (articles: ({ id: number } | null)[]) => [...new Set(articles.flatMap((a) => (a ? [articleKey(a.id)] : [])))];

/** The response header that carries a page's keys (page cache, Fastly, Varnish xkey); Cache-Tag is derived from it. */
export const SURROGATE_KEY_HEADER = 'surrogate-key';

/** Names what a page shows. Every page shows the navigation, so it is always included. */
export function setSurrogateKeys(reply: FastifyReply, keys: string[]): FastifyReply {
  return reply.header(SURROGATE_KEY_HEADER, [...new Set([KEY.navigation, ...keys])].join(' '));
}
