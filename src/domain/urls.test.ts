import { describe, expect, it } from 'vitest';
import { articlePath, dateInZone, parseArticlePath, parseSectionPath } from './urls.ts';

const article = { id: 42, slug: 'talks-resume', sectionPath: 'news/europe', firstPublishedAt: '2026-11-20T23:30:00.000Z' };

describe('article URLs', () => {
  it('carry section path, date, id and slug', () => {
    expect(articlePath(article, 'UTC')).toBe('/news/europe/2026/11/20/42/talks-resume');
  });

  it('use the newsroom time zone for the date', () => {
    expect(articlePath(article, 'Europe/Moscow')).toBe('/news/europe/2026/11/21/42/talks-resume');
    expect(dateInZone('2026-01-01T02:00:00.000Z', 'America/New_York')).toEqual({ yyyy: '2025', mm: '12', dd: '31' });
  });

  it('parse back to id and slug, with or without the slug', () => {
    expect(parseArticlePath('/news/europe/2026/11/20/42/talks-resume')).toEqual({ id: 42, slug: 'talks-resume' });
    expect(parseArticlePath('/news/2026/11/20/42')).toEqual({ id: 42, slug: '' });
    expect(parseArticlePath('/news/2026/11/20/42/')).toEqual({ id: 42, slug: '' });
  });

  it('reject paths that are not article URLs', () => {
    for (const p of [
      '/news/europe',
      '/2026/11/20/42/x',
      '/news/2026/11/20/0/x',
      '/news/2026/11/20/99999999999999999999/x',
      '/News/2026/11/20/4/x',
    ]) {
      expect(parseArticlePath(p), p).toBeNull();
    }
  });
});

describe('section URLs', () => {
  it('accept nested slug paths', () => {
    expect(parseSectionPath('/news')).toBe('news');
    expect(parseSectionPath('/news/middle-east/')).toBe('news/middle-east');
  });

  it('reject anything else', () => {
    for (const p of ['/', '//evil.example', '/news//europe', '/news/Europe', '/news/../x', '/a b'])
      expect(parseSectionPath(p), p).toBeNull();
  });
});
