// Video on articles and in TV-app feeds. The constraints follow Roku's Direct Publisher feed rules, so a
// video that would break a channel is left out of the feed (and the newsroom says why) instead.
import { z } from 'zod';

export const captionTrackSchema = z.object({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en'),
  label: z.string().trim().min(1).max(60),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:/i.test(u), 'must be http(s)')
    .refine((u) => /\.vtt($|\?)/i.test(u), 'must be a WebVTT (.vtt) file'),
});

export const videoSchema = z.object({
  url: z
    .string()
    .url()
    .max(2048)
    .refine((u) => /^https?:/i.test(u), 'must be http(s)'),
  type: z.enum(['hls', 'mp4']),
  durationSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600),
  posterMediaId: z.number().int().positive().nullable().default(null),
  captions: z.array(captionTrackSchema).max(10).default([]),
});
export type Video = z.infer<typeof videoSchema>;

export const mimeOf = (v: Pick<Video, 'type'>) => (v.type === 'hls' ? 'application/x-mpegURL' : 'video/mp4');

/** What a TV feed needs of a video article; everything the feeds print comes from here. */
export interface TvItem {
  id: number;
  title: string;
  description: string;
  url: string;
  publishedAt: string;
  tags: string[];
  video: Video;
  /** Absolute poster URL with its pixel size, when there is a poster. */
  thumbnail: { url: string; width: number; height: number } | null;
}

export const ROKU_LIMITS = {
  shortDescription: 200,
  tag: 20,
  title: 50,
  /** Roku asks for 16:9 thumbnails of at least 800×450. */
  thumbnailMin: { width: 800, height: 450 },
};

/** The reasons an item cannot go into a TV feed as it is (empty: it can). */
export function tvFeedProblems(item: TvItem): string[] {
  const problems: string[] = [];
  if (!item.title.trim()) problems.push('The title is empty.');
  if (!item.description.trim()) problems.push('The standfirst is empty; TV feeds need a short description.');
  if (!item.thumbnail) problems.push('There is no poster image.');
  else {
    const { width, height } = item.thumbnail;
    if (width < ROKU_LIMITS.thumbnailMin.width || height < ROKU_LIMITS.thumbnailMin.height)
      problems.push(`The poster is ${width}×${height}; TV feeds need at least 800×450.`);
    if (Math.abs(width / height - 16 / 9) > 0.02) problems.push(`The poster is not 16:9 (${width}×${height}).`);
  }
  return problems;
}

/** Shortens text at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
