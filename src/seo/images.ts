// Which picture files describe an article to search engines and social networks.
import { CROP_RATIOS, type MediaRef, type MediaVariant } from '../domain/model.ts';
import { mediaFileUrl, type SeoSite } from './urls.ts';

export interface SeoImage {
  url: string;
  width: number;
  height: number;
}

const image = (site: SeoSite, v: { file: string; width: number; height: number }): SeoImage => ({
  url: mediaFileUrl(site, v.file),
  width: v.width,
  height: v.height,
});

const cropOf = (media: MediaRef, ratio: (typeof CROP_RATIOS)[number]): MediaVariant | undefined =>
  media.variants.find((v) => v.crop === ratio);

/**
 * For structured data: the 16:9, 4:3 and 1:1 crops, in that order. A picture stored before crops were made
 * has none; it is then described by its original file.
 */
export function structuredDataImages(site: SeoSite, media: MediaRef): SeoImage[] {
  const crops = CROP_RATIOS.flatMap((r) => cropOf(media, r) ?? []);
  return crops.length > 0
    ? crops.map((c) => image(site, c))
    : [image(site, { file: media.file, width: media.width, height: media.height })];
}

/**
 * For og:image and the Twitter card: the 16:9 crop (what both display); without crops, the largest JPEG
 * resize, else the original.
 */
export function socialImage(site: SeoSite, media: MediaRef): SeoImage {
  const pick = cropOf(media, '16x9') ?? media.variants.filter((v) => v.format === 'jpeg' && !v.crop).at(-1);
  return image(site, pick ?? { file: media.file, width: media.width, height: media.height });
}
