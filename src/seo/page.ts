// What each kind of page tells search engines and social networks (the SeoData that Layout renders).
import type { Section } from '../domain/model.ts';
import type { ArticlePage } from '../services/reader.ts';
import { breadcrumbCrumbs } from './breadcrumb.ts';
import type { SeoData } from './head.tsx';
import { socialImage } from './images.ts';
import { articleDateModified, breadcrumbLd, newsArticleLd, organizationLd } from './structured-data.ts';
import { authorUrl, outletOf, type SeoSite } from './urls.ts';

/** An article page: og:type article with its dates, section, tags and authors; NewsArticle, BreadcrumbList, the outlet. */
export function articleSeo(site: SeoSite, page: ArticlePage, canonical: string): SeoData {
  const a = page.article;
  const description = a.seoDescription || a.standfirst;
  return {
    type: 'article',
    title: a.headline,
    ...(description ? { description } : {}),
    ...(a.hero ? { image: { ...socialImage(site, a.hero), alt: a.hero.alt } } : logoImage(site)),
    twitterCard: a.hero ? 'summary_large_image' : 'summary',
    article: {
      publishedTime: a.firstPublishedAt,
      modifiedTime: articleDateModified(a),
      section: a.sectionName,
      tags: a.tags.map((t) => t.name),
      authors: a.authors.map((p) => authorUrl(site, p.slug)),
    },
    jsonLd: [newsArticleLd(site, { article: a, canonical }), breadcrumbLd(site, breadcrumbCrumbs(page.trail)), organizationLd(site)],
  };
}

/**
 * Home, section, tag and author pages: og:type website and the outlet's description; pages with a visible
 * breadcrumb (sections) pass its trail to get the matching BreadcrumbList.
 */
export function websiteSeo(
  site: SeoSite,
  { title, description, trail }: { title: string; description?: string; trail?: Section[] },
): SeoData {
  return {
    type: 'website',
    title,
    ...(description ? { description } : {}),
    ...logoImage(site),
    twitterCard: 'summary',
    jsonLd: [...(trail ? [breadcrumbLd(site, breadcrumbCrumbs(trail))] : []), organizationLd(site)],
  };
}

/** Pages without a picture of their own are shared with the outlet's logo, when there is one. */
function logoImage(site: SeoSite): Pick<SeoData, 'image'> {
  const logo = outletOf(site).logoUrl;
  return logo ? { image: { url: logo, alt: `${site.siteName} logo` } } : {};
}
