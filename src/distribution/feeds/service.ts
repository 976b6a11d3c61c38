// What each feed holds: the latest published articles of the site, a section (with its sub-sections), a tag or an
// author, with full bodies, bylines and tags. Reads through the store in a fixed number of queries; knows nothing
// of formats or of the address a reader used (see document.ts and the format writers).
import { bodyMediaIds, parseBody, type Body } from '../../domain/blocks.ts';
import type { ArticleSummary, MediaRef, Person, Tag } from '../../domain/model.ts';
import { SectionTree } from '../../domain/sections.ts';
import { AppError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import type { FeedScope } from '../../store/feeds.ts';
import { authorFeedBase, sectionFeedBase, siteFeedBase, tagFeedBase, type FeedBase } from '../../domain/feed-urls.ts';

/** How many items every feed carries: the newest, by first publication. */
export const FEED_ITEMS = 50;

export interface FeedSite {
  siteName: string;
  language: string;
  timezone: string;
  /** The primary origin: feed and item ids name it, whichever address served the feed. */
  origin: string;
  mirrors: string[];
}

export interface FeedEntry {
  article: ArticleSummary;
  body: Body;
  authors: Person[];
  tags: Tag[];
}

export interface FeedData {
  base: FeedBase;
  /** The HTML page the feed follows: "/", "/news", "/tag/{slug}", "/author/{slug}". */
  homePath: string;
  /** Which listing the feed follows, so its answer can name what it shows (cache keys). */
  listing: FeedListing;
  title: string;
  description: string;
  entries: FeedEntry[];
  /** Pictures used inside the bodies, by id. */
  media: Map<number, MediaRef>;
  /** The newest publication or update among the entries (the clock's time for an empty feed). */
  updated: string;
}

/** The listing a feed follows: the whole site, or one section, tag or author. */
export type FeedListing =
  | { kind: 'site' }
  | { kind: 'section'; id: number }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

interface FeedMeta {
  base: FeedBase;
  homePath: string;
  listing: FeedListing;
  title: string;
  description: string;
}

/** The alternate-addresses notice, as one sentence for a feed's description. */
export function mirrorSentence(mirrors: string[]): string {
  if (mirrors.length === 0) return '';
  const hosts = mirrors.map((m) => new URL(m).host);
  const list = hosts.length === 1 ? hosts[0]! : `${hosts.slice(0, -1).join(', ')} or ${hosts.at(-1)!}`;
  return `If this site is blocked where you are, you can also reach it at ${list}.`;
}

export function feedService(store: Store, site: FeedSite, clock: () => Date = () => new Date()) {
  const titled = (name: string) => `${name} | ${site.siteName}`;
  const described = (text: string) => {
    const notice = mirrorSentence(site.mirrors);
    if (!notice) return text;
    const sentence = text.trim();
    return sentence === '' ? notice : `${sentence}${/[.!?…]$/.test(sentence) ? '' : '.'} ${notice}`;
  };

  async function load(scope: FeedScope, meta: FeedMeta): Promise<FeedData> {
    const rows = await store.feeds.latest(scope, FEED_ITEMS);
    const ids = rows.map((r) => r.summary.id);
    const bodies = rows.map((r) => parseBody(r.body));
    const [authors, tags, media] = await Promise.all([
      store.feeds.authorsOf(ids),
      store.feeds.tagsOf(ids),
      store.media.byIds([...new Set(bodies.flatMap(bodyMediaIds))]),
    ]);
    const entries = rows.map((r, i) => ({
      article: r.summary,
      body: bodies[i]!,
      authors: authors.get(r.summary.id) ?? [],
      tags: tags.get(r.summary.id) ?? [],
    }));
    const times = entries.map((e) => e.article.updatedAt ?? e.article.firstPublishedAt).sort();
    return { ...meta, description: described(meta.description), entries, media, updated: times.at(-1) ?? clock().toISOString() };
  }

  return {
    site(): Promise<FeedData> {
      return load(
        { kind: 'all' },
        {
          base: siteFeedBase,
          homePath: '/',
          listing: { kind: 'site' },
          title: site.siteName,
          description: `The latest from ${site.siteName}.`,
        },
      );
    },

    /** A section and everything filed below it. A moved section answers SECTION_NOT_FOUND with `movedTo`. */
    async section(path: string): Promise<FeedData> {
      const tree = new SectionTree(await store.taxonomy.allSections());
      const section = tree.find(path);
      if (!section) {
        const movedTo = await store.taxonomy.sectionRedirect(path);
        throw new AppError('SECTION_NOT_FOUND', undefined, movedTo ? { movedTo } : {});
      }
      return load(
        { kind: 'sections', ids: tree.subtreeIds(section.id) },
        {
          base: sectionFeedBase(section.path),
          listing: { kind: 'section', id: section.id },
          homePath: `/${section.path}`,
          title: titled(section.name),
          description: section.description || `${section.name} from ${site.siteName}.`,
        },
      );
    },

    async tag(slug: string): Promise<FeedData> {
      const tag = await store.taxonomy.tagBySlug(slug);
      if (!tag) throw new AppError('NOT_FOUND');
      return load(
        { kind: 'tag', id: tag.id },
        {
          base: tagFeedBase(tag.slug),
          listing: { kind: 'tag', slug: tag.slug },
          homePath: `/tag/${tag.slug}`,
          title: titled(tag.name),
          description: `${tag.name}: the latest from ${site.siteName}.`,
        },
      );
    },

    async author(slug: string): Promise<FeedData> {
      const person = await store.taxonomy.personBySlug(slug);
      if (!person) throw new AppError('NOT_FOUND');
      return load(
        { kind: 'author', id: person.id },
        {
          base: authorFeedBase(person.slug),
          listing: { kind: 'author', slug: person.slug },
          homePath: `/author/${person.slug}`,
          title: titled(person.name),
          description: `Articles by ${person.name} for ${site.siteName}.`,
        },
      );
    },
  };
}

export type FeedService = ReturnType<typeof feedService>;
