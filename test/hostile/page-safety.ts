// Reads a rendered page the way a browser would (parse5 is the HTML5 parsing algorithm) and lists everything in
// it that could run code: script elements that are not ours, event-handler attributes, script URLs, frames and
// plugins, refresh redirects and base-URL changes. Our own pages have none of these, so any finding is injected.
import { parse } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node; // <template>
  value?: string;
}

/** The scripts our pages load; every other <script> with a src is foreign. */
export const OWN_SCRIPTS = new Set([
  '/assets/site.js',
  '/assets/video.js',
  '/assets/build/editor.js',
  '/assets/newsroom.js',
  '/assets/media-library.js',
]);

/** Elements that never appear in our pages and would load or run something if injected. */
const FOREIGN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'svg', 'math', 'style']);

/** Attributes whose value a browser treats as a URL to navigate to, load, or submit to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'poster',
  'background',
  'srcset',
  'ping',
  'cite',
  'codebase',
]);

/** What browsers do before looking at a URL's scheme: drop leading controls and spaces, and tabs/newlines anywhere. */
function schemeOf(url: string): string {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m ? m[1]!.toLowerCase() : '';
}

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const text = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''));

/**
 * Everything executable in an HTML document, described for an assertion message; empty when the page is clean.
 * `liveDom`: the document is a browser's DOM after our scripts ran, where the editor (Tiptap) has added its
 * own stylesheet element.
 */
export function executableParts(html: string, options: { liveDom?: boolean } = {}): string[] {
  const found: string[] = [];
  const visit = (n: Node) => {
    const tag = n.tagName;
    if (tag) {
      for (const a of n.attrs ?? []) {
        if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}="${a.value.slice(0, 80)}">`);
        if (URL_ATTRIBUTES.has(a.name.toLowerCase())) {
          const scheme = schemeOf(a.value);
          if (scheme === 'javascript' || scheme === 'vbscript' || (scheme === 'data' && !(tag === 'img' || tag === 'source')))
            found.push(`<${tag} ${a.name}="${a.value.slice(0, 80)}">`);
        }
        if (a.name === 'style' && /javascript:|expression\(|url\(/i.test(a.value)) found.push(`<${tag} style="${a.value.slice(0, 80)}">`);
        if (a.name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      }
      const editorStyle = options.liveDom && tag === 'style' && attr(n, 'data-tiptap-style') !== undefined;
      if (FOREIGN_ELEMENTS.has(tag) && !editorStyle) found.push(`<${tag}> element`);
      if (tag === 'meta' && /refresh/i.test(attr(n, 'http-equiv') ?? '')) found.push('<meta http-equiv=refresh>');
      if (tag === 'script') {
        const type = attr(n, 'type');
        const src = attr(n, 'src');
        if (type === 'application/ld+json') {
          if (src !== undefined) found.push('<script type=ld+json src>');
          try {
            JSON.parse(text(n));
          } catch {
            found.push(`JSON-LD block that is not whole JSON (closed early?): ${text(n).slice(0, 120)}`);
          }
        } else if (src === undefined || !OWN_SCRIPTS.has(src) || text(n).trim() !== '') {
          found.push(`<script${type ? ` type="${type}"` : ''}${src !== undefined ? ` src="${src}"` : ''}>${text(n).slice(0, 80)}`);
        }
      }
    }
    for (const c of n.childNodes ?? []) visit(c);
    if (n.content) visit(n.content);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

/** Every text node and attribute value, for checking that a stored string came back as text. */
export function visibleStrings(html: string): { texts: string[]; attributes: string[] } {
  const texts: string[] = [];
  const attributes: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeName === '#text') texts.push(n.value ?? '');
    for (const a of n.attrs ?? []) attributes.push(a.value);
    for (const c of n.childNodes ?? []) visit(c);
  };
  visit(parse(html) as unknown as Node);
  return { texts, attributes };
}
