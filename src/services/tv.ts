// TV apps: which video articles can go into the Roku and MRSS feeds, and why others cannot.
import { videoSchema, tvFeedProblems, type TvItem } from '../domain/video.ts';
import type { MediaRef } from '../domain/model.ts';
import { articlePath } from '../domain/urls.ts';
import type { Store } from '../store/index.ts';
import { mediaUrl } from '../domain/urls.ts';

const FEED_SIZE = 200;

/** The poster as TV feeds want it: the 16:9 crop when there is one, else the original. */
function thumbnail(origin: string, m: MediaRef | undefined): TvItem['thumbnail'] {
  if (!m) return null;
  const crop = m.variants.find((v) => (v as { crop?: string }).crop === '16x9');
  const file = crop ?? { file: m.file, width: m.width, height: m.height };
  return { url: origin + mediaUrl(file.file), width: file.width, height: file.height };
}

export function tvService(store: Store, opts: { origin: string; timezone: string }) {
  async function items(linkOrigin: string, onlyId?: number): Promise<TvItem[]> {
    const rows = await store.tv.videoArticles(FEED_SIZE, onlyId);
    const videos = rows.map((r) => videoSchema.parse(JSON.parse(r.video!)));
    const posters = await store.media.byIds(videos.flatMap((v) => (v.posterMediaId ? [v.posterMediaId] : [])));
    return rows.map((r, i) => {
      const video = videos[i]!;
      return {
        id: r.id,
        title: r.headline,
        description: r.standfirst,
        url:
          linkOrigin +
          articlePath(
            { id: r.id, slug: r.slug, sectionPath: r.section_path, firstPublishedAt: r.first_published_at ?? r.modified_at },
            opts.timezone,
          ),
        publishedAt: r.first_published_at ?? r.modified_at,
        tags: r.tags,
        video,
        thumbnail: thumbnail(linkOrigin, video.posterMediaId ? posters.get(video.posterMediaId) : undefined),
      };
    });
  }

  return {
    /** Published video articles that meet the feeds' rules, and those left out with their reasons. */
    async feedItems(linkOrigin: string): Promise<{ items: TvItem[]; leftOut: { id: number; problems: string[] }[] }> {
      const all = await items(linkOrigin);
      const leftOut = all.map((i) => ({ id: i.id, problems: tvFeedProblems(i) })).filter((x) => x.problems.length > 0);
      const bad = new Set(leftOut.map((x) => x.id));
      return { items: all.filter((i) => !bad.has(i.id)), leftOut };
    },

    /** Why this article's video would be left out of the TV feeds (for the newsroom). */
    async problemsFor(articleId: number): Promise<string[]> {
      const [item] = await items(opts.origin, articleId);
      return item ? tvFeedProblems(item) : [];
    },
  };
}
