// Revision history: every save with who and when, a readable diff between any two, one-click restore.
import type { FastifyInstance } from 'fastify';
import { bodyText } from '../domain/blocks.ts';
import { wordDiff } from '../domain/diff.ts';
import { actorOf } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { parseArticleInput } from '../services/newsroom/content.ts';
import type { ArticleInput } from '../services/newsroom/schema.ts';
import { formatDateTime } from '../web/format.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { articleId } from './request.ts';
import { NewsroomLayout, type NewsroomContext } from './views/layout.tsx';

/** The parts of a snapshot worth comparing, as readable text. */
function readable(a: ArticleInput): Record<string, string> {
  return {
    Headline: a.headline,
    Standfirst: a.standfirst,
    Slug: a.slug,
    Tags: a.tags.join(', '),
    'Hero caption': a.hero ? `${a.hero.caption} (${a.hero.credit}) [alt: ${a.hero.alt}]` : '',
    Body: bodyText(a.body),
  };
}

export function historyRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/articles/:id/history', async (req, reply) => {
    const id = articleId(req);
    const actor = actorOf(req);
    const h = await services.content.history(actor, id);
    const q = req.query as Record<string, string | undefined>;
    const latest = h.revisions[0]?.number ?? 1;
    const b = Number(q.b) || latest;
    const a = Number(q.a) || Math.max(1, b - 1);
    const find = (n: number) => h.revisions.find((r) => r.number === n);
    const ra = find(a);
    const rb = find(b);
    const diff =
      ra && rb
        ? Object.entries(readable(parseArticleInput(JSON.parse(rb.snapshot)))).map(([field, after]) => ({
            field,
            parts: wordDiff(readable(parseArticleInput(JSON.parse(ra.snapshot)))[field] ?? '', after),
          }))
        : [];
    return sendPage(reply, <HistoryView ctx={ctxOf(req)} id={id} h={h} a={a} b={b} latest={latest} diff={diff} />);
  });

  app.post('/newsroom/articles/:id/restore', async (req, reply) => {
    const id = articleId(req);
    const body = (req.body ?? {}) as Record<string, string>;
    const input = { revision: Number(body.revision), baseRevision: Number(body.baseRevision) };
    await perform(OPERATIONS.restoreRevision, services, actorOf(req), { key: id, input });
    return reply.redirect(`/newsroom/articles/${id}?done=restore`, 303);
  });
}

function HistoryView(p: {
  ctx: NewsroomContext;
  id: number;
  h: Awaited<ReturnType<Services['content']['history']>>;
  a: number;
  b: number;
  latest: number;
  diff: { field: string; parts: ReturnType<typeof wordDiff> }[];
}) {
  const { ctx, id, h } = p;
  return (
    <NewsroomLayout ctx={ctx} title="History">
      <h1>History</h1>
      <p>
        <a href={`/newsroom/articles/${id}`}>Back to the article</a>
      </p>
      <form method="get" class="nr-form nr-inline">
        <label for="rev-a">Compare revision</label>
        <select id="rev-a" name="a">
          {h.revisions.map((r) => (
            <option value={String(r.number)} selected={r.number === p.a}>
              {r.number}
            </option>
          ))}
        </select>
        <label for="rev-b">with</label>
        <select id="rev-b" name="b">
          {h.revisions.map((r) => (
            <option value={String(r.number)} selected={r.number === p.b}>
              {r.number}
            </option>
          ))}
        </select>
        <button type="submit">Compare</button>
      </form>
      <section aria-labelledby="diff-title" class="nr-diff">
        <h2 id="diff-title">
          Changes from revision {p.a} to {p.b}
        </h2>
        {p.diff.map(({ field, parts }) =>
          parts.every((x) => x.op === 'same') ? null : (
            <div key={field}>
              <h3>{field}</h3>
              <p>
                {parts.map((x, i) =>
                  x.op === 'added' ? <ins key={i}>{x.text}</ins> : x.op === 'removed' ? <del key={i}>{x.text}</del> : x.text,
                )}
              </p>
            </div>
          ),
        )}
      </section>
      <h2>Revisions</h2>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Kind</th>
            <th scope="col">By</th>
            <th scope="col">When</th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {h.revisions.map((r) => (
            <tr key={r.number}>
              <td>{r.number}</td>
              <td>{r.kind}</td>
              <td>{r.userName ?? 'system'}</td>
              <td>{formatDateTime(r.createdAt, ctx.timezone)}</td>
              <td>
                {r.number !== p.latest && (
                  <form method="post" action={`/newsroom/articles/${id}/restore`}>
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <input type="hidden" name="revision" value={String(r.number)} />
                    <input type="hidden" name="baseRevision" value={String(p.latest)} />
                    <button type="submit">Restore revision {r.number}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Status changes</h2>
      <ul>
        {h.transitions.map((t, i) => (
          <li key={i}>
            {formatDateTime(t.at, ctx.timezone)}: {t.from_status.replace('_', ' ')} → {t.to_status.replace('_', ' ')} by{' '}
            {t.user_name ?? 'the scheduler'}
            {t.note && <> (“{t.note}”)</>}
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}
