// The page frame: header with navigation and search, the alternate-addresses notice, footer.
import type { ComponentChildren } from 'preact';
import { pagePath } from '../../domain/pages.ts';
import { SeoHead, type SeoData } from '../../seo/head.tsx';
import type { SiteContext } from '../../web/context.ts';
import { FeedLinks, type FeedLink } from '../../web/feed-links.tsx'; // feeds: discovery links

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute canonical URL on the primary origin. */
  canonical?: string;
  /** Path of the top-level section to mark as current in the navigation. */
  currentNav?: string;
  noindex?: boolean;
  /** This page's own feeds (section, tag, author), announced before the site's (src/distribution/feeds). */
  feeds?: FeedLink[];
  /** Open Graph, Twitter card and JSON-LD (built in src/seo/page.ts); rendered only with a canonical URL. */
  seo?: SeoData;
}

export function Layout({ site, meta, children }: { site: SiteContext; meta: PageMeta; children: ComponentChildren }) {
  const title = meta.title === site.siteName ? site.siteName : `${meta.title} | ${site.siteName}`;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.canonical && <link rel="canonical" href={meta.canonical} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {meta.canonical && meta.seo && <SeoHead site={site} canonical={meta.canonical} seo={meta.seo} />}
        <FeedLinks siteName={site.siteName} feeds={meta.feeds} />
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/site.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {site.siteName}
            </a>
            <form class="search-form" action="/search" method="get" role="search">
              <label for="site-search" class="visually-hidden">
                Search articles
              </label>
              <input id="site-search" type="search" name="q" placeholder="Search" maxLength={200} />
              <button type="submit">Search</button>
            </form>
          </div>
          <nav class="site-nav" aria-label="Sections">
            <ul class="wrap">
              {site.nav.map((s) => (
                <li key={s.id}>
                  <a href={`/${s.path}`} aria-current={meta.currentNav === s.path ? 'page' : undefined}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {site.mirrors.length > 0 && <MirrorNotice mirrors={site.mirrors} />}
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <FooterPages site={site} />
            <p>
              © {new Date().getUTCFullYear()} {site.siteName}. All rights reserved.
            </p>
            {site.tvAppUrl && (
              <p>
                <a href={site.tvAppUrl}>Watch {site.siteName} on your TV (Roku)</a>
              </p>
            )}
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The published pages the editors put in the footer (About, Contact, policies…), in their order. */
function FooterPages({ site }: { site: SiteContext }) {
  const pages = (site.pages ?? []).filter((p) => p.inFooter);
  if (pages.length === 0) return null;
  return (
    <nav class="footer-pages" aria-label="About this site">
      <ul>
        {pages.map((p) => (
          <li key={p.id}>
            <a href={pagePath(p.slug)}>{p.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MirrorNotice({ mirrors }: { mirrors: string[] }) {
  return (
    <aside class="mirror-notice" aria-label="Alternate addresses">
      <p class="wrap">
        If this site is blocked where you are, you can also reach it at{' '}
        {mirrors.map((m, i) => (
          <>
            {i > 0 && (i === mirrors.length - 1 ? ' or ' : ', ')}
            <a href={m}>{new URL(m).host}</a>
          </>
        ))}
        .
      </p>
    </aside>
  );
}
