// Static pages in the newsroom (editors and admins): the list, and a page of its own for writing one in the
// article body editor (the editor bundle mounts on #body-editor and keeps #body-json up to date); the form posts
// normally: Save, Publish (save and publish), Unpublish, Delete. services/newsroom/pages.ts holds the rules.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Body } from '../domain/blocks.ts';
import { PAGE_ROLE_NAMES, PAGE_ROLES, pagePath, type PageRecord } from '../domain/pages.ts';
import { can, type Actor } from '../domain/permissions.ts';
import { MAX_ID } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import { ARTICLE_BODY_LIMIT } from '../http/body-limits.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { formatDateTime } from '../web/format.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, Notice, type NewsroomContext } from './views/layout.tsx';

const form = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, unknown>) : {});
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const pageId = (v: unknown) => {
  const s = String(v ?? '');
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > MAX_ID) throw new AppError('NOT_FOUND', 'There is no such page.');
  return Number(s);
};

/** What the form holds, as sent (shown again when it is refused). */
interface PageValues {
  title: string;
  slug: string;
  summary: string;
  role: string;
  inFooter: boolean;
  position: string;
  body: Body | null;
  bodyJson: string;
}

function valuesOf(b: Record<string, unknown>): PageValues {
  const bodyJson = text(b.body) || '[]';
  let body: Body | null = null;
  try {
    const parsed: unknown = JSON.parse(bodyJson);
    body = Array.isArray(parsed) ? (parsed as Body) : null;
  } catch {
    body = null; // reported by the page schema as "body: …"
  }
  return {
    title: text(b.title),
    slug: text(b.slug).trim(),
    summary: text(b.summary),
    role: text(b.role),
    inFooter: b.inFooter === '1',
    position: text(b.position).trim(),
    body,
    bodyJson,
  };
}

const inputOf = (v: PageValues) => ({
  title: v.title,
  slug: v.slug,
  summary: v.summary,
  body: v.body,
  role: v.role === '' ? null : v.role,
  inFooter: v.inFooter,
  ...(/^\d{1,5}$/.test(v.position) ? { position: Number(v.position) } : v.position ? { position: Number.NaN } : {}),
});

const valuesFrom = (p: PageRecord): PageValues => ({
  title: p.title,
  slug: p.slug,
  summary: p.summary,
  role: p.role ?? '',
  inFooter: p.inFooter,
  position: String(p.position),
  body: p.body,
  bodyJson: JSON.stringify(p.body),
});

const EMPTY: PageValues = { title: '', slug: '', summary: '', role: '', inFooter: true, position: '', body: [], bodyJson: '[]' };

const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  published: 'Published: readers see it now.',
  unpublished: 'Taken back to draft: readers no longer see it.',
  deleted: 'The page was deleted.',
};

export function pagesRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  const manager = (req: FastifyRequest): Actor => {
    const actor = actorOf(req);
    if (!can(actor, 'page.manage')) throw new AppError('FORBIDDEN');
    return actor;
  };
  const previewsOf = (body: Body | null) => services.media.previews((body ?? []).flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])));
  const notice = (req: FastifyRequest) => {
    const done = String((req.query as Record<string, unknown>).done ?? '');
    return NOTICES[done] ? ({ kind: 'ok', text: NOTICES[done] } as const) : undefined;
  };

  app.get('/newsroom/pages', async (req, reply) => {
    const { items } = await services.pages.list(manager(req));
    return sendPage(reply, <PagesView ctx={ctxOf(req)} pages={items} notice={notice(req)} />);
  });

  app.get('/newsroom/pages/new', async (req, reply) => {
    manager(req);
    return sendPage(reply, <EditPageView ctx={ctxOf(req)} page={null} values={EMPTY} previews={{}} />);
  });

  app.post('/newsroom/pages', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const actor = actorOf(req);
    const b = form(req.body);
    const values = valuesOf(b);
    try {
      const created = (await perform(OPERATIONS.createPage, services, actor, { input: inputOf(values) })) as PageRecord;
      if (b.action === 'publish') await perform(OPERATIONS.publishPage, services, actor, { key: created.id });
      return reply.redirect(`/newsroom/pages/${created.id}?done=${b.action === 'publish' ? 'published' : 'saved'}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'FORBIDDEN') throw err;
      const previews = await previewsOf(values.body);
      const shown = { kind: 'error', text: err.message } as const;
      return sendPage(reply, <EditPageView ctx={ctxOf(req)} page={null} values={values} previews={previews} notice={shown} />, err.status);
    }
  });

  app.get('/newsroom/pages/:id', async (req, reply) => {
    const page = await services.pages.get(manager(req), pageId((req.params as Record<string, string>).id));
    const previews = await previewsOf(page.body);
    return sendPage(
      reply,
      <EditPageView ctx={ctxOf(req)} page={page} values={valuesFrom(page)} previews={previews} notice={notice(req)} />,
    );
  });

  app.post('/newsroom/pages/:id', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const id = pageId((req.params as Record<string, string>).id);
    const actor = actorOf(req);
    const b = form(req.body);
    const values = valuesOf(b);
    try {
      await perform(OPERATIONS.updatePage, services, actor, { key: id, input: inputOf(values) });
      if (b.action === 'publish') await perform(OPERATIONS.publishPage, services, actor, { key: id });
      if (b.action === 'unpublish') await perform(OPERATIONS.unpublishPage, services, actor, { key: id });
      const done = b.action === 'publish' ? 'published' : b.action === 'unpublish' ? 'unpublished' : 'saved';
      return reply.redirect(`/newsroom/pages/${id}?done=${done}`, 303);
    } catch (err) {
      // A refused change shows the form again as it was sent, with what was wrong.
      if (!(err instanceof AppError) || err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN') throw err;
      const page = await services.pages.get(actor, id);
      const previews = await previewsOf(values.body);
      const shown = { kind: 'error', text: err.message } as const;
      return sendPage(reply, <EditPageView ctx={ctxOf(req)} page={page} values={values} previews={previews} notice={shown} />, err.status);
    }
  });

  app.post('/newsroom/pages/:id/delete', async (req, reply) => {
    const id = pageId((req.params as Record<string, string>).id);
    await perform(OPERATIONS.deletePage, services, actorOf(req), { key: id });
    return reply.redirect('/newsroom/pages?done=deleted', 303);
  });
}

function PagesView({ ctx, pages, notice }: { ctx: NewsroomContext; pages: PageRecord[]; notice?: { kind: 'ok'; text: string } }) {
  return (
    <NewsroomLayout ctx={ctx} title="Pages">
      <h1>Pages</h1>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <p>
        <a href="/newsroom/pages/new">New page</a>
      </p>
      <p class="nr-hint">
        About, Contact, the corrections and ethics policies, Privacy and any other page readers find in the site’s footer.
      </p>
      {pages.length === 0 ? (
        <p class="nr-empty">No pages yet.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Address</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/newsroom/pages/${p.id}`}>{p.title}</a>
                </td>
                <td>{p.status === 'published' ? <a href={pagePath(p.slug)}>{pagePath(p.slug)}</a> : pagePath(p.slug)}</td>
                <td>{p.role ? PAGE_ROLE_NAMES[p.role] : '—'}</td>
                <td>
                  {p.status === 'published' ? 'Published' : 'Draft'}
                  {p.status === 'published' && !p.inFooter ? ' (not in the footer)' : ''}
                </td>
                <td>
                  <time datetime={p.updatedAt}>{formatDateTime(p.updatedAt, ctx.timezone)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

function EditPageView({
  ctx,
  page,
  values,
  previews,
  notice,
}: {
  ctx: NewsroomContext;
  page: PageRecord | null;
  values: PageValues;
  previews: Record<string, string>;
  notice?: { kind: 'ok' | 'error'; text: string };
}) {
  const published = page?.status === 'published';
  const title = page ? `Page: ${page.title}` : 'New page';
  return (
    <NewsroomLayout ctx={ctx} title={title} scripts={['/assets/build/editor.js']} styles={['/assets/build/editor.css']}>
      <p>
        <a href="/newsroom/pages">All pages</a>
      </p>
      <h1>{page ? page.title : 'New page'}</h1>
      {page && (
        <p class="nr-hint">
          {published ? (
            <>
              Published at <a href={pagePath(page.slug)}>{pagePath(page.slug)}</a>
            </>
          ) : (
            <>Draft: readers do not see it. Its address will be {pagePath(page.slug)}</>
          )}
          {' · '}last change <time datetime={page.updatedAt}>{formatDateTime(page.updatedAt, ctx.timezone)}</time>
        </p>
      )}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <form method="post" action={page ? `/newsroom/pages/${page.id}` : '/newsroom/pages'} class="nr-form" id="page-form">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="nr-field">
          <label for="page-title">Title</label>
          <input id="page-title" name="title" required maxLength={200} value={values.title} />
        </div>
        <div class="nr-field">
          <label for="page-slug">Address</label>
          <input
            id="page-slug"
            name="slug"
            maxLength={80}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            value={values.slug}
            aria-describedby="page-slug-hint"
          />
          <p class="nr-hint" id="page-slug-hint">
            The page is at /<em>address</em>: lower-case letters and digits joined by hyphens; made from the title when left empty. It
            cannot be a section’s address or one the site uses itself.
          </p>
        </div>
        <div class="nr-field">
          <label for="page-summary">Summary</label>
          <textarea id="page-summary" name="summary" rows={2} maxLength={500} aria-describedby="page-summary-hint">
            {values.summary}
          </textarea>
          <p class="nr-hint" id="page-summary-hint">
            Shown under the title, and to search engines.
          </p>
        </div>
        <p id="page-body-label">
          <strong>Text</strong>
        </p>
        <input type="hidden" name="body" id="body-json" value={values.bodyJson} />
        <div
          id="body-editor"
          role="group"
          aria-labelledby="page-body-label"
          data-media-search="/api/v1/media"
          data-media-upload="/api/v1/media"
          data-article-search="/api/v1/articles"
          data-media-previews={JSON.stringify(previews)}
        ></div>
        <noscript>
          <p class="nr-notice nr-error">The text editor needs JavaScript; the other fields can be saved without it.</p>
        </noscript>
        <div class="nr-field">
          <label for="page-role">Role</label>
          <select id="page-role" name="role" aria-describedby="page-role-hint">
            <option value="" selected={values.role === ''}>
              None
            </option>
            {PAGE_ROLES.map((r) => (
              <option key={r} value={r} selected={values.role === r}>
                {PAGE_ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          <p class="nr-hint" id="page-role-hint">
            One page per role. Search engines are told which page is the corrections policy and which the ethics policy.
          </p>
        </div>
        <div class="nr-field">
          <input type="checkbox" id="page-in-footer" name="inFooter" value="1" checked={values.inFooter} />{' '}
          <label for="page-in-footer">List it in the site’s footer</label>
        </div>
        <div class="nr-field">
          <label for="page-position">Place in the footer</label>
          <input
            id="page-position"
            name="position"
            inputMode="numeric"
            pattern="[0-9]{1,5}"
            maxLength={5}
            value={values.position}
            aria-describedby="page-position-hint"
          />
          <p class="nr-hint" id="page-position-hint">
            Lower numbers come first; a new page goes last when left empty.
          </p>
        </div>
        <p class="nr-actions">
          <button type="submit" name="action" value="save">
            {published ? 'Save and update' : 'Save draft'}
          </button>{' '}
          {!published && (
            <button type="submit" name="action" value="publish">
              Publish
            </button>
          )}
          {published && (
            <button type="submit" name="action" value="unpublish">
              Unpublish
            </button>
          )}
        </p>
      </form>
      {page && (
        <form method="post" action={`/newsroom/pages/${page.id}/delete`} class="nr-inline">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit">Delete this page</button>
        </form>
      )}
    </NewsroomLayout>
  );
}
