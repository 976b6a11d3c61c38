// Demo pictures: the painted original, its WebP resizes and the fixed-ratio crops used by structured data.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { srcset } from '../web/format.ts';
import { fallbackFile } from '../domain/urls.ts';
import { generateDemoImage } from './generate.ts';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-generate-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

describe('demo pictures', () => {
  it('come with 16:9, 4:3 and 1:1 JPEG crops 1200 px wide, written to disk', async () => {
    const img = await generateDemoImage(dir, ['#123456', '#abcdef', '#fedcba'], 'a crop test');
    expect([img.width, img.height]).toEqual([1600, 900]);
    const crops = img.variants.filter((v) => v.crop);
    expect(crops.map((c) => [c.crop, c.width, c.height, c.format])).toEqual([
      ['16x9', 1200, 675, 'jpeg'],
      ['4x3', 1200, 900, 'jpeg'],
      ['1x1', 1200, 1200, 'jpeg'],
    ]);
    for (const c of crops) {
      const meta = await sharp(path.join(dir, c.file)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', c.width, c.height]);
    }
  });

  it('keep crops out of srcsets and the <img> fallback', async () => {
    const img = await generateDemoImage(dir, ['#123456', '#abcdef'], 'srcset test');
    const media = {
      id: 1,
      file: img.originalFile,
      mime: img.mime,
      width: img.width,
      height: img.height,
      alt: '',
      caption: '',
      credit: '',
      variants: img.variants,
    };
    expect(
      srcset(media, 'webp')
        .split(', ')
        .map((s) => s.split(' ')[1]),
    ).toEqual(['480w', '960w', '1600w']);
    expect(srcset(media, 'jpeg')).toBe('');
    expect(fallbackFile(media)).toBe(img.originalFile);
  });

  it('repaint missing crops for pictures painted before crops existed', async () => {
    const first = await generateDemoImage(dir, ['#222222', '#999999'], 'old cache');
    const crop = first.variants.find((v) => v.crop === '4x3')!;
    await fs.rm(path.join(dir, crop.file));
    await generateDemoImage(dir, ['#222222', '#999999'], 'old cache');
    await expect(fs.stat(path.join(dir, crop.file))).resolves.toBeTruthy();
  });
});
