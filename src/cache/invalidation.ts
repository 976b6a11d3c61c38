// Which cached pages a change affects. The same key lists are what a CDN purge would use.
import type { EventBus } from '../events/bus.ts';
import { SectionTree } from '../domain/sections.ts';
import type { Store } from '../store/index.ts';
import { articleKey, authorKey, collectionKey, KEY, pageKey, sectionKey, tagKey } from './keys.ts';
import { PURGE_ALL } from './purge-channel.ts';

export type Purge = (keys: string[]) => unknown;

/** Keys of every page that shows, or should now show, this article. */
export async function keysForArticle(store: Store, articleId: number): Promise<string[]> {
  const [m, sections] = await Promise.all([store.feeds.memberships(articleId), store.taxonomy.allSections()]);
  const tree = new SectionTree(sections);
  // A section's page lists its sub-sections' articles too, so ancestors change with it.
  const sectionIds = new Set(m.sectionIds.flatMap((id) => tree.trail(id).map((s) => s.id)));
  return [
    articleKey(articleId),
    KEY.home,
    KEY.latest,
    KEY.sitemaps,
    KEY.tv,
    KEY.unnamed,
    ...[...sectionIds].map(sectionKey),
    ...m.tagSlugs.map(tagKey),
    ...m.authorSlugs.map(authorKey),
  ];
}

/** Past this many articles showing one picture, a change to it purges everything rather than key by key. */
const MEDIA_PURGE_ARTICLES = 50;

/** Keys of every page that shows a library picture: the pages of each article that shows it, and authors' pages. */
export async function keysForMedia(store: Store, mediaId: number): Promise<string[]> {
  const ids = await store.media.articlesShowing(mediaId, MEDIA_PURGE_ARTICLES + 1);
  if (ids.length > MEDIA_PURGE_ARTICLES) return [PURGE_ALL];
  const { people } = await store.media.usedIn(mediaId, MEDIA_PURGE_ARTICLES);
  const articles = (await Promise.all(ids.map((id) => keysForArticle(store, id)))).flat();
  return [...new Set([...articles, ...people.map((p) => authorKey(p.slug))])];
}

/** An author's page and every article page (with its listings) that carries their byline; many: everything. */
export async function keysForPerson(store: Store, personId: number, oldSlugs: string[] = []): Promise<string[]> {
  const ids = await store.taxonomy.articleIdsByPerson(personId);
  if (ids.length > MEDIA_PURGE_ARTICLES) return [PURGE_ALL];
  const person = (await store.taxonomy.peopleByIds([personId])).get(personId);
  const own = [...(person ? [person.slug] : []), ...oldSlugs].map(authorKey);
  return [...new Set([...own, ...(await Promise.all(ids.map((id) => keysForArticle(store, id)))).flat()])];
}

/** A tag's page (and its old addresses') and every article page (with its listings) that carries it; many: everything. */
export async function keysForTag(store: Store, tagId: number, oldSlugs: string[] = []): Promise<string[]> {
  const ids = await store.tags.articleIds(tagId, MEDIA_PURGE_ARTICLES + 1);
  if (ids.length > MEDIA_PURGE_ARTICLES) return [PURGE_ALL];
  const tag = await store.tags.byId(tagId);
  const own = [...(tag ? [tag.slug] : []), ...oldSlugs].map(tagKey);
  return [...new Set([...own, KEY.sitemaps, ...(await Promise.all(ids.map((id) => keysForArticle(store, id)))).flat()])];
}

/** Purges on domain events, before the operation that caused them returns to its caller. */
export function purgeOnEvents(events: EventBus, store: Store, purge: Purge) {
  const article = async ({ articleId }: { articleId: number }) => {
    await purge(await keysForArticle(store, articleId));
  };
  events.on('article.published', article);
  events.on('article.updated', article);
  events.on('article.unpublished', article);
  events.on('collection.changed', async ({ slug }) => void (await purge([collectionKey(slug), KEY.home, KEY.unnamed])));
  events.on('media.changed', async ({ mediaId }) => void (await purge(await keysForMedia(store, mediaId))));
  events.on('person.changed', async ({ personId, oldSlugs }) => void (await purge(await keysForPerson(store, personId, oldSlugs))));
  events.on('tag.changed', async ({ tagId, oldSlugs }) => void (await purge(await keysForTag(store, tagId, oldSlugs))));
  // A page's own address; the footer (and the outlet's policy links) is on every page, like the navigation.
  events.on(
    'page.changed',
    async ({ slugs, footer }) => void (await purge([...slugs.map(pageKey), ...(footer ? [KEY.navigation] : []), KEY.unnamed])),
  );
  // Navigation is on every page: a section change purges everything.
  events.on('section.changed', async () => void (await purge([KEY.navigation, KEY.unnamed])));
}
