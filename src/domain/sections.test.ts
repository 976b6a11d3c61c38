import { describe, expect, it } from 'vitest';
import type { Section } from './model.ts';
import { SectionTree } from './sections.ts';

const s = (id: number, parentId: number | null, path: string, position = id): Section => ({
  id,
  parentId,
  slug: path.split('/').at(-1)!,
  path,
  name: path,
  description: '',
  position,
});

const tree = new SectionTree([
  s(1, null, 'news', 2),
  s(2, 1, 'news/europe'),
  s(3, 1, 'news/russia'),
  s(4, null, 'sport', 1),
  s(5, 2, 'news/europe/baltics'),
]);

describe('SectionTree', () => {
  it('orders roots by position', () => {
    expect(tree.roots().map((x) => x.path)).toEqual(['sport', 'news']);
  });

  it('gives the breadcrumb from the root down', () => {
    expect(tree.trail(5).map((x) => x.path)).toEqual(['news', 'news/europe', 'news/europe/baltics']);
    expect(tree.trail(99)).toEqual([]);
  });

  it('collects a subtree', () => {
    expect(tree.subtreeIds(1).sort()).toEqual([1, 2, 3, 5]);
    expect(tree.subtreeIds(4)).toEqual([4]);
  });

  it('finds by path and survives a cycle in bad data', () => {
    expect(tree.find('news/russia')?.id).toBe(3);
    const cyclic = new SectionTree([s(1, 2, 'a'), s(2, 1, 'b')]);
    expect(cyclic.trail(1).length).toBeLessThanOrEqual(65);
  });
});
