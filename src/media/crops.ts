// Fixed-ratio crops (16:9, 4:3, 1:1) for search engines and social cards. Google's article guidelines ask
// for images in these three ratios at least 1200 px wide. At upload (and for demo pictures) sharp's "attention"
// strategy keeps the busiest, most salient region (faces, colour, detail) inside each crop; once an editor sets
// the picture's focal point, the crops are made again centred on it (`renderFocusedCrop`), under new file names
// since media files are served as immutable.
import sharp, { type Sharp } from 'sharp';
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

/** A focal point: fractions (0..1) of the width and height from the top left corner. */
export interface Focus {
  x: number;
  y: number;
}

/**
 * The region of a `width`×`height` picture with the crop's ratio, as large as fits, centred on the focal point
 * and moved as little as needed to stay inside the picture.
 */
export function focusRegion(ratio: CropRatio, width: number, height: number, focus: Focus) {
  const [w, h] = RATIO[ratio];
  const wide = width * h >= height * w;
  const cw = wide ? Math.max(1, Math.min(width, Math.round((height * w) / h))) : width;
  const ch = wide ? height : Math.max(1, Math.min(height, Math.round((width * h) / w)));
  const clamp = (v: number, max: number) => Math.min(Math.max(0, v), max);
  return {
    left: clamp(Math.round(focus.x * width - cw / 2), width - cw),
    top: clamp(Math.round(focus.y * height - ch / 2), height - ch),
    width: cw,
    height: ch,
  };
}

/** The file of a crop made around a focal point: a new name per point, so no cache keeps an older crop. */
export function focusedCropFile(stem: string, ratio: CropRatio, focus: Focus): string {
  const permille = (v: number) => String(Math.round(v * 1000));
  return `${stem}-${ratio}-f${permille(focus.x)}-${permille(focus.y)}.jpg`;
}

/** The stem crop files are named after: the original's path without its extension. */
export const cropStem = (originalFile: string) => originalFile.replace(/\.[a-z0-9]+$/i, '');

/**
 * JPEG bytes of the crops of `original` (its bytes) centred on `focus`, with their variants. Oriented as the
 * other renditions are (EXIF rotation applied first).
 */
export async function renderFocusedCrops(
  original: Buffer,
  originalFile: string,
  focus: Focus,
  limitInputPixels: number,
): Promise<{ variant: MediaVariant; bytes: Buffer }[]> {
  // Decoded once: every crop is cut from the same oriented pixels.
  const { data, info } = await sharp(original, { limitInputPixels }).rotate().raw().toBuffer({ resolveWithObject: true });
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const stem = cropStem(originalFile);
  return Promise.all(
    CROP_RATIOS.map(async (crop) => {
      const variant: MediaVariant = { ...cropSize(crop, info.width), format: 'jpeg', file: focusedCropFile(stem, crop, focus), crop };
      const bytes = await raw()
        .extract(focusRegion(crop, info.width, info.height, focus))
        .resize(variant.width, variant.height, { fit: 'fill' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82 })
        .toBuffer();
      return { variant, bytes };
    }),
  );
}
