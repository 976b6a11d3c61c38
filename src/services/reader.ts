// The reader operations: what each public page shows. The site's routes call these and only present the result.
import { parseBody, bodyArticleIds, bodyMediaIds } from '../domain/blocks.ts';
import type { ArticleDetail, ArticleSummary, MediaRef, Person, SearchHit, Section, Tag } from '../domain/model.ts';
import { slugify } from '../domain/slug.ts';
import { MAX_ID } from '../domain/urls.ts';
import type { ArticleInput } from './newsroom/schema.ts';
import type { ArticleStatus } from '../domain/article.ts';
import { isPublic } from '../domain/article.ts';
import type { PersonProfile, TagProfile } from '../domain/people.ts';
import type { PageLink, PageRecord } from '../domain/pages.ts';
import { SectionTree } from '../domain/sections.ts';
import { videoSchema } from '../domain/video.ts';
import { AppError } from '../errors.ts';
import { searchTokens } from '../store/search.ts';
import type { Store } from '../store/index.ts';
import { toSummary, type Slice } from '../store/articles.ts';

type ArticleRow = NonNullable<Awaited<ReturnType<Store['articles']['byId']>>>;

/** What a held revision says, in the article input's terms (services/newsroom/schema.ts). */
export type WorkingCopy = ArticleInput;

/** The row as it will read once the working copy is applied: for previews of held changes. */
function withWorkingCopy(row: ArticleRow, w: WorkingCopy, section: Section | undefined, hero: MediaRef | undefined): ArticleRow {
  return {
    ...row,
    slug: w.slug || slugify(w.headline),
    headline: w.headline,
    standfirst: w.standfirst,
    body: JSON.stringify(w.body),
    kind: w.kind,
    video: w.video ? JSON.stringify(w.video) : null,
    seo_title: w.seoTitle,
    seo_description: w.seoDescription,
    primary_section_id: w.primarySectionId,
    section_path: section?.path ?? row.section_path,
    section_name: section?.name ?? row.section_name,
    hero_alt: w.hero?.alt ?? '',
    hero_caption: w.hero?.caption ?? '',
    hero_credit: w.hero?.credit ?? '',
    media_id: hero?.id ?? null,
    media_file: hero?.file ?? null,
    media_mime: hero?.mime ?? null,
    media_width: hero?.width ?? null,
    media_height: hero?.height ?? null,
    media_credit: hero?.credit ?? null,
    media_variants: hero ? JSON.stringify(hero.variants) : null,
  };
}

export const PAGE_SIZE = 12;
const HOME_LATEST = 10;
const HOME_SECTION_ITEMS = 4;
const RAIL_ITEMS = 6;
const TOP_STORIES = 5;
const RELATED = 4;

export interface Listing {
  page: number;
  items: ArticleSummary[];
  /** Whether older items follow. */
  hasMore: boolean;
  /** Keyset cursors for the neighbouring pages' links: the ids to read before (older) and after (newer). */
  cursors: { older: number | null; newer: number | null };
}

/** A listing page as addressed: its number, and the cursor of the link that led to it, if any. */
export interface ListingRequest {
  page: number;
  before?: number;
  after?: number;
}

export interface HomePage {
  top: ArticleSummary | null;
  topStories: ArticleSummary[];
  latest: ArticleSummary[];
  editorsChoice: ArticleSummary[];
  sections: { section: Section; articles: ArticleSummary[] }[];
}

export interface SectionPage extends Listing {
  section: Section;
  trail: Section[];
  children: Section[];
}

export interface StaticPage {
  page: PageRecord;
  /** The pictures its body shows. */
  media: Map<number, MediaRef>;
}

export interface ArticlePage {
  article: ArticleDetail;
  trail: Section[];
  related: ArticleSummary[];
  editorsChoice: ArticleSummary[];
  /** The published stories the body's link cards point to (an unpublished one is simply left out). */
  linked: ArticleSummary[];
}

function toListing(req: ListingRequest, slice: Slice<ArticleSummary>): Listing {
  // An empty first page is a real (empty) listing; an empty later page is past the end.
  if (req.page > 1 && slice.items.length === 0) throw new AppError('PAGE_OUT_OF_RANGE');
  // Read after a cursor, the list goes on newer-wards; the cursor's own article is older than all of it.
  const readNewer = req.after !== undefined;
  const hasOlder = readNewer || slice.hasMore;
  const hasNewer = readNewer ? slice.hasMore : req.page > 1;
  const first = slice.items[0];
  const last = slice.items.at(-1);
  return {
    page: req.page,
    items: slice.items,
    hasMore: hasOlder && !!last,
    cursors: { older: hasOlder && last ? last.id : null, newer: hasNewer && first ? first.id : null },
  };
}

/** How long a process may show a section tree it kept without hearing of a change (see sections()). */
export const SECTIONS_TTL_MS = 1_000;

const pageReq = (r: ListingRequest) => ({ limit: PAGE_SIZE, offset: (r.page - 1) * PAGE_SIZE, before: r.before, after: r.after });

export function readerService(store: Store, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  // The section tree is on every page (navigation, trails) and changes rarely, so it is kept between
  // requests: dropped at once by forgetSections() (this process's section.changed event, and other processes'
  // purges: src/app.ts), and re-read after at most SECTIONS_TTL_MS anyway, for processes that hear no purges.
  let kept: { tree: Promise<SectionTree>; at: number } | undefined;
  function sections(): Promise<SectionTree> {
    if (!kept || performance.now() - kept.at > SECTIONS_TTL_MS) {
      const entry = { tree: store.taxonomy.allSections().then((s) => new SectionTree(s)), at: performance.now() };
      entry.tree.catch(() => kept === entry && (kept = undefined)); // a failed read is not kept
      kept = entry;
    }
    return kept.tree;
  }

  // The published pages (footer links, policy pages, which single-segment addresses are pages) are on every
  // page too and change as rarely: kept the same way, and dropped with the section tree.
  let keptPages: { pages: Promise<PageLink[]>; at: number } | undefined;
  function sitePages(): Promise<PageLink[]> {
    if (!keptPages || performance.now() - keptPages.at > SECTIONS_TTL_MS) {
      const entry = { pages: store.pages.published(), at: performance.now() };
      entry.pages.catch(() => keptPages === entry && (keptPages = undefined));
      keptPages = entry;
    }
    return keptPages.pages;
  }

  async function collection(slug: string, limit: number): Promise<ArticleSummary[]> {
    return store.articles.summariesByIds(await store.collections.activeArticleIds(slug, now(), limit));
  }

  async function articlePage(row: ArticleRow, byline?: { authors: Person[]; tags: Tag[] }): Promise<ArticlePage> {
    const id = row.id;
    const body = parseBody(row.body);
    const video = row.video ? videoSchema.parse(JSON.parse(row.video)) : null;
    const tagsOf = store.articles.tagsOf(id);
    const [authors, tags, media, relatedIds, choiceIds, tree, corrections] = await Promise.all([
      byline?.authors ?? store.articles.authorsOf(id),
      byline?.tags ?? tagsOf,
      store.media.byIds([...bodyMediaIds(body), ...(video?.posterMediaId ? [video.posterMediaId] : [])]),
      tagsOf.then((t) =>
        store.articles.relatedIds(
          id,
          t.map((x) => x.id),
          RELATED,
        ),
      ),
      store.collections.activeArticleIds('editors-choice', now(), RAIL_ITEMS),
      sections(),
      store.editorial.corrections(id),
    ]);
    // Related articles, the Editor's Choice rail and the body's link cards are listed with one query.
    const linkedIds = bodyArticleIds(body);
    const summaries = new Map(
      (await store.articles.summariesByIds([...new Set([...relatedIds, ...choiceIds, ...linkedIds])])).map((a) => [a.id, a]),
    );
    const listed = (ids: number[]) => ids.flatMap((i) => summaries.get(i) ?? []);
    const article: ArticleDetail = {
      ...toSummary(row),
      status: row.status as ArticleStatus,
      primarySectionId: row.primary_section_id,
      modifiedAt: row.modified_at,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      body,
      authors,
      tags,
      media,
      corrections: corrections.map((c) => ({ kind: c.kind as 'correction' | 'clarification', note: c.note, createdAt: c.created_at })),
      video: video && { ...video, poster: (video.posterMediaId && media.get(video.posterMediaId)) || null },
    };
    return {
      article,
      trail: tree.trail(row.primary_section_id),
      related: listed(relatedIds),
      editorsChoice: listed(choiceIds).filter((a) => a.id !== id),
      linked: listed(linkedIds),
    };
  }

  return {
    sections,
    sitePages,
    /** Drops the kept section tree and published pages (a section or footer change, here or in another process). */
    forgetSections: () => {
      kept = undefined;
      keptPages = undefined;
    },

    /**
     * The published static page at /{slug}, or undefined when there is none, or a section has that address (a
     * section always wins; the newsroom refuses such a page address, but a section may be made later).
     */
    async page(slug: string): Promise<StaticPage | undefined> {
      const [tree, pages] = await Promise.all([sections(), sitePages()]);
      if (tree.find(slug) || !pages.some((p) => p.slug === slug)) return undefined;
      const page = await store.pages.bySlug(slug);
      if (page?.status !== 'published') return undefined;
      return { page, media: await store.media.byIds(bodyMediaIds(page.body)) };
    },

    async home(): Promise<HomePage> {
      const tree = await sections();
      const [topStories, editorsChoice] = await Promise.all([
        collection('top-stories', TOP_STORIES),
        collection('editors-choice', RAIL_ITEMS),
      ]);
      const latest = await store.articles.latest(
        { limit: HOME_LATEST + 1, offset: 0 },
        topStories.map((a) => a.id),
      );
      const top = topStories[0] ?? latest.items[0] ?? null;
      const blocks = await Promise.all(
        tree.roots().map(async (section) => ({
          section,
          articles: (await store.articles.inSections(tree.subtreeIds(section.id), { limit: HOME_SECTION_ITEMS, offset: 0 })).items,
        })),
      );
      return {
        top,
        topStories: topStories.slice(1),
        latest: latest.items.filter((a) => a.id !== top?.id).slice(0, HOME_LATEST),
        editorsChoice,
        sections: blocks.filter((b) => b.articles.length > 0),
      };
    },

    async section(path: string, page: ListingRequest): Promise<SectionPage> {
      const tree = await sections();
      const section = tree.find(path);
      if (!section) {
        // A renamed or moved section keeps its old address working.
        const movedTo = await store.taxonomy.sectionRedirect(path);
        throw new AppError('SECTION_NOT_FOUND', undefined, movedTo ? { movedTo } : {});
      }
      const slice = await store.articles.inSections(tree.subtreeIds(section.id), pageReq(page));
      return { ...toListing(page, slice), section, trail: tree.trail(section.id), children: tree.childrenOf(section.id) };
    },

    /** A published article; ARTICLE_GONE once withdrawn; ARTICLE_NOT_FOUND otherwise. */
    async article(id: number): Promise<ArticlePage> {
      // Ids are PostgreSQL integers: a larger number names no article (and would be an error in a query there).
      if (id > MAX_ID) throw new AppError('ARTICLE_NOT_FOUND');
      const row = await store.articles.byId(id);
      if (row?.status === 'unpublished' && row.first_published_at) throw new AppError('ARTICLE_GONE');
      if (!row || !isPublic(row.status as ArticleStatus) || !row.first_published_at) throw new AppError('ARTICLE_NOT_FOUND');
      return articlePage(row);
    },

    /**
     * The article as readers would see it, whatever its status (for signed-in newsroom users); with `working`,
     * as they would see it once a published article's held changes are applied.
     */
    async preview(id: number, working?: WorkingCopy): Promise<ArticlePage> {
      const row = await store.articles.byId(id);
      if (!row) throw new AppError('ARTICLE_NOT_FOUND');
      const shown = { ...row, first_published_at: row.first_published_at ?? now() };
      if (!working) return articlePage(shown);
      const [tree, people, hero] = await Promise.all([
        sections(),
        store.taxonomy.peopleByIds(working.authorIds),
        working.hero ? store.media.byIds([working.hero.mediaId]) : new Map(),
      ]);
      const byline = {
        authors: working.authorIds.flatMap((a) => people.get(a) ?? []),
        tags: working.tags.map((name, i) => ({ id: -1 - i, slug: slugify(name, 60), name })),
      };
      return articlePage(
        withWorkingCopy(shown, working, tree.get(working.primarySectionId), working.hero && hero.get(working.hero.mediaId)),
        byline,
      );
    },

    async tag(slug: string, page: ListingRequest): Promise<Listing & { tag: TagProfile }> {
      const tag = await store.tags.bySlug(slug);
      // A renamed or merged tag's old address leads to the tag it became.
      if (!tag) throw new AppError('NOT_FOUND', undefined, { movedTo: (await store.tags.redirect(slug))?.slug });
      return { ...toListing(page, await store.articles.withTag(tag.id, pageReq(page))), tag };
    },

    async author(slug: string, page: ListingRequest): Promise<Listing & { person: PersonProfile }> {
      const person = await store.profiles.bySlug(slug);
      // An author's old address (a changed slug, a merged author) leads to their page.
      if (!person) throw new AppError('NOT_FOUND', undefined, { movedTo: await store.profiles.redirect(slug) });
      return { ...toListing(page, await store.articles.byAuthor(person.id, pageReq(page))), person };
    },

    /** Ranked full-text search. A query with no searchable words gives an empty result, never an error. */
    async search(query: string, page: number): Promise<{ query: string; page: number; hits: SearchHit[]; hasMore: boolean }> {
      const tokens = searchTokens(query);
      if (tokens.length === 0) return { query, page, hits: [], hasMore: false };
      const rows = await store.search.query(tokens, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
      const summaries = await store.articles.summariesByIds(rows.slice(0, PAGE_SIZE).map((r) => r.id));
      const snippets = new Map(rows.map((r) => [r.id, r.snippet]));
      const hits = summaries.map((article) => ({ article, snippet: splitSnippet(snippets.get(article.id) ?? '') }));
      if (page > 1 && hits.length === 0) throw new AppError('PAGE_OUT_OF_RANGE');
      return { query, page, hits, hasMore: rows.length > PAGE_SIZE };
    },
  };
}

export type ReaderService = ReturnType<typeof readerService>;

/** Splits "a \u0001match\u0002 b" into ["a ", "match", " b"]: odd entries are the highlighted matches. */
export function splitSnippet(snippet: string): string[] {
  return snippet.split(/\u0001([^\u0001\u0002]*)\u0002/).map((part) => part.replace(/[\u0001\u0002]/g, ''));
}
