// Which feeds change when an article does, and queueing a hub notice for each: the site's feeds, the feeds of
// every section it is filed in and of their parent sections (a section's feed includes its sub-sections), and
// those of its tags and authors, in every format, on the primary origin.
import { SectionTree } from '../../domain/sections.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Store } from '../../store/index.ts';
import { authorFeedBase, FEED_FORMATS, feedPath, sectionFeedBase, siteFeedBase, tagFeedBase } from '../../domain/feed-urls.ts';
import { WEBSUB_JOB, websubJobKey } from './hub.ts';

export interface WebSubOptions {
  /** The hub to notify (MASTHEAD_WEBSUB_HUB); nothing is queued without one. */
  hub: string | undefined;
  /** The primary origin: the feed addresses announced to the hub. */
  origin: string;
}

/** Absolute addresses of every feed that lists (or listed) this article. */
export async function affectedFeedUrls(store: Store, origin: string, articleId: number): Promise<string[]> {
  const [memberships, sections] = await Promise.all([store.feeds.memberships(articleId), store.taxonomy.allSections()]);
  const tree = new SectionTree(sections);
  const bases = new Set([siteFeedBase]);
  for (const id of memberships.sectionIds) for (const s of tree.trail(id)) bases.add(sectionFeedBase(s.path));
  for (const slug of memberships.tagSlugs) bases.add(tagFeedBase(slug));
  for (const slug of memberships.authorSlugs) bases.add(authorFeedBase(slug));
  return [...bases].flatMap((base) => FEED_FORMATS.map((f) => origin + feedPath(base, f)));
}

/** Queues hub notices after articles are published, updated while published, or withdrawn. */
export function listenForFeedChanges(events: EventBus, store: Store, options: WebSubOptions, clock: () => Date = () => new Date()) {
  if (!options.hub) return;
  const enqueue = async (articleId: number) => {
    const topics = await affectedFeedUrls(store, options.origin, articleId);
    const now = clock().toISOString();
    await store.transaction(async (tx) => {
      for (const topic of topics)
        await tx.jobs.schedule({ kind: WEBSUB_JOB, key: websubJobKey(topic), payload: { topic }, runAt: now, now });
    });
  };
  events.on('article.published', ({ articleId }) => enqueue(articleId));
  // Edits and corrections of a live article change its feeds; a draft going to review changes none.
  events.on('article.updated', ({ articleId, status }) => (status === 'published' ? enqueue(articleId) : undefined));
  events.on('article.unpublished', ({ articleId }) => enqueue(articleId));
}
