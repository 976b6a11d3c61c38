import { describe, expect, it } from 'vitest';
import { Harvest, percentile, slopePerMinute, treeRssMb } from '../../bench/soak-support.ts';

describe('soak helpers', () => {
  it('percentile is nearest-rank over sorted values', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('slopePerMinute fits a line through the samples', () => {
    expect(slopePerMinute([0, 10, 20, 30].map((s) => ({ second: s, rssMb: 100 + s / 2 })))).toBeCloseTo(30, 6);
    expect(slopePerMinute([0, 10, 20].map((s) => ({ second: s, rssMb: 80 })))).toBe(0);
    expect(slopePerMinute([{ second: 0, rssMb: 1 }])).toBe(0);
  });

  it('harvests article, listing and asset links, and listing pages only as deep as linked', () => {
    const h = new Harvest(['news']);
    const page = `<!doctype html><a href="/news/europe/2026/11/20/42/border-talks">a</a><a href="/tag/diplomacy">t</a>
      <link href="/assets/site.css" rel="stylesheet"><a href="/news?page=2" rel="next">next</a>`;
    h.from('/news', page);
    let i = 0;
    const seq = [0, 0.99, 0.5, 0.99];
    const rand = () => seq[i++ % seq.length]!;
    expect(h.article(rand)).toBe('/news/europe/2026/11/20/42/border-talks');
    const listings = new Set(Array.from({ length: 40 }, () => h.listing(Math.random)));
    expect([...listings].sort()).toEqual(['/news', '/news?page=2', '/tag/diplomacy']);
    expect(h.asset(Math.random)).toBe('/assets/site.css');
    h.from('/feed.xml', '<rss><link>/news/europe/2026/11/20/43/other</link></rss>');
    expect(new Set(Array.from({ length: 20 }, () => h.article(Math.random)))).toEqual(new Set(['/news/europe/2026/11/20/42/border-talks']));
  });

  it('measures the resident memory of a process and its children', async () => {
    expect(await treeRssMb(process.pid)).toBeGreaterThan(10);
  });
});
