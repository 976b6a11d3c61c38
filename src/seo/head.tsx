// The search-and-share part of a page's <head>: Open Graph, the Twitter card and the JSON-LD blocks.
// Rendered by Layout for every page that has a canonical URL; all values are escaped by Preact.
import type { SeoImage } from './images.ts';
import { JsonLd, type JsonLdObject } from './jsonld.tsx';
import { outletOf, type SeoSite } from './urls.ts';

export interface SocialImage extends Partial<Pick<SeoImage, 'width' | 'height'>> {
  url: string;
  alt: string;
}

/** Open Graph article:* properties. */
export interface ArticleFacts {
  publishedTime: string;
  modifiedTime: string;
  section: string;
  tags: string[];
  /** Absolute author page URLs. */
  authors: string[];
}

export interface SeoData {
  type: 'article' | 'website';
  /** og:title / twitter:title: the headline or page name, without the site name. */
  title: string;
  description?: string;
  image?: SocialImage;
  /** summary_large_image when the page has a picture of its own to show large, else summary. */
  twitterCard: 'summary' | 'summary_large_image';
  article?: ArticleFacts;
  /** JSON-LD nodes, one <script type="application/ld+json"> each. */
  jsonLd: JsonLdObject[];
}

export function SeoHead({ site, canonical, seo }: { site: SeoSite; canonical: string; seo: SeoData }) {
  const { image, article } = seo;
  return (
    <>
      <meta property="og:type" content={seo.type} />
      <meta property="og:title" content={seo.title} />
      {seo.description && <meta property="og:description" content={seo.description} />}
      <meta property="og:url" content={canonical} />
      <meta property="og:site_name" content={site.siteName} />
      <meta property="og:locale" content={outletOf(site).locale} />
      {image && (
        <>
          <meta property="og:image" content={image.url} />
          {image.width !== undefined && <meta property="og:image:width" content={String(image.width)} />}
          {image.height !== undefined && <meta property="og:image:height" content={String(image.height)} />}
          {image.alt && <meta property="og:image:alt" content={image.alt} />}
        </>
      )}
      {article && (
        <>
          <meta property="article:published_time" content={article.publishedTime} />
          <meta property="article:modified_time" content={article.modifiedTime} />
          <meta property="article:section" content={article.section} />
          {article.tags.map((t) => (
            <meta key={`t${t}`} property="article:tag" content={t} />
          ))}
          {article.authors.map((a) => (
            <meta key={`a${a}`} property="article:author" content={a} />
          ))}
        </>
      )}
      <meta name="twitter:card" content={seo.twitterCard} />
      <meta name="twitter:title" content={seo.title} />
      {seo.description && <meta name="twitter:description" content={seo.description} />}
      {image && <meta name="twitter:image" content={image.url} />}
      {image?.alt && <meta name="twitter:image:alt" content={image.alt} />}
      {seo.jsonLd.map((node, i) => (
        <JsonLd key={i} data={node} />
      ))}
    </>
  );
}
