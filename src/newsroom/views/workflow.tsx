// The editor panel's actions that do not save: corrections, discard held changes, back to draft, unpublish. (Submit,
// publish, schedule and update save first, so they are buttons of the article form: views/editor-bar.tsx.)
import { can, type Actor } from '../../domain/permissions.ts';
import { formatDateTime } from '../../web/format.ts';
import type { EditorModel } from './editor-model.ts';
import type { NewsroomContext } from './layout.tsx';

export function WorkflowActions({ ctx, m }: { ctx: NewsroomContext; m: EditorModel }) {
  const actor = ctx.actor as Actor;
  const facts = { createdBy: m.createdBy, status: m.status as any };
  const act = (path: string, label: string, extra?: preact.ComponentChildren, danger = false) => (
    <form method="post" action={`/newsroom/articles/${m.id}/${path}`} class="ed-action" key={path}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {extra}
      <button type="submit" class={danger ? 'nr-danger' : undefined}>
        {label}
      </button>
    </form>
  );
  const note = (path: string) => (
    <>
      <label for={`note-${path}`}>Note for the history</label>
      <input id={`note-${path}`} name="note" maxLength={1000} />
    </>
  );
  const unpublish = m.status === 'published' && can(actor, 'article.unpublish');
  const toDraft =
    ['in_review', 'scheduled', 'unpublished'].includes(m.status) &&
    can(actor, m.status === 'in_review' ? 'article.edit' : 'article.schedule', facts);
  const discard = m.status === 'published' && m.held && can(actor, 'article.publish');
  const correct = m.status === 'published' && can(actor, 'article.correct');
  if (!unpublish && !toDraft && !discard && !correct) return null;
  return (
    <details class="ed-group" open={correct}>
      <summary>{correct ? 'Corrections and more' : 'More actions'}</summary>
      <div class="ed-group-body">
        {correct && (
          <form method="post" action={`/newsroom/articles/${m.id}/corrections`} class="ed-action">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <label for="correction-kind">Add a note for readers</label>
            <select id="correction-kind" name="kind">
              <option value="correction">Correction</option>
              <option value="clarification">Clarification</option>
            </select>
            <label for="correction-note">What was wrong, and what is right</label>
            <textarea id="correction-note" name="note" rows={3} required maxLength={2000}></textarea>
            <button type="submit">Append note</button>
          </form>
        )}
        {discard &&
          act('discard', 'Discard changes', <input type="hidden" name="revision" value={String(m.revision)} data-latest-revision />, true)}
        {toDraft && act('draft', m.status === 'in_review' ? 'Back to draft' : 'Back to draft (cancel)', note('draft'))}
        {unpublish && act('unpublish', 'Unpublish', note('unpublish'), true)}
      </div>
    </details>
  );
}

/** Says whether readers see what is in the form; hidden until a save is held, shown at once when one is. */
export function HeldNotice({ ctx, m }: { ctx: NewsroomContext; m: EditorModel }) {
  return (
    <div class="nr-notice nr-held" role="status" data-held-notice hidden={!m.held}>
      <p>
        <strong>Unpublished changes.</strong> Readers still see the published version
        {m.scheduledAt && <> until the update scheduled for {formatDateTime(m.scheduledAt, ctx.timezone)}</>}. An editor publishes these
        changes with <em>Update</em> or throws them away with <em>Discard changes</em>; every version stays in the{' '}
        <a href={`/newsroom/articles/${m.id}/history`}>history</a>.
      </p>
    </div>
  );
}
