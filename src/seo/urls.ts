// Absolute addresses for search engines and social networks. They always name the PRIMARY origin
// (config.origin, SiteContext.origin), whatever Host the page was served on: a page read on a mirror or the
// onion address still tells crawlers and share cards that the primary copy is the one to index and link.
import type { OutletIdentity } from '../config.ts';
import { authorPath } from '../domain/urls.ts';
import type { SiteContext } from '../web/context.ts';
import { mediaUrl } from '../domain/urls.ts';

/** What the SEO builders need of the site: its identity and primary origin, nothing request-specific. */
export type SeoSite = Pick<SiteContext, 'origin' | 'siteName' | 'language' | 'outlet' | 'pages'>;

export const DEFAULT_OUTLET: OutletIdentity = {
  logoUrl: undefined,
  correctionsPolicyUrl: undefined,
  ethicsPolicyUrl: undefined,
  locale: 'en_GB',
};

export const outletOf = (site: SeoSite): OutletIdentity => site.outlet ?? DEFAULT_OUTLET;

/** A site path (or media file) as an absolute URL on the primary origin. */
export function absoluteUrl(site: Pick<SeoSite, 'origin'>, path: string): string {
  return new URL(path, `${site.origin}/`).href;
}

export const homeUrl = (site: Pick<SeoSite, 'origin'>) => absoluteUrl(site, '/');
export const authorUrl = (site: Pick<SeoSite, 'origin'>, slug: string) => absoluteUrl(site, authorPath(slug));
export const mediaFileUrl = (site: Pick<SeoSite, 'origin'>, file: string) => absoluteUrl(site, mediaUrl(file));
