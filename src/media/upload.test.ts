// Uploads: the type comes from the bytes, limits hold, bombs and SVG are refused, originals are kept.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaVariant } from '../domain/model.ts';
import { AppError } from '../errors.ts';
import { storeUpload, UPLOAD_LIMITS } from './upload.ts';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-upload-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

const image = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } });

async function refused(bytes: Buffer): Promise<AppError> {
  const err = await storeUpload(dir, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('INVALID_INPUT');
  expect((err as AppError).details.field).toBe('file');
  return err as AppError;
}

/** The three crops exist on disk as JPEGs of the declared size, `width` wide, in their ratios. */
async function expectCrops(variants: MediaVariant[], width: number) {
  const crops = variants.filter((v) => v.crop);
  expect(crops.map((c) => c.crop)).toEqual(['16x9', '4x3', '1x1']);
  for (const c of crops) {
    const meta = await sharp(path.join(dir, c.file)).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([c.width, c.height]);
    expect(c.width).toBe(width);
    const [w, h] = c.crop!.split('x').map(Number) as [number, number];
    expect(Math.abs(c.width / c.height - w / h)).toBeLessThan(0.01);
  }
}

describe('image uploads', () => {
  it.each(['jpeg', 'png', 'webp', 'gif', 'avif'] as const)(
    'accept %s, keep the original and write AVIF, WebP and JPEG sizes',
    async (format) => {
      const bytes = await image(1200, 800).toFormat(format).toBuffer();
      const stored = await storeUpload(dir, bytes);
      expect(stored.width).toBe(1200);
      expect(stored.height).toBe(800);
      expect(await fs.readFile(path.join(dir, stored.originalFile))).toEqual(bytes);
      expect(new Set(stored.variants.map((v) => v.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
      expect(stored.variants.filter((v) => v.format === 'jpeg' && !v.crop).map((v) => v.width)).toEqual([480, 960, 1200]);
      for (const v of stored.variants) {
        const meta = await sharp(path.join(dir, v.file)).metadata();
        expect(meta.width).toBe(v.width);
      }
    },
  );

  it('writes 16:9, 4:3 and 1:1 JPEG crops 1200 px wide when the original is at least that wide', async () => {
    const stored = await storeUpload(dir, await image(2400, 1000).png().toBuffer());
    await expectCrops(stored.variants, 1200);
  });

  it('makes crops as wide as a narrower original, and keeps them out of the resized variants', async () => {
    const stored = await storeUpload(dir, await image(700, 500).jpeg().toBuffer());
    await expectCrops(stored.variants, 700);
    expect(stored.variants.filter((v) => !v.crop).every((v) => Math.abs(v.width / v.height - 700 / 500) < 0.01)).toBe(true);
  });

  it('reads the type from the bytes, whatever the file is called', async () => {
    const stored = await storeUpload(dir, await image(300, 200).png().toBuffer());
    expect(stored.mime).toBe('image/png');
    expect(stored.originalFile.endsWith('.png')).toBe(true);
  });

  it('refuses SVG, text and HTML pretending to be images', async () => {
    expect((await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).message).toMatch(
      /svg|not an image/i,
    );
    await refused(Buffer.from('<html><script>alert(1)</script></html>'));
    await refused(Buffer.from('GIF89a but not really'));
    await refused(Buffer.alloc(0));
  });

  it('refuses a decompression bomb: a small file that claims a huge canvas', async () => {
    const bomb = await sharp({ create: { width: 8_000, height: 8_000, channels: 3, background: '#000000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    expect((await refused(bomb)).message).toMatch(/megapixel|pixel/);
  });

  it('refuses files over the byte limit before decoding them', async () => {
    const big = Buffer.alloc(UPLOAD_LIMITS.bytes + 1);
    expect((await refused(big)).message).toMatch(/larger than/);
  });

  it('never uses the uploaded name in a path', async () => {
    const stored = await storeUpload(dir, await image(100, 100).jpeg().toBuffer());
    expect(stored.originalFile).toMatch(/^uploads\/[0-9a-f]{2}\/[0-9a-f]{24}\.jpg$/);
  });
});
