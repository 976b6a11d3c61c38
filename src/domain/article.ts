// Article rules that need no I/O: kinds, the status machine, and what readers may see.

export const ARTICLE_KINDS = ['news', 'opinion', 'analysis', 'video', 'live'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Allowed status changes. Unpublishing and going back to draft are the only ways out of "published". */
const TRANSITIONS: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'in_review', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'published'],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Only published articles are visible to readers. */
export function isPublic(status: ArticleStatus): boolean {
  return status === 'published';
}

/**
 * The first publication time is fixed forever once set; republishing keeps it.
 * Returns the value to store when an article becomes published at `now`.
 */
export function firstPublishedAt(existing: string | null, now: string): string {
  return existing ?? now;
}
