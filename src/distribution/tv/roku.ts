// Roku Direct Publisher JSON: what a SceneGraph channel template reads. Categories and playlists follow the
// top-level sections; every value is clipped to Roku's limits here, and items that cannot meet them were
// already left out by services/tv.ts.
import { clip, ROKU_LIMITS, type TvItem } from '../../domain/video.ts';

export interface RokuFeedInput {
  providerName: string;
  language: string;
  items: (TvItem & { sectionSlug: string; sectionName: string })[];
  now: string;
}

/** Roku wants ISO 8601 with an explicit offset. */
const isoWithOffset = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00').replace(/Z$/, '+00:00');

export function rokuFeed(f: RokuFeedInput) {
  const video = (i: TvItem) => ({
    id: String(i.id),
    title: clip(i.title, ROKU_LIMITS.title),
    content: {
      dateAdded: isoWithOffset(i.publishedAt),
      videos: [{ url: i.video.url, quality: 'HD', videoType: i.video.type === 'hls' ? 'HLS' : 'MP4' }],
      duration: i.video.durationSeconds,
      ...(i.video.captions.length
        ? { captions: i.video.captions.map((c) => ({ url: c.url, language: c.language, captionType: 'CLOSED_CAPTION' })) }
        : {}),
    },
    thumbnail: i.thumbnail!.url,
    shortDescription: clip(i.description, ROKU_LIMITS.shortDescription),
    releaseDate: i.publishedAt.slice(0, 10),
    tags: [...new Set(i.tags.map((t) => t.toLowerCase()).filter((t) => t.length <= ROKU_LIMITS.tag))],
    genres: ['news'],
  });
  // Roku files clips under 15 minutes as short-form videos, longer ones as TV specials.
  const short = f.items.filter((i) => i.video.durationSeconds < 15 * 60);
  const specials = f.items.filter((i) => i.video.durationSeconds >= 15 * 60);
  const sections = [...new Map(f.items.map((i) => [i.sectionSlug, i.sectionName])).entries()];
  return {
    providerName: f.providerName,
    lastUpdated: isoWithOffset(f.now),
    language: f.language.slice(0, 2),
    categories: sections.map(([slug, name]) => ({ name, playlistName: slug, order: 'manual' })),
    playlists: sections.map(([slug]) => ({ name: slug, itemIds: f.items.filter((i) => i.sectionSlug === slug).map((i) => String(i.id)) })),
    shortFormVideos: short.map(video),
    tvSpecials: specials.map(video),
  };
}
