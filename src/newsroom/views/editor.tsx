// The article editor page, writing first: a top bar (status, saved, length, actions), the canvas (headline,
// standfirst, body) on the first screen, and a side panel with everything else (a drawer under 900 px).
import { can, type Actor } from '../../domain/permissions.ts';
import { formatDateTime } from '../../web/format.ts';
import { EditorBar } from './editor-bar.tsx';
import type { EditorModel } from './editor-model.ts';
import { PublishingGroup, StoryGroups } from './editor-panel.tsx';
import { NewsroomLayout, Notice, type NewsroomContext } from './layout.tsx';
import { HeldNotice, WorkflowActions } from './workflow.tsx';

export type { EditorModel };

function Flash({ ctx, m, flash }: { ctx: NewsroomContext; m: EditorModel; flash: string }) {
  return (
    <Notice kind="ok">
      {flash}
      {m.liveUrl && (flash === 'Published.' || flash.startsWith('Updated')) && (
        <>
          {' '}
          <a href={m.liveUrl}>Read it as readers do</a>.
        </>
      )}
      {m.scheduledAt && flash === 'Scheduled.' && <> It goes out {formatDateTime(m.scheduledAt, ctx.timezone)}.</>}
    </Notice>
  );
}

export function EditorView({ ctx, m, error, flash }: { ctx: NewsroomContext; m: EditorModel; error?: string; flash?: string }) {
  const a = m.input;
  const actor = ctx.actor as Actor;
  const facts = { createdBy: m.createdBy, status: m.status as any };
  const editable = m.id === null || can(actor, 'article.edit', facts);
  return (
    <NewsroomLayout
      ctx={ctx}
      title={m.id ? `Edit: ${a.headline}` : 'New article'}
      scripts={['/assets/build/editor.js', '/assets/newsroom.js']}
      styles={['/assets/build/editor.css', '/assets/editor-page.css']}
      compact
    >
      <div class="ed">
        <h1 class="ed-visually-hidden">{m.id ? 'Edit article' : 'New article'}</h1>
        <EditorBar ctx={ctx} m={m} editable={editable} />
        <div class="ed-messages">
          {error && <Notice kind="error">{error}</Notice>}
          {flash && <Flash ctx={ctx} m={m} flash={flash} />}
          {m.lockHolder && (
            <Notice kind="error">
              {m.lockHolder.name} also has this article open. Your saves are still safe: if they save first, you will be asked which version
              to keep.
            </Notice>
          )}
          {m.status === 'published' && <HeldNotice ctx={ctx} m={m} />}
          {!editable && <Notice kind="ok">This story is with the editors now; your role cannot change it in this status.</Notice>}
        </div>
        <form
          method="post"
          action={m.id === null ? '/newsroom/articles' : `/newsroom/articles/${m.id}`}
          class="ed-canvas"
          data-article-id={m.id ?? ''}
          id="article-form"
          aria-label="Article"
        >
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="baseRevision" value={String(m.revision)} />
          <fieldset class="ed-fields" disabled={!editable}>
            <label for="headline" class="ed-visually-hidden">
              Headline
            </label>
            <textarea id="headline" name="headline" required maxLength={300} rows={1} class="ed-headline" placeholder="Headline">
              {a.headline}
            </textarea>
            <label for="standfirst" class="ed-visually-hidden">
              Standfirst
            </label>
            <textarea
              id="standfirst"
              name="standfirst"
              rows={2}
              maxLength={1000}
              class="ed-standfirst"
              placeholder="Standfirst: one or two sentences that tell the reader why this matters"
            >
              {a.standfirst}
            </textarea>
            <span class="ed-visually-hidden" id="body-label">
              Body
            </span>
            <input type="hidden" name="body" id="body-json" value={JSON.stringify(a.body)} />
            <div
              id="body-editor"
              role="group"
              aria-labelledby="body-label"
              data-media-search="/api/v1/media"
              data-media-upload="/api/v1/media"
              data-article-search="/api/v1/articles"
              data-media-previews={JSON.stringify(m.previews)}
            ></div>
            <noscript>
              <p class="nr-notice nr-error">The body editor needs JavaScript; the other fields can be saved without it.</p>
            </noscript>
          </fieldset>
        </form>
        <aside class="ed-panel" id="ed-panel" aria-label="Article settings" tabIndex={-1}>
          <p class="ed-panel-head">
            <strong>Settings</strong>
            <button type="button" class="ed-panel-close" data-panel-close hidden>
              Close
            </button>
          </p>
          <fieldset class="ed-fields" disabled={!editable}>
            <PublishingGroup ctx={ctx} m={m} />
            <StoryGroups m={m} />
          </fieldset>
          {m.id !== null && <WorkflowActions ctx={ctx} m={m} />}
        </aside>
        <div id="conflict" class="nr-conflict" hidden aria-live="assertive"></div>
      </div>
    </NewsroomLayout>
  );
}
