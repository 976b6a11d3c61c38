// Tiptap extensions for the newsroom body editor: the custom quote, image and embed nodes that
// mirror the stored block types, and the full extension list the editor (and the tests) use.
import { Extension, Node, mergeAttributes, type Editor, type Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { EMBED, IMAGE, LIMITS, QUOTE, isEmbedUrl, isSafeHref } from './convert.ts';
import { el, previewSrc, uid } from './dom.ts';
import { socialPost } from '../../domain/social.ts';

/** A string attribute stored in the node and serialised as `data-<name>` for copy and paste. */
function textAttr(name: string) {
  return {
    default: '',
    parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => (attrs[name] ? { [`data-${name}`]: String(attrs[name]) } : {}),
  };
}

function flatText(dom: globalThis.Node, schema: Schema): Fragment {
  const text = (dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text ? Fragment.from(schema.text(text)) : Fragment.empty;
}

interface Field {
  name: string;
  label: string;
  max: number;
  required?: boolean;
}

interface ViewSpec {
  fields: Field[];
  build: (node: PMNode) => { dom: HTMLElement; contentDOM?: HTMLElement };
  /** Label of a Remove button (atom nodes); none when omitted. */
  removeLabel?: string;
  /** Attributes whose change redraws the whole view (e.g. the preview's src). */
  rebuildOn?: string[];
}

interface ViewProps {
  node: PMNode;
  editor: Editor;
  getPos: () => number | undefined;
}

/**
 * A node view with small labelled inputs for the node's attributes, kept out of ProseMirror's
 * reach (contenteditable=false, events stopped) so typing in them never edits the document text.
 */
class FieldsView implements NodeView {
  dom: HTMLElement;
  contentDOM?: HTMLElement;
  private panel: HTMLElement;
  private inputs = new Map<string, HTMLInputElement>();

  constructor(
    private props: ViewProps,
    private spec: ViewSpec,
  ) {
    const { fields, removeLabel } = spec;
    const built = spec.build(props.node);
    this.dom = built.dom;
    this.contentDOM = built.contentDOM;
    this.panel = el('div', { className: 'mh-fields', contentEditable: 'false' });
    for (const field of fields) {
      const id = uid('mh-field');
      const input = el('input', { id, type: 'text', maxLength: field.max, value: String(props.node.attrs[field.name] ?? '') });
      if (field.required) input.setAttribute('aria-required', 'true');
      input.addEventListener('input', () => this.setAttr(field.name, input.value));
      this.inputs.set(field.name, input);
      this.panel.append(el('label', { htmlFor: id }, field.label + (field.required ? ' (required)' : '')), input);
    }
    if (removeLabel) {
      const remove = el('button', { type: 'button', className: 'mh-remove', textContent: 'Remove' });
      remove.setAttribute('aria-label', removeLabel);
      remove.addEventListener('click', () => this.remove());
      this.panel.append(remove);
    }
    // Enter in a field would submit the article form that surrounds the editor.
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
    });
    this.dom.append(this.panel);
  }

  private setAttr(name: string, value: string) {
    const pos = this.props.getPos();
    const { state, view } = this.props.editor;
    const node = typeof pos === 'number' ? state.doc.nodeAt(pos) : null;
    if (typeof pos !== 'number' || !node) return;
    view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value }));
  }

  private remove() {
    const pos = this.props.getPos();
    const { state, view } = this.props.editor;
    const node = typeof pos === 'number' ? state.doc.nodeAt(pos) : null;
    if (typeof pos !== 'number' || !node) return;
    view.dispatch(state.tr.delete(pos, pos + node.nodeSize));
    view.focus();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.props.node.type) return false;
    if (this.spec.rebuildOn?.some((k) => node.attrs[k] !== this.props.node.attrs[k])) return false;
    this.props.node = node;
    for (const [name, input] of this.inputs) {
      if (input !== document.activeElement) input.value = String(node.attrs[name] ?? '');
    }
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target instanceof globalThis.Node && this.panel.contains(event.target);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return this.panel.contains(mutation.target) || (!this.contentDOM?.contains(mutation.target) && mutation.target !== this.contentDOM);
  }
}

function buildImage(node: PMNode) {
  const src = previewSrc(node.attrs.src);
  const preview = src
    ? el('img', { src, alt: '', className: 'mh-preview' })
    : el('div', { className: 'mh-placeholder', textContent: `Image #${String(node.attrs.mediaId)} (no preview)` });
  return { dom: el('figure', { className: 'mh-image' }, preview) };
}

function buildEmbed(node: PMNode) {
  const url = String(node.attrs.url ?? '');
  const link = el('a', { textContent: url, target: '_blank', rel: 'noopener noreferrer' });
  if (isEmbedUrl(url)) link.href = url;
  const post = node.attrs.kind === 'social' ? socialPost(url) : null;
  const kind = post ? `${post.name} post` : node.attrs.kind === 'video' ? 'Video embed' : 'Link embed';
  const head = el('div', { className: 'mh-embed-head' }, el('strong', { textContent: `${kind}: ` }), link);
  return { dom: el('figure', { className: 'mh-embed' }, head) };
}

/** A pull quote: editable plain text plus an attribution. */
export const MastheadQuote = Node.create({
  name: QUOTE,
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes: () => ({ attribution: textAttr('attribution') }),
  parseHTML: () => [
    {
      tag: 'figure[data-masthead-quote]',
      getContent: (dom, schema) => flatText((dom as HTMLElement).querySelector('blockquote') ?? dom, schema),
    },
    { tag: 'blockquote', getContent: flatText },
  ],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes, { 'data-masthead-quote': '' }), ['blockquote', 0]],
  addNodeView() {
    return ({ node, editor, getPos }) =>
      new FieldsView(
        { node, editor, getPos },
        {
          fields: [{ name: 'attribution', label: 'Attribution', max: LIMITS.attribution }],
          build: () => {
            const contentDOM = el('blockquote');
            return { dom: el('figure', { className: 'mh-quote' }, contentDOM), contentDOM };
          },
        },
      );
  },
});

/** An image from the media library, with a preview (attrs.src is display-only). */
export const MastheadImage = Node.create({
  name: IMAGE,
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes: () => ({
    mediaId: {
      default: null,
      parseHTML: (e: HTMLElement) => Number(e.getAttribute('data-media-id')) || null,
      renderHTML: (a: Record<string, unknown>) => ({ 'data-media-id': String(a.mediaId) }),
    },
    alt: textAttr('alt'),
    caption: textAttr('caption'),
    credit: textAttr('credit'),
    src: textAttr('src'),
  }),
  parseHTML: () => [{ tag: 'figure[data-masthead-image]', getAttrs: (e) => (Number(e.getAttribute('data-media-id')) > 0 ? null : false) }],
  renderHTML: ({ node, HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { 'data-masthead-image': '' }),
    ['img', { src: previewSrc(node.attrs.src), alt: String(node.attrs.alt ?? '') }],
  ],
  addNodeView() {
    const fields: Field[] = [
      { name: 'alt', label: 'Alt text', max: LIMITS.alt, required: true },
      { name: 'caption', label: 'Caption', max: LIMITS.caption },
      { name: 'credit', label: 'Credit', max: LIMITS.credit },
    ];
    return ({ node, editor, getPos }) =>
      new FieldsView(
        { node, editor, getPos },
        {
          fields,
          removeLabel: 'Remove image',
          rebuildOn: ['mediaId', 'src'],
          build: buildImage,
        },
      );
  },
});

/** A video or link embed, identified by its URL. */
export const MastheadEmbed = Node.create({
  name: EMBED,
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes: () => ({
    kind: { ...textAttr('kind'), default: 'link' },
    url: textAttr('url'),
    title: textAttr('title'),
    caption: textAttr('caption'),
  }),
  parseHTML: () => [{ tag: 'figure[data-masthead-embed]', getAttrs: (e) => (isEmbedUrl(e.getAttribute('data-url')) ? null : false) }],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes, { 'data-masthead-embed': '' })],
  addNodeView() {
    const fields: Field[] = [
      { name: 'title', label: 'Title', max: LIMITS.title },
      { name: 'caption', label: 'Caption', max: LIMITS.caption },
    ];
    return ({ node, editor, getPos }) =>
      new FieldsView(
        { node, editor, getPos },
        {
          fields,
          removeLabel: 'Remove embed',
          rebuildOn: ['kind', 'url'],
          build: buildEmbed,
        },
      );
  },
});

/** Stored headings are plain text, so bold/italic/links typed or pasted into one are removed. */
export const PlainHeadings = Extension.create({
  name: 'mastheadPlainHeadings',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('mastheadPlainHeadings'),
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((t) => t.docChanged)) return null;
          let tr: Transaction | null = null;
          state.doc.forEach((node, offset) => {
            let marked = false;
            node.descendants((child) => void (marked ||= child.marks.length > 0));
            if (node.type.name === 'heading' && marked) (tr ??= state.tr).removeMark(offset + 1, offset + node.nodeSize - 1);
          });
          return tr;
        },
      }),
    ];
  },
});

/** Every extension the body editor uses; also used by the tests to build the editor schema. */
export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      blockquote: false,
      underline: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: false,
      linkOnPaste: true,
      protocols: [],
      defaultProtocol: 'https',
      // http(s), mailto, and site paths/fragments only: the same rule as the stored body's safeHref.
      isAllowedUri: (url) => isSafeHref(url),
    }),
    MastheadQuote,
    MastheadImage,
    MastheadEmbed,
    PlainHeadings,
  ];
}
