// The article page: breadcrumb, headline, hero, byline and times, body, tags, share bar, related, rail.
import type { ArticlePage } from '../../services/reader.ts';
import { articleSeo } from '../../seo/page.ts';
import { articlePath, authorPath, tagPath } from '../../domain/urls.ts';
import type { SiteContext } from '../../web/context.ts';
import { shareLinks } from '../../web/format.ts';
import { BodyView } from './blocks.tsx';
import { VideoPlayer } from './video.tsx';
import { Layout } from './layout.tsx';
import { ArticleCard, Breadcrumb, Picture, Rail, Time, kindLabel } from './parts.tsx';

/** Always on the primary origin (site.origin), whichever address served the page. */
export function articleCanonical(site: SiteContext, a: ArticlePage['article']): string {
  return site.origin + articlePath(a, site.timezone);
}

export function ArticleView({ site, page }: { site: SiteContext; page: ArticlePage }) {
  const { article: a, trail, related, editorsChoice } = page;
  const canonical = articleCanonical(site, a);
  return (
    <Layout
      site={site}
      meta={{
        title: a.seoTitle || a.headline,
        description: a.seoDescription || a.standfirst,
        canonical,
        currentNav: trail[0]?.path,
        seo: articleSeo(site, page, canonical),
      }}
    >
      <div class="with-rail">
        <article class="article" data-article-id={a.id}>
          <Breadcrumb trail={trail} />
          <header class="article-header">
            {a.kind !== 'news' && <p class="kind-label">{kindLabel(a.kind)}</p>}
            <h1>{a.headline}</h1>
            {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
          </header>
          {a.video && (
            <>
              <VideoPlayer video={a.video} poster={a.video.poster} title={a.headline} />
              <script src="/assets/video.js" defer />
            </>
          )}
          {a.hero && !a.video && (
            <figure class="hero">
              <Picture media={a.hero} alt={a.hero.alt} sizes="(min-width: 760px) 720px, 100vw" eager />
              {(a.hero.caption || a.hero.credit) && (
                <figcaption>
                  {a.hero.caption}
                  {a.hero.credit && <span class="credit"> {a.hero.credit}</span>}
                </figcaption>
              )}
            </figure>
          )}
          <div class="byline">
            {a.authors.length > 0 && (
              <p class="authors">
                By{' '}
                {a.authors.map((p, i) => (
                  <>
                    {i > 0 && (i === a.authors.length - 1 ? ' and ' : ', ')}
                    <a href={authorPath(p.slug)} rel="author">
                      {p.name}
                    </a>
                  </>
                ))}
              </p>
            )}
            <p class="times">
              Published <Time iso={a.firstPublishedAt} site={site} />
              {a.updatedAt && (
                <>
                  <span class="sep"> · </span>Updated <Time iso={a.updatedAt} site={site} />
                </>
              )}
            </p>
          </div>
          <BodyView body={a.body} media={a.media} linked={{ articles: new Map(page.linked.map((l) => [l.id, l])), site }} />
          {a.corrections.length > 0 && (
            <aside class="corrections" aria-labelledby="corrections-title">
              <h2 id="corrections-title">{a.corrections.some((c) => c.kind === 'correction') ? 'Corrections' : 'Clarifications'}</h2>
              <ul>
                {a.corrections.map((c, i) => (
                  <li key={i}>
                    <strong>
                      {c.kind === 'correction' ? 'Correction' : 'Clarification'}, <Time iso={c.createdAt} site={site} />:
                    </strong>{' '}
                    {c.note}
                  </li>
                ))}
              </ul>
            </aside>
          )}
          {a.tags.length > 0 && (
            <nav class="tags" aria-label="Topics">
              <h2>Topics</h2>
              <ul>
                {a.tags.map((t) => (
                  <li key={t.id}>
                    <a href={tagPath(t.slug)}>{t.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <ShareBar url={canonical} headline={a.headline} />
        </article>
        <Rail title="Editor's Choice" articles={editorsChoice} site={site} />
      </div>
      {related.length > 0 && (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">Related</h2>
          <ul class="card-list">
            {related.map((r) => (
              <li key={r.id}>
                <ArticleCard article={r} site={site} standfirst={false} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** Share links work without JavaScript; site.js adds copy-to-clipboard and, where it exists, the Web Share button. */
function ShareBar({ url, headline }: { url: string; headline: string }) {
  return (
    <section class="share" aria-labelledby="share-title" data-share-url={url} data-share-title={headline}>
      <h2 id="share-title">Share</h2>
      <ul>
        {shareLinks(url, headline).map((l) => (
          <li key={l.network}>
            <a href={l.href} data-network={l.network} rel="noopener noreferrer" target="_blank">
              {l.label}
            </a>
          </li>
        ))}
        <li>
          <a href={url} data-network="copy" data-copy-link>
            Copy link
          </a>
        </li>
        <li>
          <button type="button" data-native-share hidden>
            Share…
          </button>
        </li>
      </ul>
      <p class="share-status" role="status" aria-live="polite"></p>
    </section>
  );
}
