// The editor's small dialogs, in place of the browser's prompt(): ask for a few fields (a link's address, an
// embed's address and title), find a published story as you type (for a link card), and the shortcuts help.
import { el, uid } from './dom.ts';

export interface AskField {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  max?: number;
  type?: 'text' | 'url';
}

/** A modal dialog on the page's body; closing it (Escape, Cancel) resolves null. */
function modal(title: string, className: string) {
  const titleId = uid('mh-dialog-title');
  const dialog = el('dialog', { className: `mh-dialog ${className}` });
  dialog.setAttribute('aria-labelledby', titleId);
  const form = el('form', { method: 'dialog', className: 'mh-dialog-form' });
  form.append(el('h2', { id: titleId, textContent: title }));
  dialog.append(form);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  return { dialog, form };
}

/**
 * Asks for the fields; `check` may refuse the values with a message (shown, the dialog stays open) and `describe`
 * may say something about them as they are typed (e.g. which network an address belongs to).
 */
export function ask(opts: {
  title: string;
  fields: AskField[];
  submit: string;
  check?: (values: Record<string, string>) => string | null;
  describe?: (values: Record<string, string>) => string;
}): Promise<Record<string, string> | null> {
  const { dialog, form } = modal(opts.title, 'mh-ask');
  const inputs = opts.fields.map((f) => {
    const input = el('input', { id: uid('mh-ask'), type: f.type ?? 'text', value: f.value ?? '', maxLength: f.max ?? 2048 });
    input.name = f.name;
    const row = el('div', { className: 'mh-row' }, el('label', { htmlFor: input.id, textContent: f.label }), input);
    if (f.hint) {
      const hint = el('p', { className: 'mh-hint', id: uid('mh-hint'), textContent: f.hint });
      input.setAttribute('aria-describedby', hint.id);
      row.append(hint);
    }
    form.append(row);
    return input;
  });
  const status = el('p', { className: 'mh-status' });
  status.setAttribute('role', 'status');
  const cancel = el('button', { type: 'button', textContent: 'Cancel' });
  form.append(status, el('p', { className: 'mh-dialog-actions' }, el('button', { type: 'submit', textContent: opts.submit }), cancel));
  const values = () => Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
  form.addEventListener('input', () => {
    status.textContent = opts.describe?.(values()) ?? '';
  });
  return new Promise((resolve) => {
    let answer: Record<string, string> | null = null;
    form.addEventListener('submit', (event) => {
      const problem = opts.check?.(values()) ?? null;
      if (problem) {
        event.preventDefault();
        status.textContent = problem;
        return;
      }
      answer = values();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => resolve(answer));
    dialog.showModal();
    inputs[0]?.select();
  });
}

export interface StoryPick {
  id: number;
  headline: string;
}

interface StoryItem {
  id: number;
  headline: string;
  sectionName: string;
  firstPublishedAt: string | null;
}

/** Finds a published story by words from it, as they are typed, and resolves the one chosen. */
export function findStory(searchUrl: string): Promise<StoryPick | null> {
  const { dialog, form } = modal('Link to a story', 'mh-find-story');
  const query = el('input', { id: uid('mh-story-q'), type: 'search', maxLength: 200 });
  query.setAttribute('autocomplete', 'off');
  const results = el('ul', { className: 'mh-story-results' });
  results.setAttribute('aria-label', 'Stories found');
  const status = el('p', { className: 'mh-status' });
  status.setAttribute('role', 'status');
  const cancel = el('button', { type: 'button', textContent: 'Cancel' });
  form.append(
    el(
      'div',
      { className: 'mh-row' },
      el('label', { htmlFor: query.id, textContent: 'Words from the story (published stories only)' }),
      query,
    ),
    status,
    results,
    el('p', { className: 'mh-dialog-actions' }, cancel),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  async function search() {
    const q = query.value.trim();
    const ticket = ++asked;
    if (q.length < 2) {
      results.replaceChildren();
      status.textContent = 'Type at least two letters.';
      return;
    }
    status.textContent = 'Searching…';
    const params = new URLSearchParams({ q, status: 'published', limit: '8' });
    try {
      const res = await fetch(`${searchUrl}?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      const data = (await res.json()) as { items?: StoryItem[] };
      if (ticket !== asked) return; // a newer search is on its way
      const items = res.ok ? (data.items ?? []) : [];
      status.textContent = items.length
        ? `${items.length} ${items.length === 1 ? 'story' : 'stories'} found.`
        : 'No published story matches.';
      results.replaceChildren(
        ...items.map((item) => {
          const when = item.firstPublishedAt ? new Date(item.firstPublishedAt).toLocaleDateString() : '';
          const button = el(
            'button',
            { type: 'button', className: 'mh-story' },
            el('span', { className: 'mh-story-title', textContent: item.headline }),
            el('span', { className: 'mh-story-meta', textContent: [item.sectionName, when].filter(Boolean).join(' · ') }),
          );
          button.addEventListener('click', () => {
            chosen = { id: item.id, headline: item.headline };
            dialog.close();
          });
          return el('li', {}, button);
        }),
      );
    } catch {
      if (ticket === asked) status.textContent = 'The search did not answer; try again.';
    }
  }
  let chosen: StoryPick | null = null;
  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  // Enter searches at once; arrow down moves into the results.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  query.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') results.querySelector('button')?.focus();
  });
  cancel.addEventListener('click', () => dialog.close());
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(chosen));
    dialog.showModal();
    query.focus();
  });
}

const SHORTCUTS: [string, string][] = [
  ['Ctrl+B / Ctrl+I', 'Bold / italic'],
  ['Ctrl+K', 'Link'],
  ['Ctrl+Alt+2 / Ctrl+Alt+3', 'Heading 2 / 3'],
  ['Ctrl+Shift+8 / Ctrl+Shift+7', 'Bulleted / numbered list'],
  ['## or ### then space', 'Heading 2 / 3 (at the start of a line)'],
  ['- or 1. then space', 'Bulleted / numbered list'],
  ['> then space', 'Quote'],
  ['Enter in the headline', 'Go on to the standfirst'],
  ['Ctrl+S', 'Save'],
  ['Ctrl+Shift+P', 'Publish (or submit for review)'],
  ['Ctrl+/', 'This list'],
];

export function showShortcuts(onClose: () => void): void {
  const { dialog, form } = modal('Keyboard shortcuts', 'mh-shortcuts');
  const list = el('dl', { className: 'mh-shortcut-list' });
  for (const [keys, what] of SHORTCUTS) list.append(el('dt', { textContent: keys }), el('dd', { textContent: what }));
  form.append(list, el('p', { className: 'mh-dialog-actions' }, el('button', { type: 'submit', textContent: 'Close' })));
  dialog.addEventListener('close', onClose);
  dialog.showModal();
}
