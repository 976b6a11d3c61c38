// Tags: editors find them (with how many articles carry each), rename and describe them, and merge two tags
// that mean the same; old addresses redirect and every page showing the tag follows (services/newsroom/tags.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TagProfile } from '../domain/people.ts';
import { can, type Actor } from '../domain/permissions.ts';
import { MAX_ID } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { sendPage } from '../web/render.ts';
import { ConfirmMergeView } from './people-views.tsx';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';

type TagListed = Awaited<ReturnType<Services['tags']['list']>>['items'][number];

const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, string>) : {});
const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
const tagId = (v: unknown) => {
  const s = String(v ?? '');
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > MAX_ID) throw new AppError('NOT_FOUND', 'There is no such tag.');
  return Number(s);
};

export function tagsRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  const manager = (req: FastifyRequest): Actor => {
    const actor = actorOf(req);
    if (!can(actor, 'tag.manage')) throw new AppError('FORBIDDEN');
    return actor;
  };

  app.get('/newsroom/tags', async (req, reply) => {
    const actor = manager(req);
    const q = String(query(req).q ?? '').slice(0, 100);
    const found = await services.tags.list(actor, { q, cursor: query(req).cursor });
    return sendPage(reply, <TagsView ctx={ctxOf(req)} q={q} tags={found.items} next={found.nextCursor} />);
  });

  app.get('/newsroom/tags/:id', async (req, reply) => {
    const q = query(req);
    const tag = await services.tags.get(manager(req), tagId((req.params as Record<string, string>).id));
    const text = q.merged === '1' ? 'Merged. Its articles carry this tag now, and its address redirects here.' : 'Saved.';
    const notice = q.done === '1' || q.merged === '1' ? ({ kind: 'ok', text } as const) : undefined;
    return sendPage(reply, <EditTagView ctx={ctxOf(req)} tag={tag} values={tag} notice={notice} />);
  });

  app.post('/newsroom/tags/:id', async (req, reply) => {
    const id = tagId((req.params as Record<string, string>).id);
    const b = body(req.body);
    const input = { name: b.name ?? '', slug: b.slug ?? '', description: b.description ?? '' };
    try {
      await perform(OPERATIONS.updateTag, services, actorOf(req), { key: id, input });
    } catch (err) {
      // A refused change shows the form again as it was sent, with what was wrong.
      if (!(err instanceof AppError) || err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN') throw err;
      const tag = await services.tags.get(actorOf(req), id);
      const notice = { kind: 'error', text: err.message } as const;
      return sendPage(reply, <EditTagView ctx={ctxOf(req)} tag={tag} values={input} notice={notice} />, err.status);
    }
    return reply.redirect(`/newsroom/tags/${id}?done=1`, 303);
  });

  // Merging asks first: the target is named by its name or address; this page says what will happen.
  app.get('/newsroom/tags/:id/merge', async (req, reply) => {
    const actor = manager(req);
    const from = await services.tags.get(actor, tagId((req.params as Record<string, string>).id));
    const named = String(query(req).into ?? '').slice(0, 100);
    const target = named ? await services.tags.bySlug(actor, named) : undefined;
    if (!target || target.id === from.id) {
      const text = !named
        ? 'Name the tag to merge into.'
        : target
          ? 'A tag cannot be merged into itself.'
          : `There is no tag called “${named}”. Use its name or its address as the list shows it.`;
      return sendPage(reply, <EditTagView ctx={ctxOf(req)} tag={from} values={from} notice={{ kind: 'error', text }} into={named} />, 400);
    }
    return sendPage(
      reply,
      <ConfirmMergeView
        ctx={ctxOf(req)}
        kind="tag"
        count={from.articleCount}
        from={{ id: from.id, name: from.name, path: `/tag/${from.slug}` }}
        into={{ id: target.id, name: target.name, path: `/tag/${target.slug}` }}
        action={`/newsroom/tags/${from.id}/merge`}
        back={`/newsroom/tags/${from.id}`}
      />,
    );
  });

  app.post('/newsroom/tags/:id/merge', async (req, reply) => {
    const id = tagId((req.params as Record<string, string>).id);
    const intoId = tagId(body(req.body).intoId);
    await perform(OPERATIONS.mergeTag, services, actorOf(req), { key: id, input: { intoId } });
    return reply.redirect(`/newsroom/tags/${intoId}?merged=1`, 303);
  });
}

function TagsView({ ctx, q, tags, next }: { ctx: NewsroomContext; q: string; tags: TagListed[]; next: string | null }) {
  return (
    <NewsroomLayout ctx={ctx} title="Tags">
      <h1>Tags</h1>
      <form method="get" class="nr-inline" role="search">
        <label for="tags-q">Find tags by name or address</label>
        <input id="tags-q" name="q" type="search" value={q} maxLength={100} />
        <button type="submit">Find</button>
      </form>
      <p class="nr-hint">Tags are made by tagging articles. Here you rename, describe and merge them; old addresses keep working.</p>
      {tags.length === 0 ? (
        <p class="nr-empty">{q ? 'No tag matches.' : 'No tags yet.'}</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Address</th>
              <th scope="col">Articles</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((t) => (
              <tr key={t.id}>
                <td>
                  <a href={`/newsroom/tags/${t.id}`}>{t.name}</a>
                </td>
                <td>
                  <a href={`/tag/${t.slug}`}>/tag/{t.slug}</a>
                </td>
                <td>
                  {t.articleCount} {t.articleCount === 1 ? 'article' : 'articles'}
                </td>
                <td>{t.description || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPage next={next} query={q ? { q } : {}}>
        More tags
      </NextPage>
    </NewsroomLayout>
  );
}

function EditTagView({
  ctx,
  tag,
  values,
  notice,
  into = '',
}: {
  ctx: NewsroomContext;
  tag: TagProfile & { articleCount: number };
  values: { name: string; slug: string; description: string };
  notice?: { kind: 'ok' | 'error'; text: string };
  into?: string;
}) {
  return (
    <NewsroomLayout ctx={ctx} title={`Tag: ${tag.name}`}>
      <p>
        <a href="/newsroom/tags">All tags</a>
      </p>
      <h1>{tag.name}</h1>
      <p class="nr-hint">
        <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a> · on {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'}
      </p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <form method="post" action={`/newsroom/tags/${tag.id}`} class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="nr-field">
          <label for="tag-name">Name</label>
          <input id="tag-name" name="name" required maxLength={60} value={values.name} />
        </div>
        <div class="nr-field">
          <label for="tag-slug">Address</label>
          <input
            id="tag-slug"
            name="slug"
            required
            maxLength={80}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            value={values.slug}
            aria-describedby="tag-slug-hint"
          />
          <p class="nr-hint" id="tag-slug-hint">
            The page is at /tag/<em>address</em>. A new address keeps the old one working: it redirects.
          </p>
        </div>
        <div class="nr-field">
          <label for="tag-description">Description</label>
          <textarea id="tag-description" name="description" rows={3} maxLength={500} aria-describedby="tag-description-hint">
            {values.description}
          </textarea>
          <p class="nr-hint" id="tag-description-hint">
            Shown under the heading of the tag’s page.
          </p>
        </div>
        <button type="submit">Save {tag.name}</button>
      </form>
      <h2>Merge into another tag</h2>
      <form method="get" action={`/newsroom/tags/${tag.id}/merge`} class="nr-inline">
        <label for="merge-into">Merge {tag.name} into</label>
        <input id="merge-into" name="into" required maxLength={100} value={into} placeholder="Tag name or address" />
        <button type="submit">Merge into…</button>
      </form>
      <p class="nr-hint">For two tags that mean the same: you confirm on the next page.</p>
    </NewsroomLayout>
  );
}
