// The article editor page: fields, the rich body editor mount, status actions, and autosave status.
import { can, type Actor } from '../../domain/permissions.ts';
import { ARTICLE_KINDS } from '../../domain/article.ts';
import { formatDateTime } from '../../web/format.ts';
import { NewsroomLayout, Notice, type NewsroomContext } from './layout.tsx';
import { HeldNotice, WorkflowActions } from './workflow.tsx';
import { sectionLabels, type EditorModel } from './editor-model.ts';

export type { EditorModel };

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

function Field({ id, label, children, hint }: { id: string; label: string; children: preact.ComponentChildren; hint?: string }) {
  return (
    <div class="nr-field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="nr-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function EditorView({ ctx, m, error, flash }: { ctx: NewsroomContext; m: EditorModel; error?: string; flash?: string }) {
  const a = m.input;
  const labels = sectionLabels(m.sections);
  const actor = ctx.actor as Actor;
  const facts = { createdBy: m.createdBy, status: m.status as any };
  const editable = m.id === null || can(actor, 'article.edit', facts);
  const action = m.id === null ? '/newsroom/articles' : `/newsroom/articles/${m.id}`;
  const authorSlots = [0, 1, 2];
  return (
    <NewsroomLayout
      ctx={ctx}
      title={m.id ? `Edit: ${a.headline}` : 'New article'}
      scripts={['/assets/build/editor.js', '/assets/newsroom.js']}
    >
      <link rel="stylesheet" href="/assets/build/editor.css" />
      <h1>{m.id ? 'Edit article' : 'New article'}</h1>
      {error && <Notice kind="error">{error}</Notice>}
      {flash && (
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
      )}
      {m.lockHolder && (
        <Notice kind="error">
          {m.lockHolder.name} also has this article open. Your saves are still safe: if they save first, you will be asked which version to
          keep.
        </Notice>
      )}
      {m.status === 'published' && <HeldNotice ctx={ctx} m={m} />}
      {m.id !== null && (
        <p class="nr-meta">
          Status: <strong data-status>{m.status.replace('_', ' ')}</strong>
          {m.scheduledAt && m.status === 'scheduled' && <> for {formatDateTime(m.scheduledAt, ctx.timezone)}</>} · Revision{' '}
          <span data-revision>{m.revision}</span> · <a href={`/newsroom/articles/${m.id}/history`}>History</a> ·{' '}
          <a href={`/newsroom/articles/${m.id}/preview`}>Preview</a>
          {m.liveUrl && (
            <>
              {' '}
              · <a href={m.liveUrl}>Live page</a>
            </>
          )}
        </p>
      )}
      <form method="post" action={action} class="nr-form nr-editor" data-article-id={m.id ?? ''} id="article-form">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="baseRevision" value={String(m.revision)} />
        <fieldset disabled={!editable}>
          <Field id="headline" label="Headline">
            <input id="headline" name="headline" required maxLength={300} value={a.headline} />
          </Field>
          <Field id="standfirst" label="Standfirst">
            <textarea id="standfirst" name="standfirst" rows={2} maxLength={1000}>
              {a.standfirst}
            </textarea>
          </Field>
          <Field id="slug" label="Slug" hint="Lower-case words joined by hyphens. Leave empty to derive it from the headline.">
            <input id="slug" name="slug" maxLength={80} value={a.slug} aria-describedby="slug-hint" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </Field>
          <div class="nr-row">
            <Field id="kind" label="Kind">
              <select id="kind" name="kind">
                {ARTICLE_KINDS.map((k) => (
                  <option value={k} selected={a.kind === k}>
                    {k}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="primarySectionId" label="Primary section">
              <select id="primarySectionId" name="primarySectionId" required>
                <option value="" selected={!a.primarySectionId}>
                  Choose a section
                </option>
                {m.sections.map((s) => (
                  <option value={String(s.id)} selected={a.primarySectionId === s.id}>
                    {labels.get(s.id)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset class="nr-group nr-checks">
            <legend>Also in sections</legend>
            {m.sections.map((s) => (
              <div class="nr-check">
                <input
                  type="checkbox"
                  id={`extra-section-${s.id}`}
                  name="extraSectionIds"
                  value={String(s.id)}
                  checked={a.extraSectionIds.includes(s.id)}
                />
                <label for={`extra-section-${s.id}`}>{labels.get(s.id)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset class="nr-group">
            <legend>Authors (in byline order)</legend>
            {authorSlots.map((i) => (
              <Field id={`author-${i}`} label={`Author ${i + 1}`} key={i}>
                <select id={`author-${i}`} name="authorIds">
                  <option value="">—</option>
                  {m.people.map((p) => (
                    <option value={String(p.id)} selected={a.authorIds[i] === p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </fieldset>
          <Field id="tags" label="Tags" hint="Comma-separated; new tags are created.">
            <input id="tags" name="tags" value={a.tags.join(', ')} aria-describedby="tags-hint" />
          </Field>
          <fieldset class="nr-group">
            <legend>Hero image</legend>
            <p class="nr-hero-pick">
              <button type="button" data-pick-hero hidden>
                Choose or upload the hero image
              </button>
            </p>
            <Field id="heroMediaId" label="Image id" hint="Pick from the media library in the body editor's Image dialog, or type an id.">
              <input
                id="heroMediaId"
                name="heroMediaId"
                inputMode="numeric"
                value={a.hero ? String(a.hero.mediaId) : ''}
                aria-describedby="heroMediaId-hint"
              />
            </Field>
            <Field id="heroAlt" label="Alt text (required with an image)">
              <input id="heroAlt" name="heroAlt" maxLength={500} value={a.hero?.alt ?? ''} />
            </Field>
            <Field id="heroCaption" label="Caption">
              <input id="heroCaption" name="heroCaption" maxLength={1000} value={a.hero?.caption ?? ''} />
            </Field>
            <Field id="heroCredit" label="Credit">
              <input id="heroCredit" name="heroCredit" maxLength={300} value={a.hero?.credit ?? ''} />
            </Field>
          </fieldset>
          <div class="nr-field">
            <span class="nr-label" id="body-label">
              Body
            </span>
            <input type="hidden" name="body" id="body-json" value={JSON.stringify(a.body)} />
            <div
              id="body-editor"
              role="group"
              aria-labelledby="body-label"
              data-media-search="/api/v1/media"
              data-media-upload="/api/v1/media"
              data-media-previews={JSON.stringify(m.previews)}
            ></div>
            <noscript>The body editor needs JavaScript; the other fields can be saved without it.</noscript>
          </div>
          <fieldset class="nr-group">
            <legend>Video (for video articles)</legend>
            <Field id="videoUrl" label="Video address (HLS .m3u8 or MP4)">
              <input id="videoUrl" name="videoUrl" type="url" value={a.video?.url ?? ''} />
            </Field>
            <div class="nr-row">
              <Field id="videoType" label="Format">
                <select id="videoType" name="videoType">
                  <option value="hls" selected={a.video?.type !== 'mp4'}>
                    HLS
                  </option>
                  <option value="mp4" selected={a.video?.type === 'mp4'}>
                    MP4
                  </option>
                </select>
              </Field>
              <Field id="videoDuration" label="Duration (h:mm:ss or seconds)">
                <input id="videoDuration" name="videoDuration" value={a.video ? formatDuration(a.video.durationSeconds) : ''} />
              </Field>
              <Field id="videoPosterId" label="Poster image id">
                <input
                  id="videoPosterId"
                  name="videoPosterId"
                  inputMode="numeric"
                  value={a.video?.posterMediaId ? String(a.video.posterMediaId) : ''}
                />
              </Field>
            </div>
            <Field id="videoCaptions" label="Caption tracks" hint="One per line: language | label | https://…/captions.vtt">
              <textarea id="videoCaptions" name="videoCaptions" rows={2} aria-describedby="videoCaptions-hint">
                {(a.video?.captions ?? []).map((c) => `${c.language} | ${c.label} | ${c.url}`).join('\n')}
              </textarea>
            </Field>
            {m.tvProblems.length > 0 && (
              <div class="nr-notice nr-error" role="status">
                <p>This video is left out of the TV-app feeds until these are fixed:</p>
                <ul>
                  {m.tvProblems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
          </fieldset>
          <fieldset class="nr-group">
            <legend>Search and sharing</legend>
            <Field id="seoTitle" label="SEO title">
              <input id="seoTitle" name="seoTitle" maxLength={200} value={a.seoTitle} />
            </Field>
            <Field id="seoDescription" label="SEO description">
              <input id="seoDescription" name="seoDescription" maxLength={500} value={a.seoDescription} />
            </Field>
          </fieldset>
          {m.status === 'published' && can(actor, 'article.publish') && (
            <div class="nr-field nr-check">
              <input type="checkbox" id="significantUpdate" name="significantUpdate" value="1" />
              <label for="significantUpdate">Significant update (shows readers an “Updated” time)</label>
            </div>
          )}
          <div class="nr-actions">
            {m.status === 'published' && can(actor, 'article.publish') && (
              <button type="submit" name="andUpdate" value="1">
                Save and update live article
              </button>
            )}
            <button type="submit">{m.status === 'published' ? 'Save changes (not public yet)' : 'Save'}</button>
            <span class="nr-save-status" role="status" aria-live="polite" data-save-status></span>
          </div>
        </fieldset>
      </form>
      <div id="conflict" class="nr-conflict" hidden aria-live="assertive"></div>
      {m.id !== null && <WorkflowActions ctx={ctx} m={m} />}
    </NewsroomLayout>
  );
}
