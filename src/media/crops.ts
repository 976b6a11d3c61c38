// Fixed-ratio crops (16:9, 4:3, 1:1) for search engines and social cards. Google's article guidelines ask
// for images in these three ratios at least 1200 px wide; sharp's "attention" strategy keeps the busiest,
// most salient region (faces, colour, detail) inside each crop.
import type { Sharp } from 'sharp';
import { CROP_RATIOS, type CropRatio, type MediaVariant } from '../domain/model.ts';

/** The width crops are made at when the original is at least this wide. */
export const CROP_WIDTH = 1200;

const RATIO: Record<CropRatio, [number, number]> = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] };

/**
 * Size of a crop: 1200 px wide when the original is at least 1200 px wide, else as wide as the original;
 * the height follows from the ratio. (A 1:1 crop of a wide picture may therefore be taller than the
 * original and is scaled up a little to fill; that is the price of a crop search engines accept.)
 */
export function cropSize(ratio: CropRatio, originalWidth: number): { width: number; height: number } {
  const width = Math.min(CROP_WIDTH, originalWidth);
  const [w, h] = RATIO[ratio];
  return { width, height: Math.max(1, Math.round((width * h) / w)) };
}

/** The crop variants of a picture, named `{stem}-{ratio}.jpg`, before any bytes are written. */
export function cropVariants(stem: string, originalWidth: number): MediaVariant[] {
  return CROP_RATIOS.map((crop) => ({ ...cropSize(crop, originalWidth), format: 'jpeg' as const, file: `${stem}-${crop}.jpg`, crop }));
}

/** JPEG bytes of one crop, from a fresh sharp pipeline over the original. */
export function renderCrop(source: Sharp, v: MediaVariant): Promise<Buffer> {
  return source
    .resize(v.width, v.height, { fit: 'cover', position: 'attention' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82 })
    .toBuffer();
}
