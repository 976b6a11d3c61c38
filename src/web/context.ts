// What every page needs to know about the site it is rendered for.
import type { Config, OutletIdentity } from '../config.ts';
import type { Section } from '../domain/model.ts';
import type { PageLink } from '../domain/pages.ts';

export interface SiteContext {
  siteName: string;
  language: string;
  timezone: string;
  /** Primary origin: canonical and share links point here. */
  origin: string;
  mirrors: string[];
  tvAppUrl: string | undefined;
  /** Logo, policy pages and locale, for Open Graph and structured data (src/seo); absent means none and en_GB. */
  outlet?: OutletIdentity;
  /** Top-level sections, for the navigation bar. */
  nav: Section[];
  /**
   * Published static pages: the footer lists those in it, and the corrections and ethics pages are named in the
   * outlet's structured data. Absent where a page is made without them (an error before routing, a preview).
   */
  pages?: PageLink[];
}

/** The parts of the configuration every page needs; `nav` is added per request from the section tree. */
export function siteFromConfig(config: Config): Omit<SiteContext, 'nav'> {
  return {
    siteName: config.siteName,
    language: config.language,
    timezone: config.timezone,
    origin: config.origin,
    mirrors: config.mirrors,
    tvAppUrl: config.tvAppUrl,
    outlet: config.outlet,
  };
}
