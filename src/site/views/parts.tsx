// Small building blocks shared by the page views.
import type { Listing } from '../../services/reader.ts';
import type { ArticleSummary, MediaRef, Section } from '../../domain/model.ts';
import { articlePath } from '../../domain/urls.ts';
import { breadcrumbCrumbs } from '../../seo/breadcrumb.ts';
import type { SiteContext } from '../../web/context.ts';
import { formatDate, formatDateTime, srcset } from '../../web/format.ts';
import { fallbackFile, mediaUrl } from '../../domain/urls.ts';

export function Time({ iso, site, compact }: { iso: string; site: SiteContext; compact?: boolean }) {
  return <time datetime={iso}>{compact ? formatDate(iso, site.timezone) : formatDateTime(iso, site.timezone)}</time>;
}

/** A responsive picture: AVIF, then WebP variants for browsers that take them, a JPEG otherwise. */
export function Picture({ media, alt, sizes, eager }: { media: MediaRef; alt: string; sizes: string; eager?: boolean }) {
  const avif = srcset(media, 'avif');
  const webp = srcset(media, 'webp');
  return (
    <picture>
      {avif && <source type="image/avif" srcset={avif} sizes={sizes} />}
      {webp && <source type="image/webp" srcset={webp} sizes={sizes} />}
      <img
        src={mediaUrl(fallbackFile(media))}
        alt={alt}
        width={media.width}
        height={media.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        {...(eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}

/** Home, then the section trail; the BreadcrumbList JSON-LD is drawn from the same crumbs (src/seo/breadcrumb.ts). */
export function Breadcrumb({ trail, current }: { trail: Section[]; current?: boolean }) {
  const crumbs = breadcrumbCrumbs(trail);
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.path}>
            <a href={c.path} aria-current={current && trail.length > 0 && i === crumbs.length - 1 ? 'page' : undefined}>
              {c.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ArticleCard({
  article,
  site,
  image = true,
  standfirst = true,
  level = 3,
}: {
  article: ArticleSummary;
  site: SiteContext;
  image?: boolean;
  standfirst?: boolean;
  level?: 2 | 3;
}) {
  const href = articlePath(article, site.timezone);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="card">
      {image && article.hero && (
        <a href={href} class="card-image" tabIndex={-1} aria-hidden="true">
          <Picture media={article.hero} alt="" sizes="(min-width: 900px) 300px, 100vw" />
        </a>
      )}
      <div class="card-text">
        <p class="kicker">
          <a href={`/${article.sectionPath}`}>{article.sectionName}</a>
          {article.kind !== 'news' && <span class="kind"> · {kindLabel(article.kind)}</span>}
        </p>
        <Heading class="card-title">
          <a href={href}>{article.headline}</a>
        </Heading>
        {standfirst && <p class="standfirst">{article.standfirst}</p>}
        <p class="meta">
          <Time iso={article.firstPublishedAt} site={site} compact />
        </p>
      </div>
    </article>
  );
}

export function kindLabel(kind: string): string {
  return { news: 'News', opinion: 'Opinion', analysis: 'Analysis', video: 'Video', live: 'Live' }[kind] ?? kind;
}

/** `level` is the card headings' level: 2 when the list follows the page's h1 directly, so no level is skipped. */
export function CardList({
  articles,
  site,
  label,
  level = 3,
}: {
  articles: ArticleSummary[];
  site: SiteContext;
  label?: string;
  level?: 2 | 3;
}) {
  if (articles.length === 0) return <p class="empty">No articles yet.</p>;
  return (
    <ul class="card-list" aria-label={label}>
      {articles.map((a) => (
        <li key={a.id}>
          <ArticleCard article={a} site={site} level={level} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Older/newer links; pages are 1-based and `?page=1` is the bare path. Listings pass keyset cursors, so the
 * links read "before"/"after" an article and deep pages stay cheap; search results page by number.
 */
export function Pagination({
  basePath,
  page,
  hasMore,
  query,
  cursors,
}: {
  basePath: string;
  page: number;
  hasMore: boolean;
  query?: Record<string, string>;
  cursors?: Listing['cursors'];
}) {
  const hasNewer = cursors ? cursors.newer !== null : page > 1;
  if (!hasNewer && !hasMore) return null;
  const link = (n: number, cursor?: Record<string, string>) => {
    const params = new URLSearchParams(query);
    if (n > 1) {
      params.set('page', String(n));
      for (const [k, v] of Object.entries(cursor ?? {})) params.set(k, v);
    }
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav class="pagination" aria-label="Pages">
      {hasNewer && (
        <a href={link(page - 1, cursors?.newer ? { after: String(cursors.newer) } : undefined)} rel="prev">
          ← Newer
        </a>
      )}
      <span>Page {page}</span>
      {hasMore && (
        <a href={link(page + 1, cursors?.older ? { before: String(cursors.older) } : undefined)} rel="next">
          Older →
        </a>
      )}
    </nav>
  );
}

export function Rail({ title, articles, site }: { title: string; articles: ArticleSummary[]; site: SiteContext }) {
  if (articles.length === 0) return null;
  const id = `rail-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <aside class="rail" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ol>
        {articles.map((a) => (
          <li key={a.id}>
            <a href={articlePath(a, site.timezone)}>{a.headline}</a>
          </li>
        ))}
      </ol>
    </aside>
  );
}
