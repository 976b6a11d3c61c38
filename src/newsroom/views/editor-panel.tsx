// The editor's side panel (a drawer under 900 px): everything but the words. Its fields belong to the article form
// through the `form` attribute, so the panel can sit beside the canvas and still hold the small forms of the
// actions that do not save (views/workflow.tsx).
import type { ComponentChildren } from 'preact';
import { ARTICLE_KINDS } from '../../domain/article.ts';
import { can, type Actor } from '../../domain/permissions.ts';
import { formatDateTime } from '../../web/format.ts';
import { sectionLabels, type EditorModel } from './editor-model.ts';
import type { NewsroomContext } from './layout.tsx';

const F = 'article-form';

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

function Field({ id, label, children, hint }: { id: string; label: string; children: ComponentChildren; hint?: string }) {
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

function Group({ title, open = true, children }: { title: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="ed-group" open={open}>
      <summary>{title}</summary>
      <div class="ed-group-body">{children}</div>
    </details>
  );
}

/** A picture chosen from the media library: a preview, the choose/remove buttons, and its id in a hidden field. */
function PictureField({ prefix, mediaId, preview, label }: { prefix: string; mediaId: number | null; preview?: string; label: string }) {
  return (
    <div class="ed-picture" data-picture={prefix}>
      <input type="hidden" form={F} name={prefix === 'hero' ? 'heroMediaId' : 'videoPosterId'} value={mediaId ? String(mediaId) : ''} />
      {preview ? (
        <img src={preview} alt="" class="ed-picture-preview" />
      ) : (
        <p class="ed-picture-empty">{`No ${label.toLowerCase()} yet.`}</p>
      )}
      <p class="ed-picture-actions">
        <button type="button" data-pick-picture={prefix} hidden>
          {mediaId ? `Change ${label.toLowerCase()}` : `Choose ${label.toLowerCase()}`}
        </button>{' '}
        <button type="button" data-remove-picture={prefix} hidden={!mediaId}>
          Remove
        </button>
      </p>
    </div>
  );
}

export function PublishingGroup({ ctx, m }: { ctx: NewsroomContext; m: EditorModel }) {
  const actor = ctx.actor as Actor;
  const schedulable =
    (['draft', 'in_review', 'scheduled'].includes(m.status) && can(actor, 'article.schedule')) ||
    (m.status === 'published' && can(actor, 'article.publish'));
  return (
    <Group title="Publishing">
      {m.id !== null && (
        <p class="ed-facts">
          Revision <span data-revision>{m.revision}</span> · <a href={`/newsroom/articles/${m.id}/history`}>History</a> ·{' '}
          <a href={`/newsroom/articles/${m.id}/preview`}>Preview</a>
          {m.liveUrl && (
            <>
              {' '}
              · <a href={m.liveUrl}>Live page</a>
            </>
          )}
        </p>
      )}
      {schedulable && (
        <div class="ed-schedule">
          <Field id="schedule-at" label={`${m.status === 'published' ? 'Update at' : 'Publish at'} (${ctx.timezone})`}>
            <input id="schedule-at" form={F} name="at" type="datetime-local" step="1" />
          </Field>
          {m.status === 'scheduled' && m.scheduledAt && <p class="nr-hint">Now set for {formatDateTime(m.scheduledAt, ctx.timezone)}.</p>}
          <button type="submit" form={F} name="intent" value="schedule">
            {m.status === 'published' ? 'Schedule update' : m.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
          </button>
        </div>
      )}
      {m.status === 'published' && can(actor, 'article.publish') && (
        <div class="nr-check">
          <input type="checkbox" id="significantUpdate" form={F} name="significantUpdate" value="1" />
          <label for="significantUpdate">Significant update (readers see an “Updated” time)</label>
        </div>
      )}
      <Field id="note" label="Note for the history (optional)">
        <input id="note" form={F} name="note" maxLength={1000} />
      </Field>
    </Group>
  );
}

export function StoryGroups({ m }: { m: EditorModel }) {
  const a = m.input;
  const labels = sectionLabels(m.sections);
  return (
    <>
      <Group title="Sections and type">
        <Field id="primarySectionId" label="Primary section">
          <select id="primarySectionId" form={F} name="primarySectionId" required>
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
        <Field id="kind" label="Story type">
          <select id="kind" form={F} name="kind">
            {ARTICLE_KINDS.map((k) => (
              <option value={k} selected={a.kind === k}>
                {k[0]!.toUpperCase() + k.slice(1)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset class="nr-group nr-checks ed-extra-sections">
          <legend>Also in sections</legend>
          {m.sections.map((s) => (
            <div class="nr-check">
              <input
                type="checkbox"
                id={`extra-section-${s.id}`}
                form={F}
                name="extraSectionIds"
                value={String(s.id)}
                checked={a.extraSectionIds.includes(s.id)}
              />
              <label for={`extra-section-${s.id}`}>{labels.get(s.id)}</label>
            </div>
          ))}
        </fieldset>
      </Group>
      <Group title="Byline and tags">
        {[0, 1, 2].map((i) => (
          <Field id={`author-${i}`} label={i === 0 ? 'Author' : `Author ${i + 1}`} key={i}>
            <select id={`author-${i}`} form={F} name="authorIds">
              <option value="">—</option>
              {m.people.map((p) => (
                <option value={String(p.id)} selected={a.authorIds[i] === p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Field id="tags" label="Tags" hint="Separate tags with commas. Existing tags are suggested as you type; a new one is created.">
          <input
            id="tags"
            form={F}
            name="tags"
            value={a.tags.join(', ')}
            aria-describedby="tags-hint"
            autocomplete="off"
            list="tag-suggestions"
            data-tags-input="/api/v1/tags"
          />
          {/* Filled as you type with existing tags that complete the last one (page-chrome.ts). */}
          <datalist id="tag-suggestions"></datalist>
        </Field>
      </Group>
      <Group title="Hero image">
        <PictureField
          prefix="hero"
          mediaId={a.hero?.mediaId ?? null}
          preview={a.hero ? m.previews[a.hero.mediaId] : undefined}
          label="Picture"
        />
        <Field id="heroAlt" label="Alt text (required with a picture)">
          <input id="heroAlt" form={F} name="heroAlt" maxLength={500} value={a.hero?.alt ?? ''} />
        </Field>
        <Field id="heroCaption" label="Caption">
          <input id="heroCaption" form={F} name="heroCaption" maxLength={1000} value={a.hero?.caption ?? ''} />
        </Field>
        <Field id="heroCredit" label="Credit">
          <input id="heroCredit" form={F} name="heroCredit" maxLength={300} value={a.hero?.credit ?? ''} />
        </Field>
      </Group>
      <VideoGroup m={m} />
      <Group title="Address and search" open={false}>
        <Field id="slug" label="Slug" hint="Lower-case words joined by hyphens. Leave empty to derive it from the headline.">
          <input
            id="slug"
            form={F}
            name="slug"
            maxLength={80}
            value={a.slug}
            aria-describedby="slug-hint"
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
          />
        </Field>
        <Field id="seoTitle" label="SEO title">
          <input id="seoTitle" form={F} name="seoTitle" maxLength={200} value={a.seoTitle} />
        </Field>
        <Field id="seoDescription" label="SEO description">
          <textarea id="seoDescription" form={F} name="seoDescription" maxLength={500} rows={3}>
            {a.seoDescription}
          </textarea>
        </Field>
      </Group>
    </>
  );
}

function VideoGroup({ m }: { m: EditorModel }) {
  const v = m.input.video;
  return (
    <Group title="Video" open={m.input.kind === 'video' || v !== null}>
      <Field id="videoUrl" label="Video address (HLS .m3u8 or MP4)">
        <input id="videoUrl" form={F} name="videoUrl" type="url" value={v?.url ?? ''} />
      </Field>
      <div class="nr-row">
        <Field id="videoType" label="Format">
          <select id="videoType" form={F} name="videoType">
            <option value="hls" selected={v?.type !== 'mp4'}>
              HLS
            </option>
            <option value="mp4" selected={v?.type === 'mp4'}>
              MP4
            </option>
          </select>
        </Field>
        <Field id="videoDuration" label="Duration (h:mm:ss)">
          <input id="videoDuration" form={F} name="videoDuration" value={v ? formatDuration(v.durationSeconds) : ''} />
        </Field>
      </div>
      <span class="nr-label">Poster</span>
      <PictureField
        prefix="poster"
        mediaId={v?.posterMediaId ?? null}
        preview={v?.posterMediaId ? m.previews[v.posterMediaId] : undefined}
        label="Poster"
      />
      <Field id="videoCaptions" label="Caption tracks" hint="One per line: language | label | https://…/captions.vtt">
        <textarea id="videoCaptions" form={F} name="videoCaptions" rows={2} aria-describedby="videoCaptions-hint">
          {(v?.captions ?? []).map((c) => `${c.language} | ${c.label} | ${c.url}`).join('\n')}
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
    </Group>
  );
}
