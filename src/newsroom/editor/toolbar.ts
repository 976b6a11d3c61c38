// The formatting toolbar: real buttons, one tab stop (arrow keys move between buttons, as in the
// WAI-ARIA toolbar pattern), aria-pressed on toggles, aria-disabled where a command cannot apply.
import type { Editor } from '@tiptap/core';
import { QUOTE } from './convert.ts';
import { el } from './dom.ts';

export interface ToolbarActions {
  link(): void;
  quote(): void;
  image(): void;
  embed(): void;
  factbox(): void;
  storyLink(): void;
  help(): void;
}

interface ButtonSpec {
  name: string;
  text: string;
  label: string;
  shortcut?: string;
  /** Toggles report their state with aria-pressed; plain actions leave it off. */
  pressed?: (editor: Editor) => boolean;
  can?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

function specs(actions: ToolbarActions): ButtonSpec[] {
  return [
    {
      name: 'bold',
      text: 'B',
      label: 'Bold',
      shortcut: 'Ctrl+B',
      pressed: (e) => e.isActive('bold'),
      can: (e) => !e.isActive('heading') && e.can().toggleBold(),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      name: 'italic',
      text: 'I',
      label: 'Italic',
      shortcut: 'Ctrl+I',
      pressed: (e) => e.isActive('italic'),
      can: (e) => !e.isActive('heading') && e.can().toggleItalic(),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      name: 'link',
      text: 'Link',
      label: 'Link',
      shortcut: 'Ctrl+K',
      pressed: (e) => e.isActive('link'),
      can: (e) => !e.isActive(QUOTE) && !e.isActive('heading') && e.can().setLink({ href: 'https://example.com' }),
      run: () => actions.link(),
    },
    {
      name: 'h2',
      text: 'H2',
      label: 'H2 heading',
      pressed: (e) => e.isActive('heading', { level: 2 }),
      can: (e) => e.can().toggleHeading({ level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      name: 'h3',
      text: 'H3',
      label: 'H3 heading',
      pressed: (e) => e.isActive('heading', { level: 3 }),
      can: (e) => e.can().toggleHeading({ level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      name: 'quote',
      text: 'Quote',
      label: 'Quote',
      pressed: (e) => e.isActive(QUOTE),
      can: (e) => e.isActive(QUOTE) || e.can().setNode(QUOTE),
      run: () => actions.quote(),
    },
    {
      name: 'bulletList',
      text: '• List',
      label: '• List (bulleted)',
      pressed: (e) => e.isActive('bulletList'),
      can: (e) => e.can().toggleBulletList(),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      name: 'orderedList',
      text: '1. List',
      label: '1. List (numbered)',
      pressed: (e) => e.isActive('orderedList'),
      can: (e) => e.can().toggleOrderedList(),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    { name: 'image', text: 'Image', label: 'Insert image', run: () => actions.image() },
    { name: 'embed', text: 'Embed', label: 'Insert embed (a post, video or page)', run: () => actions.embed() },
    { name: 'factbox', text: 'Facts', label: 'Facts: insert a fact box', run: () => actions.factbox() },
    { name: 'storyLink', text: 'Story', label: 'Story: insert a link card to another story', run: () => actions.storyLink() },
    { name: 'help', text: '?', label: '? Keyboard shortcuts', shortcut: 'Ctrl+/', run: () => actions.help() },
  ];
}

export interface Toolbar {
  dom: HTMLElement;
  refresh(): void;
}

export function createToolbar(editor: Editor, actions: ToolbarActions, controls: string): Toolbar {
  const dom = el('div', { className: 'mh-toolbar' });
  dom.setAttribute('role', 'toolbar');
  dom.setAttribute('aria-label', 'Formatting');
  dom.setAttribute('aria-controls', controls);

  const buttons = specs(actions).map((spec, i) => {
    const button = el('button', {
      type: 'button',
      className: `mh-tool mh-tool-${spec.name}`,
      textContent: spec.text,
      tabIndex: i === 0 ? 0 : -1,
    });
    button.setAttribute('aria-label', spec.label);
    button.title = spec.shortcut ? `${spec.label} (${spec.shortcut})` : spec.label;
    if (spec.shortcut) button.setAttribute('aria-keyshortcuts', spec.shortcut.replace('Ctrl', 'Control'));
    if (spec.pressed) button.setAttribute('aria-pressed', 'false');
    // Keep the editor's selection when clicking with a mouse; keyboard users still focus the button.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      spec.run(editor);
      refresh();
    });
    dom.append(button);
    return { spec, button };
  });

  dom.addEventListener('keydown', (event) => {
    const current = buttons.findIndex((b) => b.button === document.activeElement);
    if (current < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (current + last) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    buttons.forEach(({ button }, i) => {
      button.tabIndex = i === next ? 0 : -1;
    });
    buttons[next]?.button.focus();
  });

  function refresh() {
    for (const { spec, button } of buttons) {
      if (spec.pressed) button.setAttribute('aria-pressed', String(spec.pressed(editor)));
      const enabled = editor.isEditable && (spec.can ? spec.can(editor) : true);
      if (enabled) button.removeAttribute('aria-disabled');
      else button.setAttribute('aria-disabled', 'true');
    }
  }

  refresh();
  return { dom, refresh };
}
