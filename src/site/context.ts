// What every page needs to know about the site it is rendered for.
import type { Section } from '../domain/model.ts';

export interface SiteContext {
  siteName: string;
  language: string;
  timezone: string;
  /** Primary origin: canonical and share links point here. */
  origin: string;
  mirrors: string[];
  tvAppUrl: string | undefined;
  /** Top-level sections, for the navigation bar. */
  nav: Section[];
}
