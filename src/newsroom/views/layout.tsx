// The newsroom frame: navigation by role, the CSRF token for scripts, sign-out.
import type { ComponentChildren } from 'preact';
import { can, type Actor } from '../../domain/permissions.ts';

export interface NewsroomContext {
  siteName: string;
  actor: (Actor & { name: string }) | null;
  csrfToken: string;
  timezone: string;
}

export function NewsroomLayout({
  ctx,
  title,
  children,
  scripts = [],
  styles = [],
  compact = false,
}: {
  ctx: NewsroomContext;
  title: string;
  children: ComponentChildren;
  scripts?: string[];
  styles?: string[];
  /** The editor's frame: the navigation folds into a menu so the story gets the screen. */
  compact?: boolean;
}) {
  const a = ctx.actor;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="csrf-token" content={ctx.csrfToken} />
        <title>{`${title} | ${ctx.siteName} newsroom`}</title>
        <link rel="stylesheet" href="/assets/newsroom.css" />
        {styles.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        {scripts.map((src) => (
          <script src={src} defer key={src} />
        ))}
      </head>
      <body class={compact ? 'nr-compact' : undefined}>
        <header class="nr-header">
          <a class="nr-brand" href="/newsroom">
            <span class="nr-brand-site">{ctx.siteName} · </span>Newsroom
          </a>
          {a && !compact && <NewsroomNav actor={a} />}
          {a && compact && (
            <details class="nr-menu">
              <summary>Menu</summary>
              <NewsroomNav actor={a} />
            </details>
          )}
          {a && (
            <form method="post" action="/newsroom/sign-out" class="nr-signout">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <span>
                {a.name} ({a.role})
              </span>{' '}
              <button type="submit">Sign out</button>
              {/* The rarer choices fold away, so the bar stays one line on a phone. */}
              <details class="nr-more">
                <summary>More</summary>
                <div class="nr-more-body">
                  <input type="checkbox" id="signout-revoke-tokens" name="revokeTokens" value="1" />
                  <label for="signout-revoke-tokens">Also revoke my API tokens</label>
                  <button type="submit" name="everywhere" value="1">
                    Sign out everywhere
                  </button>
                </div>
              </details>
            </form>
          )}
        </header>
        <main id="main" class="nr-main">
          {children}
        </main>
      </body>
    </html>
  );
}

function NewsroomNav({ actor }: { actor: Actor }) {
  return (
    <nav aria-label="Newsroom">
      <ul>
        <li>
          <a href="/newsroom">Dashboard</a>
        </li>
        <li>
          <a href="/newsroom/articles">Articles</a>
        </li>
        {can(actor, 'article.create') && (
          <li>
            <a href="/newsroom/articles/new">New article</a>
          </li>
        )}
        {can(actor, 'person.manage') && (
          <li>
            <a href="/newsroom/people">Authors</a>
          </li>
        )}
        {can(actor, 'tag.manage') && (
          <li>
            <a href="/newsroom/tags">Tags</a>
          </li>
        )}
        {can(actor, 'page.manage') && (
          <li>
            <a href="/newsroom/pages">Pages</a>
          </li>
        )}
        {can(actor, 'collection.manage') && (
          <li>
            <a href="/newsroom/collections/editors-choice">Editor's Choice</a>
          </li>
        )}
        {can(actor, 'collection.manage') && (
          <li>
            <a href="/newsroom/collections/top-stories">Top stories</a>
          </li>
        )}
        {can(actor, 'section.manage') && (
          <li>
            <a href="/newsroom/sections">Sections</a>
          </li>
        )}
        <li>
          <a href="/newsroom/media">Media</a>
        </li>
        <li>
          <a href="/newsroom/tokens">API tokens</a>
        </li>
        {can(actor, 'user.manage') && (
          <li>
            <a href="/newsroom/users">Users</a>
          </li>
        )}
        {can(actor, 'audit.view') && (
          <li>
            <a href="/newsroom/audit">Audit log</a>
          </li>
        )}
        <li>
          <a href="/">View site</a>
        </li>
      </ul>
    </nav>
  );
}

/** The link to a list's next page, when there is one: the same query with the cursor the list answered. */
export function NextPage({
  next,
  query = {},
  children,
}: {
  next: string | null;
  query?: Record<string, string>;
  children: ComponentChildren;
}) {
  if (!next) return null;
  return (
    <p class="nr-next-page">
      <a href={`?${new URLSearchParams({ ...query, cursor: next })}`}>{children}</a>
    </p>
  );
}

export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ComponentChildren }) {
  return (
    <p class={`nr-notice nr-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
