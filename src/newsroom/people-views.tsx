// The Authors pages' views: the list (rows become cards on a phone), the edit page with the photo picker
// (library pictures as radio buttons with thumbnails; works without JavaScript) and links, and the merge
// confirmation. All text is rendered by Preact, escaped.
import { MAX_LINKS, type PersonLink, type PersonProfile } from '../domain/people.ts';
import type { Person } from '../domain/model.ts';
import { fallbackFile, mediaUrl } from '../domain/urls.ts';
import type { Services } from '../services/index.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';

type Found = Awaited<ReturnType<Services['media']['search']>>['items'][number];
const THUMB = 96;
const thumbHeight = (w: number, h: number, width = THUMB) => Math.round((width * h) / Math.max(1, w));

export function PersonFields({ p, prefix }: { p?: Pick<Person, 'name' | 'title' | 'bio'>; prefix: string }) {
  return (
    <>
      <div class="nr-field">
        <label for={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" required maxLength={120} value={p?.name ?? ''} />
      </div>
      <div class="nr-field">
        <label for={`${prefix}-title`}>Title</label>
        <input id={`${prefix}-title`} name="title" maxLength={120} value={p?.title ?? ''} placeholder="Correspondent" />
      </div>
      <div class="nr-field">
        <label for={`${prefix}-bio`}>Short bio</label>
        <textarea id={`${prefix}-bio`} name="bio" rows={3} maxLength={1000}>
          {p?.bio ?? ''}
        </textarea>
      </div>
    </>
  );
}

export function PeopleView({
  ctx,
  people,
  next,
  done,
}: {
  ctx: NewsroomContext;
  people: PersonProfile[];
  next: string | null;
  done: boolean;
}) {
  return (
    <NewsroomLayout ctx={ctx} title="Authors">
      <h1>Authors</h1>
      {done && <Notice kind="ok">Saved. Every page with the byline shows the change.</Notice>}
      <h2>Everyone with a byline</h2>
      {people.length === 0 ? (
        <p class="nr-empty">No authors yet.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Author page</th>
              <th scope="col">Photo</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/newsroom/people/${p.id}`}>{p.name}</a>
                </td>
                <td>{p.title || '—'}</td>
                <td>
                  <a href={`/author/${p.slug}`}>/author/{p.slug}</a>
                </td>
                <td>
                  {p.photo ? (
                    <img
                      src={mediaUrl(fallbackFile(p.photo))}
                      alt=""
                      width={48}
                      height={thumbHeight(p.photo.width, p.photo.height, 48)}
                      loading="lazy"
                    />
                  ) : (
                    'None'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPage next={next}>More authors</NextPage>
      <h2>Add an author</h2>
      <form method="post" action="/newsroom/people" class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <PersonFields prefix="new" />
        <div class="nr-field">
          <label for="new-slug">Address</label>
          <input id="new-slug" name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="new-slug-hint" />
          <p class="nr-hint" id="new-slug-hint">
            The author page is at /author/<em>address</em>. Leave empty to make it from the name. Photo and links are added on the author's
            own page once they exist.
          </p>
        </div>
        <button type="submit">Add author</button>
      </form>
    </NewsroomLayout>
  );
}

export interface EditState {
  person: PersonProfile & { bylines: number };
  /** What the form shows: the stored values, or what was sent when it was refused. */
  values: { name: string; title: string; bio: string; slug: string; photoMediaId: number | null; links: PersonLink[] };
  photoQ: string;
  pictures: Found[];
  others: Person[];
  notice?: { kind: 'ok' | 'error'; text: string };
}

function PhotoPicker({ s }: { s: EditState }) {
  const chosen = s.values.photoMediaId;
  const current = s.person.photo;
  const shown = s.pictures.filter((m) => m.id !== current?.id);
  return (
    <fieldset class="nr-group">
      <legend>Photo from the media library</legend>
      <div class="nr-inline">
        <label for="photo-q">Find pictures by alt text, caption or credit</label>
        <input id="photo-q" name="photoQ" type="search" form="photo-search" value={s.photoQ} />
        <button type="submit" form="photo-search">
          Find
        </button>
      </div>
      <p class="nr-hint">Finding pictures reloads this page: save your other changes first.</p>
      <ul class="nr-media">
        <li>
          <input type="radio" id="photo-none" name="photoMediaId" value="" checked={chosen === null} />
          <label for="photo-none">No photo</label>
        </li>
        {current && (
          <li>
            <input type="radio" id={`photo-${current.id}`} name="photoMediaId" value={String(current.id)} checked={chosen === current.id} />
            <label for={`photo-${current.id}`}>
              <img
                src={mediaUrl(fallbackFile(current))}
                alt={current.alt}
                width={THUMB}
                height={thumbHeight(current.width, current.height)}
              />
              Current photo
            </label>
          </li>
        )}
        {shown.map((m) => (
          <li key={m.id}>
            <input type="radio" id={`photo-${m.id}`} name="photoMediaId" value={String(m.id)} checked={chosen === m.id} />
            <label for={`photo-${m.id}`}>
              <img src={m.url} alt={m.alt} width={THUMB} height={thumbHeight(m.width, m.height)} loading="lazy" />
              Picture {m.id}
            </label>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p class="nr-empty">No other pictures match.</p>}
    </fieldset>
  );
}

function LinkRows({ links }: { links: PersonLink[] }) {
  const rows = [...links, ...Array.from({ length: 2 }, () => ({ label: '', url: '' }))].slice(0, MAX_LINKS);
  return (
    <fieldset class="nr-group">
      <legend>Links</legend>
      <p class="nr-hint" id="links-hint">
        A website, a social profile or an e-mail address: https://… or mailto:name@example.org. Leave a row empty to drop it.
      </p>
      {rows.map((l, i) => (
        <div class="nr-row" key={i}>
          <div class="nr-field">
            <label for={`link-label-${i}`}>Label {i + 1}</label>
            <input id={`link-label-${i}`} name={`linkLabel${i}`} maxLength={40} value={l.label} placeholder="Website" />
          </div>
          <div class="nr-field">
            <label for={`link-url-${i}`}>Address {i + 1}</label>
            <input id={`link-url-${i}`} name={`linkUrl${i}`} maxLength={500} value={l.url} aria-describedby="links-hint" />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function EditPersonView({ ctx, s }: { ctx: NewsroomContext; s: EditState }) {
  const p = s.person;
  return (
    <NewsroomLayout ctx={ctx} title={`Author: ${p.name}`}>
      <p>
        <a href="/newsroom/people">All authors</a>
      </p>
      <h1>{p.name}</h1>
      <p class="nr-hint">
        <a href={`/author/${p.slug}`}>/author/{p.slug}</a> · bylines on {p.bylines} {p.bylines === 1 ? 'article' : 'articles'}
      </p>
      {s.notice && <Notice kind={s.notice.kind}>{s.notice.text}</Notice>}
      <form id="photo-search" method="get" action={`/newsroom/people/${p.id}`} />
      <form method="post" action={`/newsroom/people/${p.id}`} class="nr-form">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="nr-narrow">
          <PersonFields p={s.values} prefix="p" />
          <div class="nr-field">
            <label for="p-slug">Address</label>
            <input
              id="p-slug"
              name="slug"
              required
              maxLength={80}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={s.values.slug}
              aria-describedby="p-slug-hint"
            />
            <p class="nr-hint" id="p-slug-hint">
              A new address keeps the old one working: it redirects to the new page.
            </p>
          </div>
        </div>
        <PhotoPicker s={s} />
        <LinkRows links={s.values.links} />
        <div class="nr-actions">
          <button type="submit">Save {p.name}</button>
        </div>
      </form>
      <h2>Merge into another author</h2>
      {s.others.length === 0 ? (
        <p class="nr-empty">There is no other author to merge into.</p>
      ) : (
        <form method="get" action={`/newsroom/people/${p.id}/merge`} class="nr-inline">
          <label for="merge-into">Merge {p.name} into</label>
          <select id="merge-into" name="into" required>
            <option value="">Choose an author</option>
            {s.others.map((o) => (
              <option value={String(o.id)} key={o.id}>
                {o.name} (/author/{o.slug})
              </option>
            ))}
          </select>
          <button type="submit">Merge into…</button>
        </form>
      )}
      <p class="nr-hint">For the same person under two names: you confirm on the next page.</p>
    </NewsroomLayout>
  );
}

export function ConfirmMergeView({
  ctx,
  from,
  into,
  action,
  back,
  kind,
  count,
}: {
  ctx: NewsroomContext;
  from: { id: number; name: string; path: string };
  into: { id: number; name: string; path: string };
  action: string;
  back: string;
  kind: 'author' | 'tag';
  count: number;
}) {
  const what = kind === 'author' ? 'bylines' : 'articles';
  return (
    <NewsroomLayout ctx={ctx} title={`Merge ${from.name} into ${into.name}`}>
      <h1>
        Merge {from.name} into {into.name}?
      </h1>
      <ul>
        <li>
          {kind === 'author'
            ? `${count} ${count === 1 ? 'byline' : 'bylines'} of ${from.name} become ${into.name}’s (an article that names both keeps one).`
            : `${count} ${count === 1 ? 'article' : 'articles'} tagged ${from.name} get the tag ${into.name} (once each).`}
        </li>
        <li>
          {from.path} redirects to {into.path}.
        </li>
        <li>
          {from.name} is removed. This cannot be undone; the audit log keeps a record of the {what} moved.
        </li>
      </ul>
      <form method="post" action={action} class="nr-actions">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="intoId" value={String(into.id)} />
        <button type="submit" class="nr-danger">
          Merge {from.name} into {into.name}
        </button>
        <a href={back}>Cancel</a>
      </form>
    </NewsroomLayout>
  );
}
