// The editor page around the body editor: the settings drawer (under 900 px), the live word count and reading
// time, Enter in the headline moving on to the standfirst, keyboard shortcuts for saving and the main action,
// and opening the panel when the browser must show a problem with one of its fields.
import { countWords, lengthLabel } from '../../domain/reading.ts';

function drawer(root: HTMLElement) {
  const panel = document.getElementById('ed-panel');
  const toggle = root.querySelector<HTMLButtonElement>('[data-panel-toggle]');
  const close = root.querySelector<HTMLButtonElement>('[data-panel-close]');
  if (!panel || !toggle || !close) return { open: () => {} };
  toggle.hidden = false;
  close.hidden = false;
  root.classList.add('ed-js');
  const narrow = window.matchMedia('(max-width: 900px)');
  const setOpen = (open: boolean, focus = true) => {
    panel.classList.toggle('ed-panel-open', open);
    toggle.setAttribute('aria-expanded', String(open && narrow.matches));
    if (!narrow.matches || !focus) return;
    if (open) panel.focus();
    else toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(!panel.classList.contains('ed-panel-open')));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && narrow.matches && panel.classList.contains('ed-panel-open')) setOpen(false);
  });
  return { open: () => setOpen(true, false) };
}

/**
 * Suggests existing tags for the one being typed (after the last comma). The suggestions are whole values of the
 * field, the earlier tags kept, so the browser's own datalist can offer them: no custom listbox to get wrong.
 */
function tagSuggestions(input: HTMLInputElement) {
  const list = document.getElementById(input.getAttribute('list') ?? '');
  const url = input.dataset.tagsInput;
  if (!(list instanceof HTMLDataListElement) || !url) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(',');
      const typed = (parts.pop() ?? '').trim();
      const kept = parts.map((p) => p.trim()).filter(Boolean);
      const ticket = ++asked;
      if (!typed) return list.replaceChildren();
      try {
        const res = await fetch(`${url}?${new URLSearchParams({ q: typed, limit: '8' })}`, { credentials: 'same-origin' });
        const data = (await res.json()) as { items?: { name: string }[] };
        if (ticket !== asked || !res.ok) return;
        const names = (data.items ?? []).map((t) => t.name).filter((n) => !kept.includes(n));
        list.replaceChildren(...names.map((n) => Object.assign(document.createElement('option'), { value: [...kept, n].join(', ') })));
      } catch {
        // No suggestions this time; typing a tag still works.
      }
    }, 150);
  });
}

function boot() {
  const root = document.querySelector<HTMLElement>('.ed');
  const form = document.getElementById('article-form');
  if (!root || !(form instanceof HTMLFormElement)) return;
  const panel = drawer(root);
  const tags = document.querySelector<HTMLInputElement>('[data-tags-input]');
  if (tags) tagSuggestions(tags);

  // A field the browser must point at (a required section, a malformed slug) may sit in a closed group or drawer.
  document.addEventListener(
    'invalid',
    (event) => {
      const field = event.target as HTMLElement;
      if (!field.closest('#ed-panel')) return;
      panel.open();
      const group = field.closest('details');
      if (group) group.open = true;
    },
    true,
  );

  const headline = form.elements.namedItem('headline') as HTMLTextAreaElement | null;
  const standfirst = form.elements.namedItem('standfirst') as HTMLTextAreaElement | null;
  headline?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // a headline is one line
    standfirst?.focus();
  });

  const length = root.querySelector('[data-word-count]');
  const recount = () => {
    const body = document.querySelector('#body-editor .mh-prose')?.textContent ?? '';
    if (length) length.textContent = lengthLabel(countWords(`${headline?.value ?? ''} ${standfirst?.value ?? ''} ${body}`));
  };
  form.addEventListener('input', recount);
  form.addEventListener('masthead:change', recount);

  // Ctrl/Cmd+S saves (never the browser's "save page"); Ctrl/Cmd+Shift+P runs the bar's main action.
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    const target =
      key === 's' && !event.shiftKey
        ? root.querySelector<HTMLButtonElement>('.ed-bar button[type=submit]:not([name])')
        : key === 'p' && event.shiftKey
          ? root.querySelector<HTMLButtonElement>('[data-primary-action]')
          : null;
    if (!target) return;
    event.preventDefault();
    form.requestSubmit(target);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
