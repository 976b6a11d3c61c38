import { describe, expect, it } from 'vitest';
import { isSlug, slugify } from './slug.ts';

describe('slugify', () => {
  it('lower-cases, drops punctuation and joins words with hyphens', () => {
    expect(slugify('Talks resume in Geneva!')).toBe('talks-resume-in-geneva');
    expect(slugify("  Minister's  plan -- explained ")).toBe('ministers-plan-explained');
  });

  it('folds accents to ASCII', () => {
    expect(slugify('Zürich café opens in São Paulo')).toBe('zurich-cafe-opens-in-sao-paulo');
  });

  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('untitled');
    expect(slugify('Москва')).toBe('untitled');
  });

  it('cuts long input at a word boundary within the limit', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('produces valid slugs that isSlug accepts', () => {
    for (const input of ['A B C', 'Été 2026', 'x'.repeat(200), 'Hello, <script>']) expect(isSlug(slugify(input))).toBe(true);
  });
});

describe('isSlug', () => {
  it('rejects upper case, spaces, doubled or edge hyphens and markup', () => {
    for (const bad of ['', 'Abc', 'a b', 'a--b', '-a', 'a-', '<x>', 'a/b', 'x'.repeat(81)]) expect(isSlug(bad)).toBe(false);
  });
});
