// Read models shared by services and views. Plain data, no behaviour.
import type { ArticleKind, ArticleStatus } from './article.ts';
import type { Body } from './blocks.ts';
import type { Video } from './video.ts';

/** Fixed-ratio crops made for search engines and social cards (16:9, 4:3 and 1:1), as Google asks of news images. */
export const CROP_RATIOS = ['16x9', '4x3', '1x1'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

export interface MediaVariant {
  width: number;
  height: number;
  format: 'jpeg' | 'webp' | 'avif' | 'png' | 'gif';
  file: string;
  /**
   * Set on the fixed-ratio crops (JPEG). Crops are not resized copies of the whole picture, so responsive
   * srcsets and the <img> fallback must skip them. Rows stored before crops existed simply have none.
   */
  crop?: CropRatio;
}

export interface MediaRef {
  id: number;
  file: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
}

export interface Section {
  id: number;
  parentId: number | null;
  slug: string;
  path: string;
  name: string;
  description: string;
  position: number;
}

export interface Person {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

/** What a listing shows of an article. */
export interface ArticleSummary {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  kind: ArticleKind;
  sectionPath: string;
  sectionName: string;
  firstPublishedAt: string;
  updatedAt: string | null;
  hero: (MediaRef & { alt: string; caption: string }) | null;
}

/** Everything an article page shows. */
export interface ArticleDetail extends ArticleSummary {
  status: ArticleStatus;
  body: Body;
  seoTitle: string;
  seoDescription: string;
  primarySectionId: number;
  authors: Person[];
  tags: Tag[];
  /** Media used by inline image blocks, by id. */
  media: Map<number, MediaRef>;
  modifiedAt: string;
  /** Dated correction and clarification notes, oldest first; never edited away. */
  corrections: { kind: 'correction' | 'clarification'; note: string; createdAt: string }[];
  /** The video of a video article, with its poster resolved. */
  video?: (Video & { poster: MediaRef | null }) | null;
}

export interface SearchHit {
  article: ArticleSummary;
  /** A highlighted excerpt: text runs, the odd-numbered ones matched the query. */
  snippet: string[];
}
