// Static pages (About, Contact, the corrections and ethics policies, Privacy, any other): written in the article
// body editor, published at /{slug}, listed in the site footer. A page may fill one well-known role, which the
// outlet's structured data names (NewsMediaOrganization correctionsPolicy, ethicsPolicy).
import type { Body } from './blocks.ts';

export const PAGE_ROLES = ['about', 'contact', 'corrections', 'ethics', 'privacy'] as const;
export type PageRole = (typeof PAGE_ROLES)[number];

export const PAGE_ROLE_NAMES: Record<PageRole, string> = {
  about: 'About us',
  contact: 'Contact',
  corrections: 'Corrections policy',
  ethics: 'Ethics policy',
  privacy: 'Privacy',
};

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/**
 * First path segments the site or the newsroom answers itself, which a page's address may never take: the
 * routes of src/app.ts (assets, media, api, newsroom, search, tag, author, live, tv, sitemaps, health checks,
 * feeds), and a few that readers and crawlers expect to mean something else. Section paths are checked apart
 * (services/newsroom/pages.ts), since sections come and go.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  'api',
  'assets',
  'media',
  'newsroom',
  'search',
  'tag',
  'tags',
  'author',
  'authors',
  'live',
  'tv',
  'sitemaps',
  'sitemap',
  'news-sitemap',
  'robots',
  'feed',
  'feeds',
  'healthz',
  'readyz',
  'metrics',
  'static',
  'admin',
  'login',
  'sign-in',
  'page',
  'pages',
  'well-known',
]);

/** A page as a footer link and the outlet's structured data need it (published pages only). */
export interface PageLink {
  id: number;
  slug: string;
  title: string;
  role: PageRole | null;
  inFooter: boolean;
}

/** A page as the newsroom and the reader site show it. */
export interface PageRecord extends PageLink {
  summary: string;
  body: Body;
  status: PageStatus;
  position: number;
  createdAt: string;
  updatedAt: string;
  /** When it was first published; null while it never was. */
  publishedAt: string | null;
  createdBy: number | null;
}

export const pagePath = (slug: string) => `/${slug}`;
