// Browser entry of the newsroom body editor (bundled by scripts/build-editor.ts to public/build/editor.js).
//
// Contract with the server-rendered page:
//   <meta name="csrf-token" content="…">                                   (head)
//   <input type="hidden" name="body" id="body-json" value="<blocks JSON>">  (inside the form)
//   <div id="body-editor" data-media-search="/api/v1/media" data-media-upload="/api/v1/media"
//        data-media-previews='{"12":"/media/12-harbour.jpg"}'></div>          (previews optional)
// On every document change the editor writes the blocks JSON into #body-json and dispatches
// `masthead:change` (bubbling) from it; window.mastheadEditor exposes setBlocks/getBlocks
// (setBlocks updates #body-json silently). `masthead:editor-ready` bubbles from #body-editor once mounted.
import { Editor, type JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { Body } from '../../domain/blocks.ts';
import {
  ARTICLE_LINK,
  EMBED,
  FACTBOX,
  IMAGE,
  LIMITS,
  QUOTE,
  blocksToDoc,
  docToBlocks,
  isEmbedUrl,
  isSafeHref,
  truncate,
} from './convert.ts';
import { ask, findStory, showShortcuts } from './dialogs.ts';
import { cleanPastedHtml } from './paste.ts';
import { socialPost } from '../../domain/social.ts';
import './page-chrome.ts';
import { el, uid } from './dom.ts';
import { createMediaDialog, type MediaPick } from './media-dialog.ts';
import { editorExtensions } from './nodes.ts';
import { createToolbar } from './toolbar.ts';

export interface MastheadEditorApi {
  /**
   * Replaces the editor content and #body-json without dispatching masthead:change (a programmatic
   * load, not an edit). `previews` maps media ids to preview URLs for image blocks.
   */
  setBlocks(blocks: Body, previews?: Record<string, string>): void;
  /** The current content as stored blocks (always valid for bodySchema). */
  getBlocks(): Body;
  /** Opens the media library (search or upload) and hands the chosen image to `onPick` instead of the body. */
  pickImage(onPick: (pick: MediaPick) => void): void;
}

declare global {
  interface Window {
    mastheadEditor?: MastheadEditorApi;
  }
}

function readBlocks(input: HTMLInputElement): { blocks: Body; ok: boolean } {
  try {
    const value: unknown = JSON.parse(input.value || '[]');
    if (Array.isArray(value)) return { blocks: value as Body, ok: true };
  } catch {
    // fall through
  }
  return { blocks: [], ok: false };
}

function readPreviews(into: Map<number, string>, source: Record<string, unknown> | undefined) {
  for (const [id, url] of Object.entries(source ?? {})) {
    if (Number(id) > 0 && typeof url === 'string') into.set(Number(id), url);
  }
}

function parseJsonAttr(value: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = value ? JSON.parse(value) : undefined;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Accepts "example.com/x" or "www.example.com" as https; everything else must already be safe. */
function normalizeHref(raw: string): string {
  const href = raw.trim();
  if (href === 'https://' || href === 'http://') return '';
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(href)) return `https://${href}`;
  return href;
}

function embedKind(url: string): 'video' | 'link' | 'social' {
  if (socialPost(url)) return 'social'; // a post on X, YouTube, Telegram, Instagram or TikTok: a click-to-load card
  const host = new URL(url).hostname.replace(/^www\./, '');
  const videoHost = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv)$/i.test(host);
  return videoHost || /\.(mp4|webm|m3u8)$/i.test(new URL(url).pathname) ? 'video' : 'link';
}

export function mountEditor(host: HTMLElement, input: HTMLInputElement): MastheadEditorApi {
  const previews = new Map<number, string>();
  readPreviews(previews, parseJsonAttr(host.dataset.mediaPreviews));
  const mediaSrc = (id: number) => previews.get(id);
  const initial = readBlocks(input);

  const editorId = uid('mh-editor');
  // The page labels #body-editor (aria-labelledby or data-label); the textbox gets the same name.
  const labelledBy = host.getAttribute('aria-labelledby');
  const name: Record<string, string> = labelledBy
    ? { 'aria-labelledby': labelledBy }
    : { 'aria-label': host.getAttribute('aria-label') ?? host.dataset.label ?? 'Article body' };
  const area = el('div', { className: 'mh-editor-area' });
  const sync = () => {
    input.value = JSON.stringify(docToBlocks(editor.getJSON()));
    input.dispatchEvent(new CustomEvent('masthead:change', { bubbles: true }));
  };
  const editor: Editor = new Editor({
    element: area,
    extensions: editorExtensions(),
    content: blocksToDoc(initial.blocks, { mediaSrc }),
    editorProps: {
      attributes: { id: editorId, class: 'mh-prose', role: 'textbox', 'aria-multiline': 'true', ...name },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: sync,
  });

  /** Inserts an image or embed and leaves the caret after it, so typing cannot replace it. */
  function insertAtom(node: JSONContent) {
    editor
      .chain()
      .focus()
      .insertContent(node)
      .command(({ tr }) => {
        if (tr.selection instanceof NodeSelection) tr.setSelection(TextSelection.near(tr.doc.resolve(tr.selection.to), 1));
        return true;
      })
      .run();
  }

  async function link() {
    const current = editor.getAttributes('link').href as string | undefined;
    const answer = await ask({
      title: current ? 'Change the link' : 'Add a link',
      fields: [
        {
          name: 'href',
          label: 'Address',
          value: current ?? '',
          hint: 'https://…, mailto:… or a path on this site. Empty removes the link.',
        },
      ],
      submit: 'Apply',
      check: ({ href = '' }) => {
        const normal = normalizeHref(href);
        return normal && !isSafeHref(normal) ? 'That address is not allowed: use http(s), mailto or a path on this site.' : null;
      },
    });
    if (!answer) return void editor.commands.focus();
    const href = normalizeHref(answer.href ?? '');
    if (!href) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
    } else if (editor.state.selection.empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
  }

  /** The paragraph becomes a quote, and the caret goes to its Attribution field, right below it: no dialog. */
  function quote() {
    if (editor.isActive(QUOTE)) {
      editor.chain().focus().setNode('paragraph').run();
      return;
    }
    if (!editor.chain().focus().setNode(QUOTE).run()) return;
    const { $from } = editor.state.selection;
    const dom = editor.view.nodeDOM($from.before($from.depth));
    const field = dom instanceof HTMLElement ? dom.querySelector<HTMLInputElement>('.mh-fields input') : null;
    // Typing goes on in the quote if the quote is still empty; otherwise straight to who said it.
    if (field && $from.parent.textContent.trim()) field.focus();
  }

  async function embed() {
    const answer = await ask({
      title: 'Embed a post, video or page',
      fields: [
        {
          name: 'url',
          label: 'Address',
          type: 'url',
          hint: 'Posts on X, YouTube, Telegram, Instagram and TikTok become cards that readers load with a click.',
        },
        { name: 'title', label: 'Title (optional)', max: LIMITS.title },
      ],
      submit: 'Embed',
      check: ({ url = '' }) => (isEmbedUrl(url) ? null : 'Embeds need a full http(s) address.'),
      describe: ({ url = '' }) => {
        const post = isEmbedUrl(url) ? socialPost(url) : null;
        return post ? `A post on ${post.name}.` : '';
      },
    });
    if (!answer) return void editor.commands.focus();
    const url = answer.url ?? '';
    insertAtom({ type: EMBED, attrs: { kind: embedKind(url), url, title: truncate(answer.title ?? '', LIMITS.title), caption: '' } });
  }

  /** A fact box where the caret is, with its first line ready for typing. */
  function factbox() {
    const from = editor.state.selection.from;
    editor
      .chain()
      .focus()
      .insertContent({ type: FACTBOX, attrs: { title: '' }, content: [{ type: 'paragraph' }] })
      .command(({ tr }) => {
        let at = -1;
        tr.doc.descendants((node, pos) => {
          if (at < 0 && node.type.name === FACTBOX && pos >= from - 1) at = pos;
          return at < 0;
        });
        if (at >= 0) tr.setSelection(TextSelection.create(tr.doc, at + 2)); // inside its first fact
        return true;
      })
      .run();
  }

  async function storyLink() {
    const pick = await findStory(host.dataset.articleSearch ?? '/api/v1/articles');
    if (!pick) return void editor.commands.focus();
    insertAtom({ type: ARTICLE_LINK, attrs: { articleId: pick.id, headline: truncate(pick.headline, LIMITS.title) } });
  }

  const help = () => showShortcuts(() => editor.commands.focus());

  const csrf = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  // Set while the page (not the body) asked for an image, e.g. the hero picker.
  let pendingPick: ((pick: MediaPick) => void) | null = null;
  const media = createMediaDialog({
    searchUrl: host.dataset.mediaSearch ?? '/api/v1/media',
    uploadUrl: host.dataset.mediaUpload ?? '/api/v1/media',
    csrfToken: csrf,
    onPick: (pick) => {
      if (pendingPick) {
        const take = pendingPick;
        pendingPick = null;
        take(pick);
        return;
      }
      if (pick.src) previews.set(pick.mediaId, pick.src);
      const { mediaId, alt, caption, credit, src } = pick;
      insertAtom({ type: IMAGE, attrs: { mediaId, alt, caption, credit, src } });
    },
    onClose: () => {
      if (pendingPick) pendingPick = null;
      else editor.commands.focus();
    },
  });

  const toolbar = createToolbar(editor, { link, quote, embed, factbox, storyLink, help, image: () => media.open() }, editorId);
  // Ctrl/Cmd+K links, Ctrl/Cmd+/ lists the shortcuts.
  area.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (event.key === 'k') void link();
    else if (event.key === '/') help();
    else return;
    event.preventDefault();
  });
  editor.on('transaction', toolbar.refresh);
  host.classList.add('mh-editor');
  if (labelledBy || host.hasAttribute('aria-label')) host.setAttribute('role', 'group');
  host.replaceChildren(toolbar.dom, area);
  if (!initial.ok) {
    const warning = el('p', { className: 'mh-warning', textContent: 'The saved body could not be read. Editing will replace it.' });
    warning.setAttribute('role', 'alert');
    host.prepend(warning);
  }

  return {
    setBlocks(blocks, more) {
      readPreviews(previews, more);
      // A programmatic load, like setting an input's value: #body-json is updated, no masthead:change.
      editor.commands.setContent(blocksToDoc(Array.isArray(blocks) ? blocks : [], { mediaSrc }), { emitUpdate: false });
      input.value = JSON.stringify(docToBlocks(editor.getJSON()));
    },
    getBlocks: () => docToBlocks(editor.getJSON()),
    pickImage(onPick) {
      pendingPick = onPick;
      media.open();
    },
  };
}

function boot() {
  const host = document.getElementById('body-editor');
  const input = document.getElementById('body-json');
  if (!host || !(input instanceof HTMLInputElement) || host.dataset.mhMounted) return;
  host.dataset.mhMounted = 'true';
  window.mastheadEditor = mountEditor(host, input);
  host.dispatchEvent(new CustomEvent('masthead:editor-ready', { bubbles: true }));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
