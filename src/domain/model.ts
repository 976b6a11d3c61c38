// Read models shared by services and views. Plain data, no behaviour.
import type { ArticleKind, ArticleStatus } from './article.ts';
import type { Body } from './blocks.ts';

export interface MediaVariant {
  width: number;
  height: number;
  format: 'jpeg' | 'webp' | 'avif' | 'png' | 'gif';
  file: string;
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
}

export interface SearchHit {
  article: ArticleSummary;
  /** A highlighted excerpt: text runs, the odd-numbered ones matched the query. */
  snippet: string[];
}
