// The article list: every story of every status, found by words and filters, a page at a time
// (services/newsroom/desk.ts list, the same finder as GET /api/v1/articles).
import type { FastifyInstance } from 'fastify';
import { ARTICLE_KINDS } from '../domain/article.ts';
import type { Person } from '../domain/model.ts';
import type { SectionTree } from '../domain/sections.ts';
import { zonedToUtc } from '../domain/time.ts';
import { can } from '../domain/permissions.ts';
import { actorOf } from '../http/auth.ts';
import type { BulkResult } from '../services/newsroom/bulk.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import type { Services } from '../services/index.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';
import { ArticleTable, type DeskRow } from './views/pages.tsx';

const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
const SORTS = { modified: 'Last change', published: 'First published', created: 'Created' } as const;
/** The fields of the finder's form, as the browser sends them. */
const FIELDS = ['q', 'status', 'mine', 'section', 'author', 'kind', 'tag', 'from', 'to', 'sort'] as const;
type Form = Partial<Record<(typeof FIELDS)[number], string>>;

/** The form's local dates as the finder's times: from that day's start to the next day's, in the newsroom's zone. */
function range(form: Form, timezone: string) {
  const day = (d: string | undefined, plus: number) => {
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + plus);
    return zonedToUtc(`${next.toISOString().slice(0, 10)}T00:00`, timezone) ?? undefined;
  };
  return { from: day(form.from, 0), to: day(form.to, 1) };
}

export function finderRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/articles', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const form: Form = Object.fromEntries(FIELDS.flatMap((f) => (typeof query[f] === 'string' ? [[f, query[f] as string]] : [])));
    const ctx = ctxOf(req);
    const [found, tree, people] = await Promise.all([
      services.newsroom.list(actorOf(req), { ...form, ...range(form, ctx.timezone), cursor: query.cursor, limit: 50 }),
      services.reader.sections(),
      services.newsroom.people(),
    ]);
    const bulk = {
      done: Number(query.bulkDone) || 0,
      failed: typeof query.bulkFailed === 'string' ? query.bulkFailed.slice(0, 300) : '',
      none: query.bulkNone === '1',
    };
    const canBulk = can(actorOf(req), 'article.publish');
    return sendPage(
      reply,
      <FinderView
        ctx={ctx}
        form={form}
        rows={found.items}
        next={found.nextCursor}
        tree={tree}
        people={people}
        bulk={canBulk ? bulk : null}
      />,
    );
  });

  // Bulk actions: the operation reports each article; the list comes back with what was done and what was not.
  app.post('/newsroom/articles/bulk', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const input = { action: body.action, ids: ([] as unknown[]).concat(body.ids ?? []), sectionId: body.sectionId, tag: body.tag };
    // Back to the same list: the form carried its query string, which is only ever our own finder's fields.
    const back = new URLSearchParams(typeof body.back === 'string' ? body.back : '');
    const kept = new URLSearchParams([...back].filter(([k]) => (FIELDS as readonly string[]).includes(k)));
    if (input.ids.length === 0) {
      kept.set('bulkNone', '1');
      return reply.redirect(`/newsroom/articles?${kept}`, 303);
    }
    const { results } = (await perform(OPERATIONS.bulkArticles, services, actorOf(req), { input })) as { results: BulkResult[] };
    const failed = results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.message}`);
    kept.set('bulkDone', String(results.length - failed.length));
    if (failed.length) kept.set('bulkFailed', failed.join('; '));
    return reply.redirect(`/newsroom/articles?${kept}`, 303);
  });
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div class="nr-field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function FinderView(p: {
  ctx: NewsroomContext;
  form: Form;
  rows: DeskRow[];
  next: string | null;
  tree: SectionTree;
  people: Person[];
  /** For editors: the bulk form, and what the last bulk action did. */
  bulk: { done: number; failed: string; none: boolean } | null;
}) {
  const { form, tree } = p;
  const sections = tree.roots().flatMap((r) => tree.subtreeIds(r.id).map((id) => tree.get(id)!));
  const filtered = FIELDS.some((f) => form[f]);
  return (
    <NewsroomLayout ctx={p.ctx} title="Articles">
      <h1>Articles</h1>
      <form method="get" action="/newsroom/articles" class="nr-finder" role="search">
        <div class="nr-field nr-finder-q">
          <label for="f-q">Words in the headline, standfirst or text</label>
          <input id="f-q" name="q" type="search" value={form.q ?? ''} maxLength={200} />
        </div>
        <Select name="status" label="Status" value={form.status} options={STATUSES.map((s) => [s, s.replace('_', ' ')])} />
        <Select name="mine" label="Created by" value={form.mine} options={[['true', 'Me']]} />
        <Select
          name="section"
          label="Section (with its sub-sections)"
          value={form.section}
          options={sections.map((s) => [
            String(s.id),
            tree
              .trail(s.id)
              .map((t) => t.name)
              .join(' › '),
          ])}
        />
        <Select name="author" label="Author" value={form.author} options={p.people.map((a) => [String(a.id), a.name])} />
        <Select name="kind" label="Kind" value={form.kind} options={ARTICLE_KINDS.map((k) => [k, k])} />
        <div class="nr-field">
          <label for="f-tag">Tag</label>
          <input id="f-tag" name="tag" value={form.tag ?? ''} maxLength={60} />
        </div>
        <div class="nr-field">
          <label for="f-from">From</label>
          <input id="f-from" name="from" type="date" value={form.from ?? ''} />
        </div>
        <div class="nr-field">
          <label for="f-to">To</label>
          <input id="f-to" name="to" type="date" value={form.to ?? ''} />
        </div>
        <div class="nr-field">
          <label for="f-sort">Newest first by</label>
          <select id="f-sort" name="sort">
            {Object.entries(SORTS).map(([v, text]) => (
              <option key={v} value={v} selected={v === (form.sort || 'modified')}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-finder-actions">
          <button type="submit">Find</button>
          {filtered && <a href="/newsroom/articles">Clear</a>}
        </div>
      </form>
      {p.bulk?.none && <Notice kind="error">Choose the articles first: tick the boxes beside their headlines.</Notice>}
      {p.bulk && (p.bulk.done > 0 || p.bulk.failed) && (
        <Notice kind={p.bulk.failed ? 'error' : 'ok'}>
          Changed {p.bulk.done} {p.bulk.done === 1 ? 'article' : 'articles'}.{p.bulk.failed && ` Not changed: ${p.bulk.failed}`}
        </Notice>
      )}
      {p.bulk && p.rows.length > 0 && (
        <form id="bulk" method="post" action="/newsroom/articles/bulk" class="nr-finder nr-bulk">
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken} />
          <input
            type="hidden"
            name="back"
            value={new URLSearchParams(Object.entries(form).filter(([, v]) => v) as [string, string][]).toString()}
          />
          <div class="nr-field">
            <label for="b-action">With the chosen articles</label>
            <select id="b-action" name="action">
              <option value="tag">Add a tag</option>
              <option value="section">Move to a section</option>
              <option value="unpublish">Withdraw from the site</option>
            </select>
          </div>
          <div class="nr-field">
            <label for="b-tag">Tag to add</label>
            <input id="b-tag" name="tag" maxLength={60} />
          </div>
          <div class="nr-field">
            <label for="b-section">Section to move to</label>
            <select id="b-section" name="sectionId">
              <option value="">—</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {tree
                    .trail(s.id)
                    .map((t) => t.name)
                    .join(' › ')}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-finder-actions">
            <button type="submit">Apply</button>
          </div>
        </form>
      )}
      <ArticleTable
        rows={p.rows}
        ctx={p.ctx}
        caption={filtered ? 'Found' : 'All articles, newest change first'}
        selectFor={p.bulk ? 'bulk' : undefined}
      />
      <NextPage next={p.next} query={Object.fromEntries(Object.entries(form).filter(([, v]) => v)) as Record<string, string>}>
        More articles
      </NextPage>
    </NewsroomLayout>
  );
}
