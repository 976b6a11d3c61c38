// A static page (About, Contact, the corrections and ethics policies, Privacy…) at /{slug}: its title, summary
// and body, rendered like an article's body.
import { pagePath } from '../../domain/pages.ts';
import { websiteSeo } from '../../seo/page.ts';
import type { StaticPage } from '../../services/reader.ts';
import type { SiteContext } from '../../web/context.ts';
import { BodyView } from './blocks.tsx';
import { Layout } from './layout.tsx';
import { Time } from './parts.tsx';

export function StaticPageView({ site, page: { page, media } }: { site: SiteContext; page: StaticPage }) {
  const canonical = site.origin + pagePath(page.slug);
  return (
    <Layout
      site={site}
      meta={{
        title: page.title,
        ...(page.summary ? { description: page.summary } : {}),
        canonical,
        seo: websiteSeo(site, { title: page.title, ...(page.summary ? { description: page.summary } : {}) }),
      }}
    >
      <article class="article static-page" data-page-id={page.id}>
        <header class="article-header">
          <h1>{page.title}</h1>
          {page.summary && <p class="standfirst">{page.summary}</p>}
        </header>
        <BodyView body={page.body} media={media} />
        <p class="meta">
          Last updated <Time iso={page.updatedAt} site={site} compact />
        </p>
      </article>
    </Layout>
  );
}
