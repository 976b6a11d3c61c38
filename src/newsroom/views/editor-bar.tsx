// The editor's top bar, always in view: where the story stands (status, when it was saved, how long it is), Preview,
// the panel toggle (under 900 px), and the actions the user's role allows. The action buttons submit the article
// form with an `intent`, so the server saves and acts in one step, on a story never saved before as well.
import { bodySchema, bodyText } from '../../domain/blocks.ts';
import { can, type Actor } from '../../domain/permissions.ts';
import { countWords, lengthLabel } from '../../domain/reading.ts';
import { formatDateTime } from '../../web/format.ts';
import type { EditorModel } from './editor-model.ts';
import type { NewsroomContext } from './layout.tsx';

/** Words a reader reads: headline, standfirst and body text. */
function wordCount(m: EditorModel): number {
  // A refused form comes back as typed, and its body may not be a body at all.
  const parsed = bodySchema.safeParse(m.input.body);
  const body = parsed.success ? bodyText(parsed.data) : '';
  return countWords(`${m.input.headline} ${m.input.standfirst} ${body}`);
}

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The one main action for this status and role, shown as the bar's primary button. */
function primaryAction(m: EditorModel, actor: Actor): { name: string; value: string; label: string } | null {
  const facts = { createdBy: m.createdBy, status: m.status as any };
  const publish = can(actor, 'article.publish');
  if (m.status === 'published') return publish ? { name: 'andUpdate', value: '1', label: 'Update' } : null;
  if (publish)
    return {
      name: 'intent',
      value: 'publish',
      label: m.status === 'scheduled' ? 'Publish now' : m.status === 'unpublished' ? 'Publish again' : 'Publish',
    };
  if (m.status === 'draft' && can(actor, 'article.submit', facts)) return { name: 'intent', value: 'submit', label: 'Submit for review' };
  return null;
}

export function EditorBar({ ctx, m, editable }: { ctx: NewsroomContext; m: EditorModel; editable: boolean }) {
  const actor = ctx.actor as Actor;
  const primary = editable ? primaryAction(m, actor) : null;
  const saveLabel = m.id === null ? 'Save draft' : m.status === 'published' ? 'Save for later' : 'Save';
  return (
    <div class="ed-bar" role="region" aria-label="Article status and actions">
      <a class="ed-back" href="/newsroom/articles">
        <span aria-hidden="true">←</span> Articles
      </a>
      <span class={`ed-status ed-status-${m.id === null ? 'new' : m.status}`} data-status>
        {m.id === null ? 'New draft' : (STATUS_LABEL[m.status] ?? m.status)}
      </span>
      {m.status === 'scheduled' && m.scheduledAt && <span class="ed-when">for {formatDateTime(m.scheduledAt, ctx.timezone)}</span>}
      <span class="ed-saved" role="status" aria-live="polite" data-save-status data-saved-at={m.savedAt ?? ''}>
        {m.id === null ? 'Not saved yet' : m.savedAt ? `Saved ${formatDateTime(m.savedAt, ctx.timezone)}` : 'Saved'}
      </span>
      <span class="ed-length" data-word-count>
        {lengthLabel(wordCount(m))}
      </span>
      <span class="ed-bar-actions">
        {m.id !== null && (
          <a class="ed-button ed-preview" href={`/newsroom/articles/${m.id}/preview`}>
            Preview
          </a>
        )}
        <button type="button" class="ed-button ed-panel-toggle" aria-controls="ed-panel" aria-expanded="false" hidden data-panel-toggle>
          Settings
        </button>
        {editable && (
          <button type="submit" class="ed-button" form="article-form" aria-keyshortcuts="Control+S">
            {saveLabel}
          </button>
        )}
        {primary && (
          <button
            type="submit"
            class="ed-button ed-primary"
            form="article-form"
            name={primary.name}
            value={primary.value}
            aria-keyshortcuts="Control+Shift+P"
            data-primary-action
          >
            {primary.label}
          </button>
        )}
      </span>
    </div>
  );
}
