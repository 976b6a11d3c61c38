// Curating collections from the newsroom: add, remove and reorder with plain buttons (keyboard-accessible,
// no drag and drop needed), with an optional time window per entry.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { zonedToUtc } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { formatDateTime } from '../web/format.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, Notice, type NewsroomContext } from './views/layout.tsx';

const slugOf = (req: FastifyRequest) => {
  const r = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }).safeParse(req.params);
  if (!r.success) throw new AppError('NOT_FOUND');
  return r.data.slug;
};

export function curationRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/collections/:slug', async (req, reply) => {
    const c = await services.curation.collection(actorOf(req), slugOf(req));
    return sendPage(reply, <CollectionView ctx={ctxOf(req)} c={c} done={(req.query as Record<string, string>).done === '1'} />);
  });

  app.post('/newsroom/collections/:slug', async (req, reply) => {
    const slug = slugOf(req);
    const actor = actorOf(req);
    const body = (req.body ?? {}) as Record<string, string>;
    const c = await services.curation.collection(actor, slug);
    let items = c.entries.map((e) => ({ articleId: e.article_id, startsAt: e.starts_at, endsAt: e.ends_at }));
    const at = Number(body.index);
    if (body.op === 'up' && at > 0) [items[at - 1], items[at]] = [items[at]!, items[at - 1]!];
    else if (body.op === 'down' && at < items.length - 1) [items[at + 1], items[at]] = [items[at]!, items[at + 1]!];
    else if (body.op === 'remove') items = items.filter((_, i) => i !== at);
    else if (body.op === 'add') {
      const tz = ctxOf(req).timezone;
      // A repeated field arrives as an array, which is not a date and time either (it reached zonedToUtc: a 500).
      const window = (v: unknown) => (!v ? null : (typeof v === 'string' && zonedToUtc(v, tz)) || undefined);
      const startsAt = window(body.startsAt);
      const endsAt = window(body.endsAt);
      if (startsAt === undefined || endsAt === undefined)
        throw new AppError('INVALID_INPUT', 'The start or end time is not a date and time.');
      items.unshift({ articleId: Number(body.articleId), startsAt, endsAt });
    }
    await perform(OPERATIONS.setCollection, services, actor, { key: slug, input: { items } });
    return reply.redirect(`/newsroom/collections/${slug}?done=1`, 303);
  });
}

function CollectionView({
  ctx,
  c,
  done,
}: {
  ctx: NewsroomContext;
  c: Awaited<ReturnType<Services['curation']['collection']>>;
  done: boolean;
}) {
  const button = (index: number, op: string, label: string, disabled = false) => (
    <form method="post" class="nr-inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="index" value={String(index)} />
      <button type="submit" name="op" value={op} disabled={disabled}>
        {label}
      </button>
    </form>
  );
  return (
    <NewsroomLayout ctx={ctx} title={c.name}>
      <h1>{c.name}</h1>
      {done && <Notice kind="ok">Saved: the home page shows the new order now.</Notice>}
      <ol class="nr-collection">
        {c.entries.map((e, i) => (
          <li key={e.article_id}>
            <span class="nr-entry">
              {e.headline} <span class="nr-hint">({e.status.replace('_', ' ')})</span>
              {(e.starts_at || e.ends_at) && (
                <span class="nr-hint">
                  {' '}
                  shown {e.starts_at ? `from ${formatDateTime(e.starts_at, ctx.timezone)}` : ''}{' '}
                  {e.ends_at ? `until ${formatDateTime(e.ends_at, ctx.timezone)}` : ''}
                </span>
              )}
            </span>
            {button(i, 'up', `Move “${e.headline}” up`, i === 0)}
            {button(i, 'down', `Move “${e.headline}” down`, i === c.entries.length - 1)}
            {button(i, 'remove', `Remove “${e.headline}”`)}
          </li>
        ))}
      </ol>
      <h2>Add an article</h2>
      <form method="post" class="nr-form nr-inline">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <label for="add-id">Article id</label>
        <input id="add-id" name="articleId" inputMode="numeric" required pattern="[0-9]+" />
        <label for="add-start">Show from ({ctx.timezone}, optional)</label>
        <input id="add-start" name="startsAt" type="datetime-local" />
        <label for="add-end">Until (optional)</label>
        <input id="add-end" name="endsAt" type="datetime-local" />
        <button type="submit" name="op" value="add">
          Add to the top
        </button>
      </form>
    </NewsroomLayout>
  );
}
