// Listing pages: section, tag, author and search results.
import type { SearchHit } from '../../domain/model.ts';
import type { Listing, SectionPage } from '../../services/reader.ts';
import type { PersonProfile, TagProfile } from '../../domain/people.ts';
import { AuthorHeader } from './author-header.tsx';
import { articlePath } from '../../domain/urls.ts';
import { websiteSeo } from '../../seo/page.ts';
import type { SiteContext } from '../../web/context.ts';
import { feedLinks } from '../../web/feed-links.tsx'; // feeds: discovery links
import { Layout } from './layout.tsx';
import { Breadcrumb, CardList, Pagination, Time } from './parts.tsx';

const pageSuffix = (page: number) => (page > 1 ? ` – page ${page}` : '');
const pageQuery = (page: number) => (page > 1 ? `?page=${page}` : '');

export function SectionView({ site, page }: { site: SiteContext; page: SectionPage }) {
  const { section, trail, children } = page;
  const path = `/${section.path}`;
  const title = section.name + pageSuffix(page.page);
  return (
    <Layout
      site={site}
      meta={{
        title,
        description: section.description,
        canonical: site.origin + path + pageQuery(page.page),
        feeds: feedLinks(path, `${section.name} | ${site.siteName}`),
        currentNav: trail[0]?.path,
        seo: websiteSeo(site, { title, description: section.description, trail }),
      }}
    >
      <Breadcrumb trail={trail} current />
      <h1>{section.name}</h1>
      {section.description && <p class="section-description">{section.description}</p>}
      {children.length > 0 && (
        <nav class="subsections" aria-label={`${section.name} sections`}>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <a href={`/${c.path}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <CardList articles={page.items} site={site} level={2} />
      <Pagination basePath={path} page={page.page} hasMore={page.hasMore} cursors={page.cursors} />
    </Layout>
  );
}

export function TagView({ site, page }: { site: SiteContext; page: Listing & { tag: TagProfile } }) {
  const path = `/tag/${page.tag.slug}`;
  const title = page.tag.name + pageSuffix(page.page);
  return (
    <Layout
      site={site}
      meta={{
        title,
        ...(page.tag.description ? { description: page.tag.description } : {}),
        canonical: site.origin + path + pageQuery(page.page),
        feeds: feedLinks(path, `${page.tag.name} | ${site.siteName}`),
        seo: websiteSeo(site, { title, ...(page.tag.description ? { description: page.tag.description } : {}) }),
      }}
    >
      <p class="kicker">Topic</p>
      <h1>{page.tag.name}</h1>
      {page.tag.description && <p class="section-description">{page.tag.description}</p>}
      <CardList articles={page.items} site={site} level={2} />
      <Pagination basePath={path} page={page.page} hasMore={page.hasMore} cursors={page.cursors} />
    </Layout>
  );
}

export function AuthorView({ site, page }: { site: SiteContext; page: Listing & { person: PersonProfile } }) {
  const { person } = page;
  const path = `/author/${person.slug}`;
  const title = person.name + pageSuffix(page.page);
  return (
    <Layout
      site={site}
      meta={{
        title,
        description: person.bio,
        canonical: site.origin + path + pageQuery(page.page),
        feeds: feedLinks(path, `${person.name} | ${site.siteName}`),
        seo: websiteSeo(site, { title, description: person.bio }),
      }}
    >
      <AuthorHeader person={person} />
      <h2>Articles by {person.name}</h2>
      <CardList articles={page.items} site={site} />
      <Pagination basePath={path} page={page.page} hasMore={page.hasMore} cursors={page.cursors} />
    </Layout>
  );
}

export function SearchView({
  site,
  query,
  page,
  hits,
  hasMore,
}: {
  site: SiteContext;
  query: string;
  page: number;
  hits: SearchHit[];
  hasMore: boolean;
}) {
  const trimmed = query.trim();
  return (
    <Layout site={site} meta={{ title: trimmed ? `Search: ${trimmed.slice(0, 80)}` : 'Search', noindex: true }}>
      <h1>Search</h1>
      <form class="search-page-form" action="/search" method="get" role="search">
        <label for="search-page-q">Search articles</label>
        <input id="search-page-q" type="search" name="q" value={query.slice(0, 200)} maxLength={200} />
        <button type="submit">Search</button>
      </form>
      {trimmed === '' ? (
        <p>Type a word or two to search headlines and articles.</p>
      ) : hits.length === 0 ? (
        <p class="empty">No articles matched “{trimmed.slice(0, 200)}”. Try fewer or different words.</p>
      ) : (
        <>
          <p class="result-count">Results for “{trimmed.slice(0, 200)}”</p>
          <ol class="search-results">
            {hits.map(({ article, snippet }) => (
              <li key={article.id}>
                <h2>
                  <a href={articlePath(article, site.timezone)}>{article.headline}</a>
                </h2>
                <p class="snippet">{snippet.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</p>
                <p class="meta">
                  {article.sectionName} · <Time iso={article.firstPublishedAt} site={site} compact />
                </p>
              </li>
            ))}
          </ol>
          <Pagination basePath="/search" page={page} hasMore={hasMore} query={{ q: query }} />
        </>
      )}
    </Layout>
  );
}

export function ErrorView({
  site,
  status,
  message,
  reference,
}: {
  site: SiteContext;
  status: number;
  message: string;
  reference?: string;
}) {
  const titles: Record<number, string> = {
    404: 'Page not found',
    410: 'Article removed',
    421: 'Unknown address',
    429: 'Too many requests',
  };
  const title = titles[status] ?? (status >= 500 ? 'Something went wrong' : 'Bad request');
  return (
    <Layout site={site} meta={{ title, noindex: true }}>
      <div class="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          Try the <a href="/">front page</a> or search for what you were looking for:
        </p>
        <form action="/search" method="get" role="search">
          <label for="error-search">Search articles</label>
          <input id="error-search" type="search" name="q" maxLength={200} />
          <button type="submit">Search</button>
        </form>
        {/* The request id, also in the x-request-id header and on every log line of this request. */}
        {reference && (
          <p class="error-reference">
            <small>Reference: {reference}</small>
          </p>
        )}
      </div>
    </Layout>
  );
}
