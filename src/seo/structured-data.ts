// schema.org descriptions (JSON-LD) of the outlet, its articles and breadcrumbs. Pure functions of read
// models and site identity; every URL is absolute on the primary origin (see urls.ts).
import type { ArticleDetail } from '../domain/model.ts';
import { pagePath } from '../domain/pages.ts';
import type { Crumb } from './breadcrumb.ts';
import { structuredDataImages } from './images.ts';
import type { JsonLdObject } from './jsonld.tsx';
import { absoluteUrl, authorUrl, homeUrl, outletOf, type SeoSite } from './urls.ts';

const CONTEXT = 'https://schema.org';

/** The outlet's own node id, so other nodes can point at it. */
export const organizationId = (site: SeoSite) => `${homeUrl(site)}#organization`;

/**
 * The outlet's corrections and ethics policies: the published pages with those roles (newsroom → Pages), else
 * the addresses configured (MASTHEAD_CORRECTIONS_POLICY_URL, MASTHEAD_ETHICS_POLICY_URL).
 */
export function policyUrls(site: SeoSite): { corrections: string | undefined; ethics: string | undefined } {
  const outlet = outletOf(site);
  const page = (role: 'corrections' | 'ethics') => {
    const p = site.pages?.find((x) => x.role === role);
    return p && absoluteUrl(site, pagePath(p.slug));
  };
  return { corrections: page('corrections') ?? outlet.correctionsPolicyUrl, ethics: page('ethics') ?? outlet.ethicsPolicyUrl };
}

/** The outlet as a NewsMediaOrganization: name, home page, logo and policy pages when there are some. */
export function organizationLd(site: SeoSite): JsonLdObject {
  const outlet = outletOf(site);
  const policies = policyUrls(site);
  const node: JsonLdObject = {
    '@context': CONTEXT,
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(site),
    name: site.siteName,
    url: homeUrl(site),
  };
  if (outlet.logoUrl) node.logo = { '@type': 'ImageObject', url: outlet.logoUrl };
  if (policies.corrections) node.correctionsPolicy = policies.corrections;
  if (policies.ethics) {
    node.ethicsPolicy = policies.ethics;
    // The document of the outlet's editorial principles, which its ethics policy is.
    node.publishingPrinciples = policies.ethics;
  }
  return node;
}

/** The organization as a nested value (publisher, or author when an article has no byline). */
function organizationRef(site: SeoSite): JsonLdObject {
  const { '@context': _context, ...node } = organizationLd(site);
  return node as JsonLdObject;
}

/**
 * When the article last changed for readers: its editorial "Updated" time (updatedAt), or first publication
 * when it was never updated, moved on to the newest dated correction or clarification note if that is
 * later (appending a note is a change readers see, but does not set updatedAt). `modifiedAt`, which moves on
 * every newsroom save, is deliberately not used: it would announce changes readers cannot see.
 */
export function articleDateModified(a: Pick<ArticleDetail, 'firstPublishedAt' | 'updatedAt' | 'corrections'>): string {
  let latest = a.updatedAt ?? a.firstPublishedAt;
  for (const c of a.corrections) if (Date.parse(c.createdAt) > Date.parse(latest)) latest = c.createdAt;
  return latest;
}

export interface NewsArticleInput {
  article: ArticleDetail;
  /** Absolute canonical URL on the primary origin. */
  canonical: string;
}

/** The article as a NewsArticle (Google's Article rich result fields, plus corrections). */
export function newsArticleLd(site: SeoSite, { article: a, canonical }: NewsArticleInput): JsonLdObject {
  const node: JsonLdObject = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${canonical}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    headline: a.headline,
    description: a.seoDescription || a.standfirst,
    datePublished: a.firstPublishedAt,
    dateModified: articleDateModified(a),
    author:
      a.authors.length > 0
        ? a.authors.map((p) => ({
            '@type': 'Person',
            name: p.name,
            url: authorUrl(site, p.slug),
            ...(p.title ? { jobTitle: p.title } : {}),
          }))
        : [organizationRef(site)],
    publisher: organizationRef(site),
    isAccessibleForFree: true,
    inLanguage: site.language,
    articleSection: a.sectionName,
  };
  if (a.hero)
    node.image = structuredDataImages(site, a.hero).map((i) => ({ '@type': 'ImageObject', url: i.url, width: i.width, height: i.height }));
  if (a.tags.length > 0) node.keywords = a.tags.map((t) => t.name);
  // Clarifications add context without saying the article was wrong, so only corrections are listed here.
  const corrections = a.corrections.filter((c) => c.kind === 'correction');
  if (corrections.length > 0)
    node.correction = corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.createdAt }));
  return node;
}

/** A BreadcrumbList with the same names and links, in the same order, as the visible breadcrumb. */
export function breadcrumbLd(site: SeoSite, crumbs: Crumb[]): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(site, c.path) })),
  };
}
