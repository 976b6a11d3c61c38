// A very small XML writer for the RSS and Atom feeds. Like the Preact views, nothing is built by pasting text
// into markup: every text node and attribute value goes through `escapeXml`, and characters XML 1.0 cannot carry
// (control characters, lone surrogates) are dropped, so no headline can break a feed. Embedded HTML is written as
// escaped text, never as CDATA, so there is no section terminator to smuggle in. Plain text bound for an element that
// readers render as HTML goes through `htmlOfText` first (see formats.ts for which elements those are).

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  children?: XmlChild[];
}
export type XmlChild = XmlElement | string | null | undefined | false;

/** Element helper: el('title', { type: 'text' }, 'Hello'). Undefined attributes are left out. */
export function el(name: string, attrs?: XmlElement['attrs'], ...children: (XmlChild | XmlChild[])[]): XmlElement {
  return { name, attrs, children: children.flat() };
}

// Tab, newline and carriage return are the only control characters XML 1.0 allows; U+FFFE/U+FFFF and unpaired
// surrogates are not characters at all.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Plain text as HTML source that shows it literally, for elements a reader renders as HTML (RSS <description>,
 * channel and item alike). The writer escapes the result once more for XML, so a reader that decodes the XML and
 * then renders the HTML shows "<b>" as written instead of bold text. HTML needs the same four characters escaped.
 */
export function htmlOfText(text: string): string {
  return escapeXml(text);
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function write(node: XmlElement, depth: number, out: string[]) {
  if (!NAME.test(node.name)) throw new Error(`not an XML name: ${node.name}`);
  const pad = '  '.repeat(depth);
  let open = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`not an XML name: ${key}`);
    open += ` ${key}="${escapeXml(String(value))}"`;
  }
  const children = (node.children ?? []).filter((c): c is XmlElement | string => c !== null && c !== undefined && c !== false);
  if (children.length === 0) {
    out.push(`${pad}${open}/>`);
  } else if (children.every((c) => typeof c === 'string')) {
    out.push(`${pad}${open}>${children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`);
  } else {
    out.push(`${pad}${open}>`);
    for (const child of children) {
      if (typeof child === 'string') out.push(`${pad}  ${escapeXml(child)}`);
      else write(child, depth + 1, out);
    }
    out.push(`${pad}</${node.name}>`);
  }
}

/** A complete UTF-8 XML document. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
