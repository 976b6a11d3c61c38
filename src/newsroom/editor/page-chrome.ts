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

function boot() {
  const root = document.querySelector<HTMLElement>('.ed');
  const form = document.getElementById('article-form');
  if (!root || !(form instanceof HTMLFormElement)) return;
  const panel = drawer(root);

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
