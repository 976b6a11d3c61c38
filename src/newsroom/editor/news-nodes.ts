// The editor's news blocks beyond text: a fact box (a titled list of short facts, one paragraph each) and a link
// card to another story of the site (chosen with the story search, views/story-search.ts).
import { Node, mergeAttributes } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ARTICLE_LINK, FACTBOX, LIMITS } from './convert.ts';
import { el } from './dom.ts';
import { FieldsView, textAttr } from './fields-view.ts';

export const MastheadFactbox = Node.create({
  name: FACTBOX,
  group: 'block',
  content: 'paragraph+',
  defining: true,
  isolating: true,
  addAttributes: () => ({ title: textAttr('title') }),
  parseHTML: () => [{ tag: 'aside[data-masthead-factbox]' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { 'data-masthead-factbox': '' }), 0],
  addNodeView() {
    return ({ node, editor, getPos }) =>
      new FieldsView(
        { node, editor, getPos },
        {
          fields: [{ name: 'title', label: 'Fact box title', max: LIMITS.factTitle }],
          removeLabel: 'Remove fact box',
          build: () => {
            const contentDOM = el('div', { className: 'mh-factbox-items' });
            const dom = el(
              'aside',
              { className: 'mh-factbox' },
              el('p', { className: 'mh-block-label', textContent: 'Fact box: one fact per line' }),
              contentDOM,
            );
            return { dom, contentDOM };
          },
        },
      );
  },
});

function buildArticleLink(node: PMNode) {
  const headline = String(node.attrs.headline ?? '');
  const label = el('p', { className: 'mh-block-label', textContent: 'Link card' });
  const title = el('p', { className: 'mh-link-card-title', textContent: headline || `Story ${String(node.attrs.articleId)}` });
  return { dom: el('figure', { className: 'mh-link-card' }, label, title) };
}

export const MastheadArticleLink = Node.create({
  name: ARTICLE_LINK,
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes: () => ({
    articleId: {
      default: null,
      parseHTML: (e: HTMLElement) => Number(e.getAttribute('data-article-id')) || null,
      renderHTML: (a: Record<string, unknown>) => ({ 'data-article-id': String(a.articleId) }),
    },
    headline: textAttr('headline'),
  }),
  parseHTML: () => [
    { tag: 'figure[data-masthead-article-link]', getAttrs: (e) => (Number(e.getAttribute('data-article-id')) > 0 ? null : false) },
  ],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes, { 'data-masthead-article-link': '' })],
  addNodeView() {
    return ({ node, editor, getPos }) =>
      new FieldsView(
        { node, editor, getPos },
        { fields: [], removeLabel: 'Remove link card', rebuildOn: ['articleId'], build: buildArticleLink },
      );
  },
});
