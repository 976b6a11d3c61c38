// The image picker: a modal <dialog> that searches the media library or uploads a new picture,
// then asks for alt text (required), caption and credit before handing the choice back.
import { LIMITS } from './convert.ts';
import { el, previewSrc, uid } from './dom.ts';

export interface MediaItem {
  id: number;
  url: string;
  alt?: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface MediaPick {
  mediaId: number;
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface MediaDialogOptions {
  searchUrl: string;
  uploadUrl: string;
  csrfToken: () => string;
  onPick: (pick: MediaPick) => void;
  onClose?: () => void;
}

type Pending = { kind: 'library'; item: MediaItem } | { kind: 'upload'; file: File; preview: string };

function asItem(value: unknown): MediaItem | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = Number(v.id);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return { id, url: s(v.url), alt: s(v.alt), caption: s(v.caption), credit: s(v.credit) };
}

function field(label: string, max: number, required = false) {
  const input = el('input', { id: uid('mh-media-field'), type: 'text', maxLength: max, required });
  const labelEl = el('label', { htmlFor: input.id, textContent: required ? `${label} (required)` : label });
  return { input, row: el('div', { className: 'mh-row' }, labelEl, input) };
}

export function createMediaDialog(opts: MediaDialogOptions): { open(): void; dialog: HTMLDialogElement } {
  const titleId = uid('mh-media-title');
  const dialog = el('dialog', { className: 'mh-media' });
  dialog.setAttribute('aria-labelledby', titleId);
  const close = el('button', { type: 'button', className: 'mh-close', textContent: 'Close' });
  const status = el('p', { className: 'mh-status' });
  status.setAttribute('role', 'status');

  // Step 1: browse or upload.
  const query = el('input', { type: 'search', id: uid('mh-media-q') });
  const searchForm = el(
    'form',
    { className: 'mh-media-search' },
    el('label', { htmlFor: query.id, textContent: 'Search the media library' }),
    query,
    el('button', { type: 'submit', textContent: 'Search' }),
  );
  searchForm.setAttribute('role', 'search');
  const results = el('ul', { className: 'mh-media-results' });
  results.setAttribute('aria-label', 'Images');
  const file = el('input', { type: 'file', accept: 'image/*', id: uid('mh-media-file') });
  const browse = el(
    'section',
    { className: 'mh-media-browse' },
    searchForm,
    results,
    el('div', { className: 'mh-row' }, el('label', { htmlFor: file.id, textContent: 'Or upload a new image' }), file),
  );

  // Step 2: describe the chosen image.
  const preview = el('img', { alt: '', className: 'mh-details-preview' });
  const alt = field('Alt text', LIMITS.alt, true);
  const caption = field('Caption', LIMITS.caption);
  const credit = field('Credit', LIMITS.credit);
  const insert = el('button', { type: 'submit', textContent: 'Insert image' });
  const back = el('button', { type: 'button', textContent: 'Back' });
  const details = el(
    'form',
    { className: 'mh-media-details', hidden: true },
    preview,
    alt.row,
    caption.row,
    credit.row,
    el('div', { className: 'mh-actions' }, insert, back),
  );

  dialog.append(
    el('div', { className: 'mh-media-head' }, el('h2', { id: titleId, textContent: 'Insert image' }), close),
    status,
    browse,
    details,
  );
  document.body.append(dialog);

  let pending: Pending | undefined;
  let searching: AbortController | undefined;

  function say(message: string) {
    status.textContent = message;
  }

  function showBrowse() {
    if (pending?.kind === 'upload') URL.revokeObjectURL(pending.preview);
    pending = undefined;
    details.hidden = true;
    browse.hidden = false;
    file.value = '';
    query.focus();
  }

  function showDetails(next: Pending, defaults: { alt?: string; caption?: string; credit?: string }) {
    pending = next;
    preview.src = next.kind === 'upload' ? next.preview : previewSrc(next.item.url);
    alt.input.value = defaults.alt ?? '';
    caption.input.value = defaults.caption ?? '';
    credit.input.value = defaults.credit ?? '';
    browse.hidden = true;
    details.hidden = false;
    say('Describe the image, then insert it.');
    alt.input.focus();
  }

  async function search() {
    searching?.abort();
    const controller = (searching = new AbortController());
    const url = new URL(opts.searchUrl, location.href);
    url.searchParams.set('q', query.value.trim());
    say('Searching…');
    try {
      const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' }, signal: controller.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = (await res.json()) as { items?: unknown };
      const items = (Array.isArray(data.items) ? data.items : []).map(asItem).filter((i): i is MediaItem => !!i);
      results.replaceChildren(
        ...items.map((item) => {
          const src = previewSrc(item.url);
          const pick = el('button', { type: 'button', className: 'mh-media-item' });
          if (src) pick.append(el('img', { src, alt: '', loading: 'lazy' }));
          pick.append(el('span', { textContent: item.alt || item.caption || `Image #${item.id}` }));
          pick.addEventListener('click', () => showDetails({ kind: 'library', item }, item));
          return el('li', {}, pick);
        }),
      );
      say(items.length ? `${items.length} image${items.length === 1 ? '' : 's'} found.` : 'No images found.');
    } catch (error) {
      if (!controller.signal.aborted) say(`Could not search the media library (${(error as Error).message}).`);
    }
  }

  async function upload(chosen: File): Promise<MediaItem | undefined> {
    const body = new FormData();
    body.append('file', chosen);
    for (const [name, f] of [
      ['alt', alt],
      ['caption', caption],
      ['credit', credit],
    ] as const) {
      if (f.input.value.trim()) body.append(name, f.input.value.trim());
    }
    say('Uploading…');
    try {
      const res = await fetch(opts.uploadUrl, {
        method: 'POST',
        body,
        credentials: 'include',
        headers: { 'x-csrf-token': opts.csrfToken(), accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const item = asItem(await res.json());
      if (!item) throw new Error('unexpected response');
      return item;
    } catch (error) {
      say(`Upload failed (${(error as Error).message}).`);
      return undefined;
    }
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) showDetails({ kind: 'upload', file: chosen, preview: URL.createObjectURL(chosen) }, {});
  });
  alt.input.addEventListener('input', () => alt.input.setCustomValidity(''));
  details.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!pending) return;
    if (!alt.input.value.trim()) {
      alt.input.setCustomValidity('Describe the image for readers who cannot see it.');
      alt.input.reportValidity();
      return;
    }
    insert.disabled = true;
    const item = pending.kind === 'library' ? pending.item : await upload(pending.file);
    insert.disabled = false;
    if (!item) return;
    opts.onPick({
      mediaId: item.id,
      src: item.url,
      alt: alt.input.value.trim(),
      caption: caption.input.value.trim(),
      credit: credit.input.value.trim(),
    });
    dialog.close();
  });
  back.addEventListener('click', showBrowse);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    searching?.abort();
    showBrowse();
    say('');
    opts.onClose?.();
  });

  return {
    dialog,
    open() {
      if (dialog.open) return;
      dialog.showModal();
      showBrowse();
      void search();
    },
  };
}
