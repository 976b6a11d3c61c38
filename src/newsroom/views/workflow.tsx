// The editor page's status actions: submit, publish, schedule, unpublish, back to draft, corrections, and for a
// live article with held changes, update (now or at a time) or discard them.
import { can, type Actor } from '../../domain/permissions.ts';
import { formatDateTime } from '../../web/format.ts';
import type { EditorModel } from './editor-model.ts';
import type { NewsroomContext } from './layout.tsx';

export function WorkflowActions({ ctx, m }: { ctx: NewsroomContext; m: EditorModel }) {
  const actor = ctx.actor as Actor;
  const facts = { createdBy: m.createdBy, status: m.status as any };
  const act = (path: string, label: string, extra?: preact.ComponentChildren) => (
    <form method="post" action={`/newsroom/articles/${m.id}/${path}`} class="nr-form nr-inline" key={path}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {extra}
      <label for={`note-${path}`}>Note</label>
      <input id={`note-${path}`} name="note" maxLength={1000} />
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <section class="nr-workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Workflow</h2>
      {m.status === 'draft' && can(actor, 'article.submit', facts) && act('submit', 'Submit for review')}
      {['draft', 'in_review', 'scheduled', 'unpublished'].includes(m.status) &&
        can(actor, 'article.publish') &&
        act('publish', 'Publish now')}
      {['draft', 'in_review', 'scheduled'].includes(m.status) &&
        can(actor, 'article.schedule') &&
        act(
          'schedule',
          m.status === 'scheduled' ? 'Reschedule' : 'Schedule',
          <>
            <label for="schedule-at">Publish at ({ctx.timezone})</label>
            <input id="schedule-at" name="at" type="datetime-local" step="1" required />
          </>,
        )}
      {m.status === 'published' && m.held && can(actor, 'article.publish') && <HeldActions ctx={ctx} m={m} />}
      {m.status === 'published' && can(actor, 'article.unpublish') && act('unpublish', 'Unpublish')}
      {['in_review', 'scheduled', 'unpublished'].includes(m.status) &&
        can(actor, m.status === 'in_review' ? 'article.edit' : 'article.schedule', facts) &&
        act('draft', 'Back to draft')}
      {m.status === 'published' && can(actor, 'article.correct') && (
        <form method="post" action={`/newsroom/articles/${m.id}/corrections`} class="nr-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <label for="correction-kind">Add a note for readers</label>
          <select id="correction-kind" name="kind">
            <option value="correction">Correction</option>
            <option value="clarification">Clarification</option>
          </select>
          <label for="correction-note">Note</label>
          <textarea id="correction-note" name="note" rows={2} required maxLength={2000}></textarea>
          <button type="submit">Append note</button>
        </form>
      )}
    </section>
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

/** Update now, schedule the update, or discard: each names the revision the editor has in front of them. */
function HeldActions({ ctx, m }: { ctx: NewsroomContext; m: EditorModel }) {
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="revision" value={String(m.revision)} data-latest-revision />
    </>
  );
  return (
    <>
      <form method="post" action={`/newsroom/articles/${m.id}/update`} class="nr-form nr-inline">
        {hidden}
        <input type="checkbox" id="update-significant" name="significantUpdate" value="1" />
        <label for="update-significant">Significant update</label>
        <label for="note-update">Note</label>
        <input id="note-update" name="note" maxLength={1000} />
        <button type="submit">Update live article</button>
      </form>
      <form method="post" action={`/newsroom/articles/${m.id}/schedule`} class="nr-form nr-inline">
        {hidden}
        <label for="update-at">Update at ({ctx.timezone})</label>
        <input id="update-at" name="at" type="datetime-local" step="1" required />
        <button type="submit">{m.scheduledAt ? 'Reschedule update' : 'Schedule update'}</button>
      </form>
      <form method="post" action={`/newsroom/articles/${m.id}/discard`} class="nr-form nr-inline">
        {hidden}
        <button type="submit" class="nr-danger">
          Discard changes
        </button>
      </form>
    </>
  );
}
