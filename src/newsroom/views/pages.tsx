// Newsroom pages: sign-in, the article table, API tokens, audit log (the dashboard is views/dashboard.tsx).
import type { AuditEntry } from '../../store/audit.ts';
import { formatDateTime } from '../../web/format.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './layout.tsx';

export function SignInView({ ctx, error, email, next }: { ctx: NewsroomContext; error?: string; email?: string; next?: string }) {
  return (
    <NewsroomLayout ctx={ctx} title="Sign in">
      <h1>Sign in</h1>
      {error && <Notice kind="error">{error}</Notice>}
      <form method="post" action="/newsroom/sign-in" class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ''} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
    </NewsroomLayout>
  );
}

export interface DeskRow {
  id: number;
  headline: string;
  status: string;
  modified_at: string;
  scheduled_at: string | null;
  /** A live article's revision that readers do not see yet (held changes). */
  held_revision?: number | null;
  section_name: string;
  created_by_name: string | null;
}

export function ArticleTable({
  rows,
  ctx,
  caption,
  selectFor,
}: {
  rows: DeskRow[];
  ctx: NewsroomContext;
  caption: string;
  /** The id of a form whose bulk action the rows can be chosen for (a checkbox each). */
  selectFor?: string;
}) {
  return (
    <section>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p class="nr-empty">Nothing here.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              {selectFor && (
                <th scope="col">
                  <span class="visually-hidden">Choose</span>
                </th>
              )}
              <th scope="col">Headline</th>
              <th scope="col">Section</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                {selectFor && (
                  <td>
                    <input type="checkbox" name="ids" value={r.id} form={selectFor} aria-label={`Choose “${r.headline}”`} />
                  </td>
                )}
                <td>
                  <a href={`/newsroom/articles/${r.id}`}>{r.headline}</a>
                </td>
                <td>{r.section_name}</td>
                <td>
                  {r.status.replace('_', ' ')}
                  {r.scheduled_at && r.status === 'scheduled' && <> for {formatDateTime(r.scheduled_at, ctx.timezone)}</>}
                  {r.held_revision != null && (
                    <>
                      {' '}
                      · <strong>unpublished changes</strong>
                      {r.scheduled_at && <> (update at {formatDateTime(r.scheduled_at, ctx.timezone)})</>}
                    </>
                  )}
                </td>
                <td>
                  {formatDateTime(r.modified_at, ctx.timezone)}
                  {r.created_by_name && <> · {r.created_by_name}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TokensView({
  ctx,
  tokens,
  created,
}: {
  ctx: NewsroomContext;
  tokens: { id: number; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null }[];
  created?: string;
}) {
  return (
    <NewsroomLayout ctx={ctx} title="API tokens">
      <h1>API tokens</h1>
      {created && (
        <Notice kind="ok">
          Your new token (shown only now): <code class="nr-token">{created}</code>
        </Notice>
      )}
      <form method="post" action="/newsroom/tokens" class="nr-form nr-inline">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <label for="token-name">Token name</label>
        <input id="token-name" name="name" required maxLength={80} />
        <button type="submit">Create token</button>
      </form>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{formatDateTime(t.created_at, ctx.timezone)}</td>
              <td>{t.last_used_at ? formatDateTime(t.last_used_at, ctx.timezone) : 'never'}</td>
              <td>
                {t.revoked_at ? (
                  'revoked'
                ) : (
                  <form method="post" action={`/newsroom/tokens/${t.id}/revoke`}>
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit">Revoke</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}

export function AuditView({ ctx, entries, next }: { ctx: NewsroomContext; entries: AuditEntry[]; next: string | null }) {
  return (
    <NewsroomLayout ctx={ctx} title="Audit log">
      <h1>Audit log</h1>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, ctx.timezone)}</td>
              <td>{e.userName ?? 'system'}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NextPage next={next}>Older entries</NextPage>
    </NewsroomLayout>
  );
}
