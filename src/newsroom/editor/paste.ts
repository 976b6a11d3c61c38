// Cleans HTML pasted into the body editor (from Word, Google Docs or a web page) before the editor's schema
// parses it, so a paste gives clean blocks: no styles, no stray spans, headings clamped to H2/H3.
//
// The pasted markup is parsed into an inert document (DOMParser: no script runs, no image loads) and rebuilt
// from scratch as plain semantic HTML — p, h1–h6 (clamped by clampPastedHeadings), ul/ol > li > p, blockquote,
// strong, em, a[href], br — so nothing pasted (styles, classes, ids, Word's o:p, Docs' wrapper) survives by
// accident. What is recognised on the way:
//   - Word: mso-* styles and classes, <o:p>, conditional comments, <xml>, <style>, <meta> are dropped; its fake
//     lists (<p class=MsoListParagraph… style="mso-list:l0 level1 lfo1"> with the marker in a
//     <span style="mso-list:Ignore">) become real <ul>/<ol>; MsoTitle is a heading, MsoQuote a quote.
//   - Google Docs: the <b style="font-weight:normal" id="docs-internal-guid-…"> wrapper is not bold; spans with
//     font-weight ≥ 600 or bold become strong, font-style italic becomes em (also for Word and web pages).
//   - Web pages: scripts, iframes, forms, media, nav, aside, footer, page headers (a header inside an <article>
//     is the story's own and is kept), hidden elements and advert slots are dropped.
//   - Images cannot become library images, so they are dropped with their figure's caption and alt text: the
//     description of a picture that is not in the story would be stray text to find and delete.
//   - Nested lists are flattened (the stored list is one level); a quote's <footer>/<cite> or its figure's
//     <figcaption> becomes the quote's attribution; empty paragraphs and runs of &nbsp; go.
// HTML copied from a ProseMirror editor (this one included: it carries data-pm-slice) is already in the
// schema's terms and its slice depths depend on its exact structure, so it passes through unchanged.
import { clampPastedHeadings } from './convert.ts';
import {
  cleanAttribution,
  collapseSpaces,
  isMsoListIgnore,
  isPastedHref,
  looksLikeAd,
  markerStyle,
  msoListId,
  styleFacts,
} from './paste-rules.ts';

interface Marks {
  bold: boolean;
  italic: boolean;
  href?: string;
}

const NO_MARKS: Marks = { bold: false, italic: false };

/** Elements dropped with everything inside them. */
const DROP = new Set(
  (
    'script style noscript template iframe frame frameset object embed applet form input button select textarea nav ' +
    'aside footer head meta link title base xml svg math canvas video audio picture img source track map area ' +
    'dialog figcaption'
  ).split(' '),
);

/** ARIA roles of page chrome rather than content. */
const CHROME_ROLES = new Set('navigation banner contentinfo complementary search dialog alertdialog menu menubar'.split(' '));

/** Elements that hold blocks: walked into, never kept themselves. */
const CONTAINERS = new Set(
  (
    'body html div section article main header hgroup address center table thead tbody tfoot tr td th caption dl dt ' +
    'dd pre details summary fieldset legend li'
  ).split(' '),
);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Any of these inside an inline element (Docs' <b> wrapper around paragraphs) makes it a container. */
const BLOCK_SELECTOR = 'p,h1,h2,h3,h4,h5,h6,ul,ol,li,div,blockquote,figure,table,section,article,header,main,pre,dl,address,hr';

const MASTHEAD_FIGURE = 'figure[data-masthead-image],figure[data-masthead-embed]';

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isText(node: Node): node is Text {
  return node.nodeType === 3;
}

function hasText(el: Element): boolean {
  return /\S/.test(el.textContent ?? '');
}

/** Page chrome, hidden content and advert slots: dropped with their content. */
function isJunk(el: Element): boolean {
  const tag = el.localName;
  if (DROP.has(tag)) return true;
  // A page's masthead header is chrome; a header inside the article holds the story's own headline.
  if (tag === 'header' && !el.parentElement?.closest('article,main')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (CHROME_ROLES.has((el.getAttribute('role') ?? '').toLowerCase())) return true;
  if (styleFacts(el.getAttribute('style')).hidden) return true;
  return looksLikeAd(el.getAttribute('class'), el.getAttribute('id'));
}

/** The marks in force inside `el`, given those outside it. */
function marksOf(el: Element, outer: Marks): Marks {
  const marks = { ...outer };
  const tag = el.localName;
  // Docs' wrapper is a <b> with font-weight:normal; it never means bold, whatever its style says.
  const docsWrapper = el.id.startsWith('docs-internal-guid');
  if ((tag === 'b' || tag === 'strong') && !docsWrapper) marks.bold = true;
  if (tag === 'i' || tag === 'em') marks.italic = true;
  const style = styleFacts(el.getAttribute('style'));
  if (style.bold !== undefined) marks.bold = style.bold;
  if (style.italic !== undefined) marks.italic = style.italic;
  if (tag === 'a') {
    const href = el.getAttribute('href');
    if (isPastedHref(href)) marks.href = href.trim();
  }
  return marks;
}

/** Removes leading and trailing white space and line breaks from a rebuilt block. */
function trimBlock(block: Element): void {
  const doc = block.ownerDocument;
  // Runs of space split over neighbouring text nodes ("Before " + " after", once an image between them went).
  block.normalize();
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (isText(n)) n.data = collapseSpaces(n.data);
    if (isText(n) || (n as Element).localName === 'br') nodes.push(n);
  }
  const trim = (ordered: Node[], edge: RegExp) => {
    for (const node of ordered) {
      if (isText(node)) {
        node.data = node.data.replace(edge, '');
        if (node.data !== '') return;
      } else (node as Element).remove();
    }
  };
  trim(nodes, /^\s+/);
  trim(nodes.reverse(), /\s+$/);
}

/** Rebuilds the blocks found under a node into `out`, as plain semantic HTML. */
class Rebuild {
  private pending: HTMLElement | null = null;

  constructor(
    private doc: Document,
    private out: HTMLElement,
  ) {}

  private make<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
    return this.doc.createElement(tag);
  }

  /** Ends the paragraph collecting loose inline content, if any. */
  private flush(): void {
    if (this.pending) this.finish(this.pending, this.out);
    this.pending = null;
  }

  private finish(block: Element, into: Element): boolean {
    trimBlock(block);
    if (!hasText(block)) return false;
    into.append(block);
    return true;
  }

  blocks(container: Node, marks: Marks): void {
    for (const child of Array.from(container.childNodes)) {
      if (isText(child)) {
        if (this.pending || /\S/.test(child.data)) this.inline(child, (this.pending ??= this.make('p')), marks);
        continue;
      }
      if (!isElement(child) || isJunk(child)) continue;
      const tag = child.localName;
      const classes = child.getAttribute('class') ?? '';
      if (child.matches(MASTHEAD_FIGURE)) {
        this.flush();
        this.out.append(child.cloneNode(true));
      } else if (child.matches('figure[data-masthead-quote]')) {
        this.flush();
        this.quote(child, child.getAttribute('data-attribution') ?? '');
      } else if (tag === 'p' && /\bMsoTitle\b/.test(classes)) {
        this.textBlock(child, 'h1', marks);
      } else if ((tag === 'p' && /\bMso(Intense)?Quote\b/.test(classes)) || tag === 'blockquote') {
        this.flush();
        this.quote(child, '');
      } else if (tag === 'p') {
        this.textBlock(child, 'p', marks);
      } else if (HEADINGS.has(tag)) {
        this.textBlock(child, tag as 'h1', marks);
      } else if (tag === 'ul' || tag === 'ol') {
        this.flush();
        const list = this.make(tag);
        this.items(child, list, marks);
        if (list.firstChild) this.out.append(list);
      } else if (tag === 'figure') {
        this.flush();
        const quote = child.querySelector('blockquote');
        const caption = child.querySelector('figcaption');
        // A quote in a figure (its figcaption the speaker); any other figure is media, dropped with its caption.
        if (quote) this.quote(quote, caption?.textContent ?? '');
        else this.blocks(child, marksOf(child, marks));
      } else if (tag === 'br' || tag === 'hr') {
        this.flush();
      } else if (CONTAINERS.has(tag) || child.querySelector(BLOCK_SELECTOR)) {
        this.flush();
        this.blocks(child, marksOf(child, marks));
        this.flush();
      } else {
        this.inline(child, (this.pending ??= this.make('p')), marks);
      }
    }
  }

  /** Ends the block since this is the end of the walk. */
  end(): void {
    this.flush();
  }

  private textBlock(src: Element, tag: 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6', marks: Marks): void {
    this.flush();
    const block = this.make(tag);
    this.inlineChildren(src, block, marksOf(src, marks));
    this.finish(block, this.out);
  }

  /** The items of a list, nested lists flattened into it (Docs nests <ul> directly in <ul>). */
  private items(src: Element, list: HTMLElement, marks: Marks): void {
    for (const child of Array.from(src.childNodes)) {
      if (!isElement(child)) continue;
      if (isJunk(child)) continue;
      if (child.localName === 'ul' || child.localName === 'ol') {
        this.items(child, list, marks);
        continue;
      }
      const itemMarks = marksOf(child, marks);
      const p = this.make('p');
      const nested: Element[] = [];
      for (const part of Array.from(child.childNodes)) {
        if (isElement(part) && (part.localName === 'ul' || part.localName === 'ol')) nested.push(part);
        else this.inline(part, p, itemMarks);
      }
      const li = this.make('li');
      if (this.finish(p, li)) list.append(li);
      for (const inner of nested) this.items(inner, list, itemMarks);
    }
  }

  /** A quote is plain text; its attribution comes from a <footer>, a <cite> of its own or the figure's caption. */
  private quote(src: Element, caption: string): void {
    const credits = Array.from(src.children).filter((c) => c.localName === 'footer' || c.localName === 'cite');
    const attribution = cleanAttribution(caption || credits.map((c) => c.textContent ?? '').join(' '));
    const text = this.make('p');
    for (const child of Array.from(src.childNodes)) if (!credits.includes(child as Element)) this.inline(child, text, NO_MARKS);
    const flat = collapseSpaces((text.textContent ?? '').replace(/\s+/g, ' ')).trim();
    if (!flat) return;
    const blockquote = this.make('blockquote');
    blockquote.textContent = flat;
    if (!attribution) {
      this.out.append(blockquote);
      return;
    }
    const figure = this.make('figure');
    figure.setAttribute('data-masthead-quote', '');
    figure.setAttribute('data-attribution', attribution);
    figure.append(blockquote);
    this.out.append(figure);
  }

  private inlineChildren(src: Node, into: Element, marks: Marks): void {
    for (const child of Array.from(src.childNodes)) this.inline(child, into, marks);
  }

  /** Inline content of `node` appended to `into` with the marks in force; blocks met here are run in with a space. */
  private inline(node: Node, into: Element, marks: Marks): void {
    if (isText(node)) {
      this.text(node.data, into, marks);
      return;
    }
    if (!isElement(node) || isJunk(node)) return;
    const tag = node.localName;
    if (tag === 'br') {
      into.append(this.make('br'));
      return;
    }
    const inner = marksOf(node, marks);
    const isBlock = CONTAINERS.has(tag) || node.matches(BLOCK_SELECTOR);
    if (isBlock) this.text(' ', into, NO_MARKS);
    this.inlineChildren(node, into, inner);
    if (isBlock) this.text(' ', into, NO_MARKS);
  }

  private text(data: string, into: Element, marks: Marks): void {
    const text = collapseSpaces(data);
    if (text === '') return;
    let node: Node = this.doc.createTextNode(text);
    if (marks.italic) node = this.wrap('em', node);
    if (marks.bold) node = this.wrap('strong', node);
    if (marks.href) {
      const a = this.wrap('a', node);
      a.setAttribute('href', marks.href);
      node = a;
    }
    into.append(node);
  }

  private wrap<K extends 'em' | 'strong' | 'a'>(tag: K, child: Node): HTMLElementTagNameMap[K] {
    const el = this.make(tag);
    el.append(child);
    return el;
  }
}

/**
 * Word's fake lists: consecutive paragraphs styled `mso-list:lN …` whose marker (`·`, `o`, `1.`) sits in a
 * `<span style="mso-list:Ignore">` become one <ul> or <ol> (levels flattened); the markers are removed.
 */
export function rebuildWordLists(root: Element): void {
  const doc = root.ownerDocument;
  let list: HTMLElement | null = null;
  let lastId = '';
  let last: Element | null = null;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const id = msoListId(p.getAttribute('style'));
    const markers = Array.from(p.querySelectorAll('span')).filter((s) => isMsoListIgnore(s.getAttribute('style')));
    if (!id || !markers.length) continue;
    const marker = markers[0]!.textContent ?? '';
    for (const m of markers) m.remove();
    const style = markerStyle(marker) === 'ordered' ? 'ol' : 'ul';
    if (!list || id !== lastId || previousElement(p) !== last || list.localName !== style) {
      list = doc.createElement(style);
      p.before(list);
    }
    const li = doc.createElement('li');
    list.append(li);
    li.append(p);
    lastId = id;
    last = list;
  }
}

/** The element before `el`, skipping white space and comments (Word's `<![if !supportLists]>`). */
function previousElement(el: Element): Element | null {
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (isElement(n)) return n;
    if (isText(n) && /\S/.test(n.data)) return null;
  }
  return null;
}

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (doc.querySelector('[data-pm-slice]')) return clampPastedHeadings(html);
  rebuildWordLists(doc.body);
  const out = doc.createElement('div');
  const rebuild = new Rebuild(doc, out);
  rebuild.blocks(doc.body, NO_MARKS);
  rebuild.end();
  return clampPastedHeadings(out.innerHTML);
}
