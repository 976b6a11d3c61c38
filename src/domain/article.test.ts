import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, canTransition, firstPublishedAt, isPublic } from './article.ts';

describe('article status rules', () => {
  it('follows draft → in review → scheduled/published → unpublished → draft', () => {
    expect(canTransition('draft', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'scheduled')).toBe(true);
    expect(canTransition('scheduled', 'published')).toBe(true);
    expect(canTransition('published', 'unpublished')).toBe(true);
    expect(canTransition('unpublished', 'draft')).toBe(true);
  });

  it('refuses shortcuts out of published and self-transitions', () => {
    expect(canTransition('published', 'draft')).toBe(false);
    expect(canTransition('published', 'scheduled')).toBe(false);
    for (const s of ARTICLE_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('shows only published articles to readers', () => {
    expect(ARTICLE_STATUSES.filter(isPublic)).toEqual(['published']);
  });

  it('never moves the first publication time once set', () => {
    expect(firstPublishedAt(null, '2026-11-02T10:00:00.000Z')).toBe('2026-11-02T10:00:00.000Z');
    expect(firstPublishedAt('2026-11-01T09:00:00.000Z', '2026-11-02T10:00:00.000Z')).toBe('2026-11-01T09:00:00.000Z');
  });
});
