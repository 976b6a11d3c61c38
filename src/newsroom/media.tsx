// The media library: a grid of thumbnails with search and upload (a plain form; with JavaScript, files dropped on
// the grid upload with a progress bar each, public/media-library.js), and a page per picture with its text, the
// focal point the 16:9, 4:3 and 1:1 crops centre on (clicked on the preview, or typed as percentages), the crops
// themselves and where the picture is used.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../domain/permissions.ts';
import { MAX_ID } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import { actorOf, csrfOfParts } from '../http/auth.ts';
import { UPLOAD_BODY_LIMIT } from '../http/body-limits.ts';
import { readMultipart } from '../http/multipart.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';

const SCRIPTS = ['/assets/media-library.js'];
const STYLES = ['/assets/media-library.css'];

type Found = Awaited<ReturnType<Services['media']['search']>>['items'];
type Item = Awaited<ReturnType<Services['media']['item']>>;

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Withdrawn',
};

const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, string>) : {});
const mediaId = (req: FastifyRequest) => {
  const s = String((req.params as Record<string, string>).id ?? '');
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > MAX_ID) throw new AppError('NOT_FOUND', 'There is no such image.');
  return Number(s);
};
/** A percentage typed in the form as the fraction the service takes; blank: not sent; anything else: refused there. */
const fraction = (v: unknown) => {
  if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  return typeof v === 'string' ? Number(v.trim().replace(',', '.')) / 100 : Number.NaN;
};
const percent = (f: number) => String(Math.round(f * 1000) / 10);

/** What the picture form sent, as the describe operation's input; the focal point only when it was moved. */
export function describeInput(b: Record<string, unknown>) {
  const input: Record<string, unknown> = { alt: b.alt ?? '', caption: b.caption ?? '', credit: b.credit ?? '' };
  const [x, y] = [b.focus_x, b.focus_y];
  const moved = `${x ?? ''},${y ?? ''}` !== (b.focus_was ?? '');
  if (moved) {
    if (fraction(x) !== undefined) input.focusX = fraction(x);
    if (fraction(y) !== undefined) input.focusY = fraction(y);
  }
  return input;
}

export function mediaRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/media', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = String(query.q ?? '').slice(0, 100);
    const found = await services.media.search(actorOf(req), { q, cursor: query.cursor, limit: 40 });
    return sendPage(reply, <MediaLibraryView ctx={ctxOf(req)} q={q} items={found.items} next={found.nextCursor} />);
  });

  // The upload form without JavaScript: one file and its text, then the picture's own page.
  app.post('/newsroom/media', { bodyLimit: UPLOAD_BODY_LIMIT, config: { csrfInParts: true } }, async (req, reply) => {
    const { file, fields } = await readMultipart(req);
    csrfOfParts(req, fields);
    const input = { file, alt: fields.alt, caption: fields.caption, credit: fields.credit };
    const { id } = (await perform(OPERATIONS.uploadMedia, services, actorOf(req), { input })) as { id: number };
    return reply.redirect(`/newsroom/media/${id}?uploaded=1`, 303);
  });

  app.get('/newsroom/media/:id', async (req, reply) => {
    const item = await services.media.item(actorOf(req), mediaId(req));
    const q = req.query as Record<string, string | undefined>;
    const notice = q.uploaded === '1' ? 'Uploaded.' : q.done === '1' ? 'Saved.' : undefined;
    return sendPage(reply, <PictureView ctx={ctxOf(req)} item={item} notice={notice} />);
  });

  app.post('/newsroom/media/:id', async (req, reply) => {
    const id = mediaId(req);
    const b = body(req.body);
    try {
      await perform(OPERATIONS.describeMedia, services, actorOf(req), { key: id, input: describeInput(b) });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT') throw err;
      // The form again with what was typed and what is wrong, in the form's own words (percentages).
      const message = /^focus[XY]/.test(err.message) ? 'The focal point is a percentage from 0 to 100, across and down.' : err.message;
      const item = await services.media.item(actorOf(req), id);
      const typed = { ...item, alt: String(b.alt ?? ''), caption: String(b.caption ?? ''), credit: String(b.credit ?? '') };
      return sendPage(reply, <PictureView ctx={ctxOf(req)} item={typed} error={message} />, 400);
    }
    return reply.redirect(`/newsroom/media/${id}?done=1`, 303);
  });
}

function MediaLibraryView({ ctx, q, items, next }: { ctx: NewsroomContext; q: string; items: Found; next: string | null }) {
  return (
    <NewsroomLayout ctx={ctx} title="Media library" scripts={SCRIPTS} styles={STYLES}>
      <h1>Media library</h1>
      <form method="get" class="nr-inline ml-search" role="search">
        <label for="media-q">Search alt text, captions, credits and file names</label>
        <input id="media-q" name="q" type="search" value={q} maxLength={100} />
        <button type="submit">Search</button>
      </form>
      <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="ml-upload" data-upload-url="/api/v1/media">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="ml-drop">
          <label for="ml-file">Upload an image (JPEG, PNG, WebP, AVIF or GIF)</label>
          <input id="ml-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required />
          <p class="nr-hint ml-drop-hint" hidden>
            Or drop images anywhere on the library.
          </p>
        </div>
        <div class="ml-upload-text">
          <div class="ml-field">
            <label for="ml-alt">Alt text</label>
            <input id="ml-alt" name="alt" maxLength={500} />
          </div>
          <div class="ml-field">
            <label for="ml-caption">Caption</label>
            <input id="ml-caption" name="caption" maxLength={1000} />
          </div>
          <div class="ml-field">
            <label for="ml-credit">Credit</label>
            <input id="ml-credit" name="credit" maxLength={300} />
          </div>
        </div>
        <button type="submit">Upload</button>
      </form>
      <p class="ml-status" role="status" />
      <ul class="ml-queue" aria-label="Uploads" hidden />
      {items.length === 0 && <p>{q ? 'No pictures match.' : 'The library is empty.'}</p>}
      <ul class="ml-grid" aria-label="Pictures">
        {items.map((m) => (
          <li key={m.id}>
            <a href={`/newsroom/media/${m.id}`}>
              <img src={m.thumbnail.url} alt="" width={m.thumbnail.width} height={m.thumbnail.height} loading="lazy" decoding="async" />
              <span class="ml-name">{m.alt || m.caption || `Image ${m.id}`}</span>
            </a>
            {m.credit && <span class="ml-credit">{m.credit}</span>}
          </li>
        ))}
      </ul>
      <NextPage next={next} query={q ? { q } : {}}>
        Older pictures
      </NextPage>
    </NewsroomLayout>
  );
}

function PictureView({ ctx, item: m, notice, error }: { ctx: NewsroomContext; item: Item; notice?: string; error?: string }) {
  const title = m.alt || m.caption || `Image ${m.id}`;
  const people = ctx.actor && can(ctx.actor, 'person.manage');
  const fx = percent(m.focusX);
  const fy = percent(m.focusY);
  // Crops made around a saved focal point are named after it (media/crops.ts focusedCropFile).
  const focusSet = m.crops.some((c) => /-f\d+-\d+\.jpg$/.test(c.url));
  return (
    <NewsroomLayout ctx={ctx} title={title} scripts={SCRIPTS} styles={STYLES}>
      <p class="ml-back">
        <a href="/newsroom/media">Media library</a>
      </p>
      <h1 class="ml-title">{title}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <div class="ml-picture">
        <figure class="ml-preview">
          <div class="ml-focus" data-focus-x={String(m.focusX)} data-focus-y={String(m.focusY)}>
            <img src={m.preview.url} alt={m.alt} width={m.preview.width} height={m.preview.height} />
            <span class="ml-marker" hidden />
          </div>
          <figcaption class="nr-hint">
            {m.width}×{m.height} pixels. {m.editable && 'Click the picture where the crops should centre. '}
            {!focusSet && 'Until a focal point is saved, the crops keep the busiest part of the picture.'}
          </figcaption>
        </figure>
        <div class="ml-side">
          {m.editable ? (
            <form method="post" action={`/newsroom/media/${m.id}`} class="nr-form ml-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="focus_was" value={`${fx},${fy}`} />
              <label for="alt">Alt text (required)</label>
              <textarea id="alt" name="alt" required maxLength={500} rows={2}>
                {m.alt}
              </textarea>
              <label for="caption">Caption</label>
              <textarea id="caption" name="caption" maxLength={1000} rows={3}>
                {m.caption}
              </textarea>
              <label for="credit">Credit</label>
              <input id="credit" name="credit" value={m.credit} maxLength={300} />
              <fieldset class="nr-group ml-focus-fields">
                <legend>Focal point (the crops centre on it)</legend>
                <label for="focus_x">Across, from the left (%)</label>
                <input id="focus_x" name="focus_x" type="number" min={0} max={100} step={0.1} value={fx} inputMode="decimal" />
                <label for="focus_y">Down, from the top (%)</label>
                <input id="focus_y" name="focus_y" type="number" min={0} max={100} step={0.1} value={fy} inputMode="decimal" />
              </fieldset>
              <button type="submit">Save</button>
            </form>
          ) : (
            <>
              <dl class="nr-media-meta">
                <dt>Alt text</dt>
                <dd>{m.alt || '—'}</dd>
                <dt>Caption</dt>
                <dd>{m.caption || '—'}</dd>
                <dt>Credit</dt>
                <dd>{m.credit || '—'}</dd>
                <dt>Focal point</dt>
                <dd>
                  {fx} % across, {fy} % down
                </dd>
              </dl>
              <p class="nr-hint">You can change the text of the pictures you uploaded; the others’ only an editor can.</p>
            </>
          )}
        </div>
      </div>
      <h2>Crops for search engines and social cards</h2>
      {m.crops.length === 0 ? (
        <p>This picture has no crops (it was stored before they were made); pages use the picture itself.</p>
      ) : (
        <ul class="ml-crops">
          {m.crops.map((c) => (
            <li key={c.ratio}>
              <figure>
                <img src={c.url} alt="" width={240} height={Math.round((240 * c.height) / c.width)} loading="lazy" />
                <figcaption>{c.ratio.replace('x', ':')}</figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      <h2>Used in</h2>
      {m.usedIn.articles.length === 0 && m.usedIn.people.length === 0 ? (
        <p>No article or author’s photo uses this picture yet.</p>
      ) : (
        <ul class="ml-used">
          {m.usedIn.articles.map((a) => (
            <li key={`a${a.id}`}>
              <a href={`/newsroom/articles/${a.id}`}>{a.headline || `Article ${a.id}`}</a>{' '}
              <span class="nr-hint">({STATUS_LABEL[a.status] ?? a.status})</span>
            </li>
          ))}
          {m.usedIn.people.map((p) => (
            <li key={`p${p.id}`}>
              {people ? <a href={`/newsroom/people/${p.id}`}>{p.name}</a> : p.name} <span class="nr-hint">(author’s photo)</span>
            </li>
          ))}
        </ul>
      )}
    </NewsroomLayout>
  );
}
