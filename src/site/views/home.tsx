// The front page: the top story, top stories and latest news, the Editor's Choice rail, a block per section.
import type { HomePage } from '../../services/reader.ts';
import { articlePath } from '../../domain/urls.ts';
import { websiteSeo } from '../../seo/page.ts';
import type { SiteContext } from '../../web/context.ts';
import { Layout } from './layout.tsx';
import { ArticleCard, CardList, Picture, Rail, Time } from './parts.tsx';

export function HomeView({ site, page }: { site: SiteContext; page: HomePage }) {
  const top = page.top;
  const description = `Latest news from ${site.siteName}`;
  return (
    <Layout
      site={site}
      meta={{
        title: site.siteName,
        description,
        canonical: `${site.origin}/`,
        seo: websiteSeo(site, { title: site.siteName, description }),
      }}
    >
      <h1 class="visually-hidden">{site.siteName}: latest news</h1>
      <div class="with-rail">
        <div>
          {top && (
            <section class="top-story" aria-labelledby="top-story-title">
              <h2 id="top-story-title" class="visually-hidden">
                Top story
              </h2>
              <article>
                {top.hero && (
                  <a href={articlePath(top, site.timezone)} tabIndex={-1} aria-hidden="true">
                    <Picture media={top.hero} alt="" sizes="(min-width: 900px) 640px, 100vw" eager />
                  </a>
                )}
                <p class="kicker">
                  <a href={`/${top.sectionPath}`}>{top.sectionName}</a>
                </p>
                <h3 class="top-title">
                  <a href={articlePath(top, site.timezone)}>{top.headline}</a>
                </h3>
                <p class="standfirst">{top.standfirst}</p>
                <p class="meta">
                  <Time iso={top.firstPublishedAt} site={site} />
                </p>
              </article>
            </section>
          )}
          {page.topStories.length > 0 && (
            <section aria-labelledby="top-stories-title">
              <h2 id="top-stories-title">Top stories</h2>
              <ul class="card-list">
                {page.topStories.map((a) => (
                  <li key={a.id}>
                    <ArticleCard article={a} site={site} standfirst={false} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">Latest</h2>
            <CardList articles={page.latest} site={site} />
          </section>
        </div>
        <Rail title="Editor's Choice" articles={page.editorsChoice} site={site} />
      </div>
      {page.sections.map(({ section, articles }) => (
        <section class="section-block" aria-labelledby={`block-${section.id}`} key={section.id}>
          <h2 id={`block-${section.id}`}>
            <a href={`/${section.path}`}>{section.name}</a>
          </h2>
          <ul class="card-list">
            {articles.map((a) => (
              <li key={a.id}>
                <ArticleCard article={a} site={site} standfirst={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
