// The reader site's routes: parse the request, call one reader operation, present the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyArticleIds } from '../domain/blocks.ts';
import { articleKeys, authorKey, collectionKey, KEY, pageKey, sectionKey, setSurrogateKeys, tagKey } from '../cache/keys.ts';
import { isSlug } from '../domain/slug.ts';
import { articlePath, parseArticlePath, parseSectionPath } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import type { ReaderService } from '../services/reader.ts';
import type { SiteContext } from '../web/context.ts';
import { sendPage } from '../web/render.ts';
import { pageQuery, parseRequest, searchQuery } from './schema.ts';
import { ArticleView } from './views/article.tsx';
import { HomeView } from './views/home.tsx';
import { StaticPageView } from './views/static-page.tsx';
import { AuthorView, SearchView, SectionView, TagView } from './views/listings.tsx';
import { parseSectionFeedPath } from '../domain/feed-urls.ts'; // feeds
import type { SectionFeedHandler } from '../web/feed-links.tsx'; // feeds

export interface SiteOptions {
  reader: ReaderService;
  site: Omit<SiteContext, 'nav'>;
  /** Serves /{section-path}/feed.{xml,atom,json} (src/distribution/feeds). */
  sectionFeed?: SectionFeedHandler;
}

export function siteRoutes(app: FastifyInstance, { reader, site, sectionFeed }: SiteOptions) {
  const context = async (): Promise<SiteContext> => {
    const [tree, pages] = await Promise.all([reader.sections(), reader.sitePages()]);
    return { ...site, nav: tree.roots(), pages };
  };
  const slugOr404 = (slug: string) => {
    if (!isSlug(slug)) throw new AppError('NOT_FOUND');
    return slug;
  };

  app.get('/', async (_req, reply) => {
    const [ctx, page] = await Promise.all([context(), reader.home()]);
    const shown = [page.top, ...page.topStories, ...page.latest, ...page.editorsChoice, ...page.sections.flatMap((b) => b.articles)];
    showing(reply, [KEY.home, collectionKey('top-stories'), collectionKey('editors-choice'), ...articleKeys(shown)]);
    return sendPage(reply, <HomeView site={ctx} page={page} />);
  });

  app.get('/search', async (req, reply) => {
    const { q, page } = parseRequest(searchQuery, req.query);
    const [ctx, result] = await Promise.all([context(), reader.search(q, page)]);
    return sendPage(reply, <SearchView site={ctx} {...result} />);
  });

  // An old address of a renamed or merged tag or author answers 301 to where it went (its query kept).
  const movedOr = async <T,>(prefix: string, req: FastifyRequest, reply: FastifyReply, load: () => Promise<T>) => {
    try {
      return await load();
    } catch (err) {
      if (err instanceof AppError && typeof err.details.movedTo === 'string') {
        void reply.redirect(`${prefix}${err.details.movedTo}${queryOf(req)}`, 301);
        return undefined;
      }
      throw err;
    }
  };

  app.get<{ Params: { slug: string } }>('/tag/:slug', async (req, reply) => {
    const loaded = await movedOr('/tag/', req, reply, () =>
      Promise.all([context(), reader.tag(slugOr404(req.params.slug), parseRequest(pageQuery, req.query))]),
    );
    if (!loaded) return reply;
    const [ctx, result] = loaded;
    showing(reply, [tagKey(result.tag.slug), ...articleKeys(result.items)]);
    return sendPage(reply, <TagView site={ctx} page={result} />);
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', async (req, reply) => {
    const loaded = await movedOr('/author/', req, reply, () =>
      Promise.all([context(), reader.author(slugOr404(req.params.slug), parseRequest(pageQuery, req.query))]),
    );
    if (!loaded) return reply;
    const [ctx, result] = loaded;
    showing(reply, [authorKey(result.person.slug), ...articleKeys(result.items)]);
    return sendPage(reply, <AuthorView site={ctx} page={result} />);
  });

  // Everything else is an article URL, a section path, or not found.
  app.get('/*', async (req, reply) => {
    const path = pathOf(req);
    const articleRef = parseArticlePath(path);
    if (articleRef) {
      const page = await reader.article(articleRef.id);
      const canonicalPath = articlePath(page.article, site.timezone);
      // A changed slug or section, or a shortened URL: send readers and search engines to the one true address.
      if (path !== canonicalPath) return reply.redirect(canonicalPath, 301);
      // Link cards name every linked story, published or not, so its publication or withdrawal reaches this page.
      const linkedIds = bodyArticleIds(page.article.body).map((id) => ({ id }));
      showing(reply, [
        collectionKey('editors-choice'),
        ...articleKeys([page.article, ...page.related, ...page.editorsChoice, ...linkedIds]),
      ]);
      return sendPage(reply, <ArticleView site={await context()} page={page} />);
    }
    // Feeds: a section's feed, /{section-path}/feed.{xml,atom,json}.
    const feedRef = parseSectionFeedPath(path);
    if (feedRef && sectionFeed) return sectionFeed(req, reply, feedRef.sectionPath, feedRef.format);
    const sectionPath = parseSectionPath(path);
    if (sectionPath === null) throw new AppError('NOT_FOUND');
    if (path.endsWith('/')) return reply.redirect(`/${sectionPath}${queryOf(req)}`, 301);
    // A static page (About, policies…) at /{slug}, unless a section has that address.
    if (!sectionPath.includes('/')) {
      const [ctx, staticPage] = await Promise.all([context(), reader.page(sectionPath)]);
      if (staticPage) {
        showing(reply, [pageKey(staticPage.page.slug)]);
        return sendPage(reply, <StaticPageView site={ctx} page={staticPage} />);
      }
    }
    const page = parseRequest(pageQuery, req.query);
    try {
      const [ctx, result] = await Promise.all([context(), reader.section(sectionPath, page)]);
      showing(reply, [sectionKey(result.section.id), ...articleKeys(result.items)]);
      return sendPage(reply, <SectionView site={ctx} page={result} />);
    } catch (err) {
      if (err instanceof AppError && typeof err.details.movedTo === 'string')
        return reply.redirect(`/${err.details.movedTo}${queryOf(req)}`, 301);
      throw err;
    }
  });
}

/** Names what a page shows (Surrogate-Key), so the page cache and a CDN purge exactly the pages a change affects. */
const showing = setSurrogateKeys;

function pathOf(req: FastifyRequest): string {
  const raw = req.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('NOT_FOUND');
  }
}

function queryOf(req: FastifyRequest): string {
  const i = req.url.indexOf('?');
  return i === -1 ? '' : req.url.slice(i);
}
