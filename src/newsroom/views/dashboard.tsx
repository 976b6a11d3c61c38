// The newsroom dashboard: my work, the review queue (or, for a writer, their stories waiting for review), what
// goes out next and what went live last. Each list shows a few stories as cards and leads to the article finder
// with the same filters for the rest.
import type { ComponentChildren } from 'preact';
import { articlePath } from '../../domain/urls.ts';
import type { Dashboard } from '../../services/newsroom/desk.ts';
import { formatDateTime, formatRelative } from '../../web/format.ts';
import { NewsroomLayout, Notice, type NewsroomContext } from './layout.tsx';

type Row = Dashboard['mine'][number];
type ReviewRow = Dashboard['review'][number];

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Withdrawn',
};

/** A time as "12 min ago", with the exact time in the newsroom's zone as its title. */
function When({ iso, ctx, now }: { iso: string; ctx: NewsroomContext; now: string }) {
  const exact = formatDateTime(iso, ctx.timezone);
  return (
    <time datetime={iso} title={exact}>
      {formatRelative(iso, now, ctx.timezone)}
    </time>
  );
}

function Byline({ r }: { r: Row }) {
  if (r.byline.length) return <span>By {r.byline.join(', ')}</span>;
  if (r.created_by_name) return <span>Created by {r.created_by_name}</span>;
  return null;
}

/** One story as a card: headline to the editor, status, section, byline, and the time that matters in this list. */
function Item({ r, children }: { r: Row; children: ComponentChildren }) {
  return (
    <li class="nr-dash-item">
      <a class="nr-dash-headline" href={`/newsroom/articles/${r.id}`}>
        {r.headline || 'Untitled'}
      </a>
      <p class="nr-dash-meta">
        <span class={`nr-status nr-status-${r.status}`}>{STATUS_LABEL[r.status] ?? r.status}</span>
        {r.held_revision != null && <span class="nr-status nr-status-held">Unpublished changes</span>}
        <span>{r.section_name}</span>
        <Byline r={r} />
      </p>
      <p class="nr-dash-time">{children}</p>
    </li>
  );
}

function List({
  id,
  title,
  rows,
  empty,
  seeAll,
  children,
}: {
  id: string;
  title: string;
  rows: unknown[];
  empty: ComponentChildren;
  /** Finder addresses with the list's filters: [link text, address]. */
  seeAll: [string, string][];
  children: ComponentChildren;
}) {
  return (
    <section class="nr-dash-list" aria-labelledby={id} id={`${id}-list`}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p class="nr-empty">{empty}</p> : <ol class="nr-dash-items">{children}</ol>}
      <p class="nr-dash-all">
        {seeAll.map(([text, href], i) => (
          <span key={href}>
            {i > 0 && ' · '}
            <a href={href}>{text}</a>
          </span>
        ))}
      </p>
    </section>
  );
}

/** The finder's address for these filters (src/newsroom/finder.tsx). */
const finder = (filters: Record<string, string>) => `/newsroom/articles?${new URLSearchParams(filters)}`;

export function DashboardView({ ctx, d, flash }: { ctx: NewsroomContext; d: Dashboard; flash?: string }) {
  const { now } = d;
  const editor = d.role === 'editor';
  return (
    <NewsroomLayout ctx={ctx} title="Dashboard">
      <div class="nr-dash-head">
        <h1>Newsroom</h1>
        <a class="nr-dash-new" href="/newsroom/articles/new">
          New article
        </a>
      </div>
      {flash && <Notice kind="ok">{flash}</Notice>}
      <div class="nr-dash">
        <List
          id="dash-mine"
          title="My work"
          rows={d.mine}
          empty="You have no drafts or stories in review."
          seeAll={[
            ['All my drafts', finder({ status: 'draft', mine: 'true' })],
            ['All my stories in review', finder({ status: 'in_review', mine: 'true' })],
          ]}
        >
          {d.mine.map((r) => (
            <Item key={r.id} r={r}>
              Changed <When iso={r.modified_at} ctx={ctx} now={now} />
            </Item>
          ))}
        </List>
        <List
          id="dash-review"
          title={editor ? 'Needs my review' : 'Waiting for review'}
          rows={d.review}
          empty={editor ? 'Nothing waiting for review.' : 'None of your stories is waiting for review.'}
          seeAll={[
            [
              editor ? 'All stories in review' : 'All my stories in review',
              finder(editor ? { status: 'in_review' } : { status: 'in_review', mine: 'true' }),
            ],
          ]}
        >
          {d.review.map((r: ReviewRow) => (
            <Item key={r.id} r={r}>
              {r.submitted_at ? (
                <>
                  Submitted {r.submitted_by_name && <>by {r.submitted_by_name} </>}
                  <When iso={r.submitted_at} ctx={ctx} now={now} />
                </>
              ) : (
                <>
                  Changed <When iso={r.modified_at} ctx={ctx} now={now} />
                </>
              )}
            </Item>
          ))}
        </List>
        <List
          id="dash-scheduled"
          title="Scheduled"
          rows={d.scheduled}
          empty="Nothing scheduled."
          seeAll={[['All scheduled stories', finder({ status: 'scheduled' })]]}
        >
          {d.scheduled.map((r) => (
            <Item key={r.id} r={r}>
              {r.status === 'published' ? 'Update goes out' : 'Goes out'} <When iso={r.scheduled_at!} ctx={ctx} now={now} />
              <span class="nr-dash-exact"> · {formatDateTime(r.scheduled_at!, ctx.timezone)}</span>
            </Item>
          ))}
        </List>
        <List
          id="dash-published"
          title="Recently published"
          rows={d.published}
          empty="Nothing published yet."
          seeAll={[['All published stories', finder({ status: 'published', sort: 'published' })]]}
        >
          {d.published.map((r) => (
            <Item key={r.id} r={r}>
              Published <When iso={r.first_published_at!} ctx={ctx} now={now} />
              {r.updated_at && (
                <>
                  {' '}
                  · updated <When iso={r.updated_at} ctx={ctx} now={now} />
                </>
              )}{' '}
              ·{' '}
              <a
                href={articlePath(
                  { id: r.id, slug: r.slug, sectionPath: r.section_path, firstPublishedAt: r.first_published_at! },
                  ctx.timezone,
                )}
              >
                Live page<span class="visually-hidden">: {r.headline}</span>
              </a>
            </Item>
          ))}
        </List>
      </div>
    </NewsroomLayout>
  );
}
