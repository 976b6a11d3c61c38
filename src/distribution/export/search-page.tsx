// What a static mirror shows at /search: search needs a server, so the page says so plainly.
import type { SiteContext } from '../../web/context.ts';
import { renderDocument } from '../../web/render.ts';
import { Layout } from '../../site/views/layout.tsx';

export function searchUnavailablePage(site: SiteContext): string {
  return renderDocument(
    <Layout site={site} meta={{ title: 'Search', noindex: true }}>
      <h1>Search is unavailable on this mirror</h1>
      <p>This copy of the site is a static mirror, so it cannot search. Browse the sections above, or search on the main site:</p>
      <p>
        <a href={`${site.origin}/search`}>{new URL(site.origin).host}/search</a>
      </p>
    </Layout>,
  );
}
