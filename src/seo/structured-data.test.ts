// The JSON-LD builders as pure functions: the outlet, an article, a breadcrumb.
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, MediaRef } from '../domain/model.ts';
import { breadcrumbCrumbs } from './breadcrumb.ts';
import { structuredDataImages, socialImage } from './images.ts';
import { articleDateModified, breadcrumbLd, newsArticleLd, organizationLd } from './structured-data.ts';
import type { SeoSite } from './urls.ts';

const site: SeoSite = { origin: 'https://news.example', siteName: 'Meridian', language: 'en', outlet: undefined };
const configured: SeoSite = {
  ...site,
  outlet: {
    logoUrl: 'https://cdn.example/logo.png',
    correctionsPolicyUrl: 'https://news.example/corrections',
    ethicsPolicyUrl: 'https://news.example/ethics',
    locale: 'en_GB',
  },
};

const hero: MediaRef & { alt: string; caption: string } = {
  id: 9,
  file: 'demo/abc.jpg',
  mime: 'image/jpeg',
  width: 1600,
  height: 900,
  alt: 'Harbour at dawn',
  caption: '',
  credit: '',
  variants: [
    { width: 480, height: 270, format: 'webp', file: 'demo/abc-480.webp' },
    { width: 1200, height: 675, format: 'jpeg', file: 'demo/abc-16x9.jpg', crop: '16x9' },
    { width: 1200, height: 900, format: 'jpeg', file: 'demo/abc-4x3.jpg', crop: '4x3' },
    { width: 1200, height: 1200, format: 'jpeg', file: 'demo/abc-1x1.jpg', crop: '1x1' },
  ],
};

function article(over: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    id: 42,
    slug: 'talks-resume',
    headline: 'Talks resume',
    standfirst: 'Negotiators returned.',
    kind: 'news',
    sectionPath: 'news/europe',
    sectionName: 'Europe',
    firstPublishedAt: '2026-11-20T10:00:00.000Z',
    updatedAt: null,
    hero,
    status: 'published',
    body: [],
    seoTitle: '',
    seoDescription: '',
    primarySectionId: 2,
    authors: [{ id: 1, slug: 'ana-reyes', name: 'Ana Reyes', title: 'Europe correspondent', bio: '' }],
    tags: [{ id: 1, slug: 'shipping', name: 'Shipping' }],
    media: new Map(),
    modifiedAt: '2026-11-20T11:59:00.000Z',
    corrections: [],
    ...over,
  };
}

const canonical = 'https://news.example/news/europe/2026/11/20/42/talks-resume';

describe('organizationLd', () => {
  it('names the outlet and its home page on the primary origin', () => {
    expect(organizationLd(site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      '@id': 'https://news.example/#organization',
      name: 'Meridian',
      url: 'https://news.example/',
    });
  });

  it('adds the logo and the corrections and ethics policies when configured', () => {
    const org = organizationLd(configured);
    expect(org.logo).toEqual({ '@type': 'ImageObject', url: 'https://cdn.example/logo.png' });
    expect(org.correctionsPolicy).toBe('https://news.example/corrections');
    expect(org.ethicsPolicy).toBe('https://news.example/ethics');
  });
});

describe('newsArticleLd', () => {
  it('has the fields Google asks of a news article', () => {
    const ld = newsArticleLd(configured, { article: article(), canonical });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Talks resume',
      url: canonical,
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      datePublished: '2026-11-20T10:00:00.000Z',
      dateModified: '2026-11-20T10:00:00.000Z',
      isAccessibleForFree: true,
      articleSection: 'Europe',
      keywords: ['Shipping'],
      author: [{ '@type': 'Person', name: 'Ana Reyes', url: 'https://news.example/author/ana-reyes', jobTitle: 'Europe correspondent' }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Meridian',
        logo: { '@type': 'ImageObject', url: 'https://cdn.example/logo.png' },
      },
    });
    expect(ld.publisher).not.toHaveProperty('@context');
    expect(ld).not.toHaveProperty('correction');
  });

  it('lists the 16:9, 4:3 and 1:1 crops as absolute images', () => {
    const ld = newsArticleLd(site, { article: article(), canonical });
    expect(ld.image).toEqual([
      { '@type': 'ImageObject', url: 'https://news.example/media/demo/abc-16x9.jpg', width: 1200, height: 675 },
      { '@type': 'ImageObject', url: 'https://news.example/media/demo/abc-4x3.jpg', width: 1200, height: 900 },
      { '@type': 'ImageObject', url: 'https://news.example/media/demo/abc-1x1.jpg', width: 1200, height: 1200 },
    ]);
  });

  it('falls back to the original picture when it has no crops, and omits image without a hero', () => {
    const old = { ...hero, variants: hero.variants.filter((v) => !v.crop) };
    expect(newsArticleLd(site, { article: article({ hero: old }), canonical }).image).toEqual([
      { '@type': 'ImageObject', url: 'https://news.example/media/demo/abc.jpg', width: 1600, height: 900 },
    ]);
    expect(newsArticleLd(site, { article: article({ hero: null }), canonical })).not.toHaveProperty('image');
  });

  it('lists each correction as a CorrectionComment; clarifications are not corrections', () => {
    const ld = newsArticleLd(site, {
      article: article({
        corrections: [
          { kind: 'correction', note: 'An earlier version misspelt the port.', createdAt: '2026-11-20T11:00:00.000Z' },
          { kind: 'clarification', note: 'The fees are per ship.', createdAt: '2026-11-20T11:30:00.000Z' },
          { kind: 'correction', note: 'The talks began on Tuesday.', createdAt: '2026-11-20T11:45:00.000Z' },
        ],
      }),
      canonical,
    });
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version misspelt the port.', datePublished: '2026-11-20T11:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'The talks began on Tuesday.', datePublished: '2026-11-20T11:45:00.000Z' },
    ]);
    expect(ld.dateModified).toBe('2026-11-20T11:45:00.000Z');
  });

  it('credits the outlet when there is no byline', () => {
    const ld = newsArticleLd(site, { article: article({ authors: [] }), canonical });
    expect(ld.author).toEqual([
      { '@type': 'NewsMediaOrganization', '@id': 'https://news.example/#organization', name: 'Meridian', url: 'https://news.example/' },
    ]);
  });
});

describe('articleDateModified', () => {
  const base = { firstPublishedAt: '2026-11-20T10:00:00.000Z', updatedAt: null, corrections: [] };
  it('is the Updated time, else first publication, never the internal modifiedAt', () => {
    expect(articleDateModified(base)).toBe('2026-11-20T10:00:00.000Z');
    expect(articleDateModified({ ...base, updatedAt: '2026-11-20T11:00:00.000Z' })).toBe('2026-11-20T11:00:00.000Z');
  });
  it('moves on to a later dated note, but not back to an earlier one', () => {
    const note = (createdAt: string) => ({ kind: 'clarification' as const, note: 'n', createdAt });
    expect(articleDateModified({ ...base, updatedAt: '2026-11-20T11:00:00.000Z', corrections: [note('2026-11-20T10:30:00.000Z')] })).toBe(
      '2026-11-20T11:00:00.000Z',
    );
    expect(articleDateModified({ ...base, corrections: [note('2026-11-21T08:00:00.000Z')] })).toBe('2026-11-21T08:00:00.000Z');
  });
});

describe('breadcrumbLd', () => {
  it('lists Home and each section with 1-based positions and absolute URLs', () => {
    const trail = [
      { id: 1, parentId: null, slug: 'news', path: 'news', name: 'News', description: '', position: 0 },
      { id: 2, parentId: 1, slug: 'europe', path: 'news/europe', name: 'Europe', description: '', position: 0 },
    ];
    expect(breadcrumbLd(site, breadcrumbCrumbs(trail))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example/' },
        { '@type': 'ListItem', position: 2, name: 'News', item: 'https://news.example/news' },
        { '@type': 'ListItem', position: 3, name: 'Europe', item: 'https://news.example/news/europe' },
      ],
    });
  });
});

describe('images', () => {
  it('share the 16:9 crop; without crops the largest JPEG resize, else the original', () => {
    expect(socialImage(site, hero)).toEqual({ url: 'https://news.example/media/demo/abc-16x9.jpg', width: 1200, height: 675 });
    const uploaded = {
      ...hero,
      file: 'uploads/ab/x.avif',
      variants: [{ width: 960, height: 540, format: 'jpeg' as const, file: 'uploads/ab/x-960.jpg' }],
    };
    expect(socialImage(site, uploaded)).toEqual({ url: 'https://news.example/media/uploads/ab/x-960.jpg', width: 960, height: 540 });
    expect(socialImage(site, { ...hero, variants: [] }).url).toBe('https://news.example/media/demo/abc.jpg');
    expect(structuredDataImages(site, uploaded)).toEqual([
      { url: 'https://news.example/media/uploads/ab/x.avif', width: 1600, height: 900 },
    ]);
  });
});
