// Tiptap extensions for the newsroom body editor: the custom quote, image and embed nodes that
// mirror the stored block types, and the full extension list the editor (and the tests) use.
import { Extension, Node, mergeAttributes, textblockTypeInputRule, type Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { EMBED, IMAGE, LIMITS, QUOTE, isEmbedUrl, isSafeHref } from './convert.ts';
import { el, previewSrc } from './dom.ts';
import { FieldsView, flatText, textAttr, type Field } from './fields-view.ts';
import { MastheadArticleLink, MastheadFactbox } from './news-nodes.ts';
import { socialPost } from '../../domain/social.ts';

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
  addAttributes: () => ({
    attribution: textAttr('attribution'),
    pull: {
      default: false,
      parseHTML: (e: HTMLElement) => e.hasAttribute('data-pull'),
      renderHTML: (a: Record<string, unknown>) => (a.pull === true ? { 'data-pull': '' } : {}),
    },
  }),
  // "> " at the start of a paragraph makes it a quote, as in Markdown.
  addInputRules() {
    return [textblockTypeInputRule({ find: /^>\s$/, type: this.type })];
  },
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
          fields: [
            { name: 'attribution', label: 'Attribution', max: LIMITS.attribution },
            { name: 'pull', label: 'Pull quote (a line from the story, set large)', max: 0, checkbox: true },
          ],
          rebuildOn: ['pull'],
          build: (n) => {
            const contentDOM = el('blockquote');
            return { dom: el('figure', { className: n.attrs.pull ? 'mh-quote mh-pull' : 'mh-quote' }, contentDOM), contentDOM };
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
    MastheadFactbox,
    MastheadArticleLink,
    PlainHeadings,
  ];
}
