// The string-level rules of the paste cleaner (paste.ts): what counts as bold or italic in an inline style, what a
// Word list marker says about its list, which class names mark an advert, how pasted whitespace is tidied. Pure and
// DOM-free, so they are unit-tested in Node (paste-rules.test.ts); paste.ts applies them while walking the DOM.

/** A CSS font-weight value as a mark: true for bold, false for an explicit normal weight, undefined when unset or unknown. */
export function boldFromWeight(value: string | null | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'bold' || v === 'bolder') return true;
  if (v === 'normal' || v === 'lighter') return false;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) >= 600;
  return undefined;
}

/** A CSS font-style value as a mark: true for italic/oblique, false for normal, undefined when unset or unknown. */
export function italicFromStyle(value: string | null | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'italic' || v.startsWith('oblique')) return true;
  if (v === 'normal') return false;
  return undefined;
}

/** What an inline style attribute says about marks and visibility. Unset marks are undefined. */
export interface StyleFacts {
  bold?: boolean;
  italic?: boolean;
  hidden: boolean;
}

/** `a:b; c:"d;e"` → [['a','b'], ['c','"d;e"']]: names lower-cased, `!important` dropped, quotes and parentheses respected. */
export function declarations(style: string | null | undefined): [string, string][] {
  const out: [string, string][] = [];
  let part = '';
  let quote = '';
  let depth = 0;
  const push = () => {
    const colon = part.indexOf(':');
    if (colon > 0) {
      const name = part.slice(0, colon).trim().toLowerCase();
      const value = part
        .slice(colon + 1)
        .replace(/!\s*important\s*$/i, '')
        .trim();
      if (name) out.push([name, value]);
    }
    part = '';
  };
  for (const ch of style ?? '') {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      push();
      continue;
    }
    part += ch;
  }
  push();
  return out;
}

/** The weight and style set by a `font` shorthand (which resets both to normal when it does not name them). */
function fontShorthand(value: string): { bold: boolean; italic: boolean } {
  let bold = false;
  let italic = false;
  for (const token of value.toLowerCase().split(/\s+/)) {
    // The size (with a unit, a percentage or a keyword) ends the part that may name weight and style.
    if (/^[\d.]+(px|pt|pc|em|rem|ex|ch|%|vw|vh|cm|mm|in|q)(\/.*)?$/.test(token) || /(small|medium|large)$/.test(token)) break;
    const weight = boldFromWeight(token);
    if (weight !== undefined) bold = weight;
    if (italicFromStyle(token)) italic = true;
  }
  return { bold, italic };
}

/**
 * Marks and visibility from a style attribute, read as text: the browser's own parser (element.style) cannot be
 * used, because a page whose Content-Security-Policy forbids inline styles (the newsroom's) leaves it empty for
 * documents it parses. Later declarations win, as in CSS; mso-* and every other property are ignored.
 */
export function styleFacts(style: string | null | undefined): StyleFacts {
  const facts: StyleFacts = { hidden: false };
  for (const [name, value] of declarations(style)) {
    if (name === 'font-weight') facts.bold = boldFromWeight(value) ?? facts.bold;
    else if (name === 'font-style') facts.italic = italicFromStyle(value) ?? facts.italic;
    else if (name === 'font') Object.assign(facts, fontShorthand(value));
    else if ((name === 'display' && value.toLowerCase() === 'none') || (name === 'visibility' && value.toLowerCase() === 'hidden')) {
      facts.hidden = true;
    }
  }
  return facts;
}

/** Word's list paragraphs carry `mso-list:l0 level1 lfo1` in their style; this returns the list's id (`l0`). */
export function msoListId(style: string | null | undefined): string | undefined {
  const match = /(?:^|;)\s*mso-list\s*:\s*(l\d+)\b/i.exec(style ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The marker span Word writes before a fake list item's text: `<span style="mso-list:Ignore">`. */
export function isMsoListIgnore(style: string | null | undefined): boolean {
  return /(?:^|;)\s*mso-list\s*:\s*ignore\b/i.test(style ?? '');
}

/** The list style a Word marker implies: `1.`, `a)`, `(iv)`, `12.` are ordered; `·`, `•`, `o`, `§`, `-` are bullets. */
export function markerStyle(marker: string): 'ordered' | 'bullet' {
  const m = marker.replace(/[\s\u00a0]+/g, '');
  return /^\(?(\d{1,4}|[a-z]|[ivxlcdm]{1,6})[.)]$/i.test(m) ? 'ordered' : 'bullet';
}

/** Class-name or id tokens of advertising slots on news sites: `ad`, `ads`, `ad-slot`, `advert`, `dfp-…`, `sponsored`. */
export function isAdToken(token: string): boolean {
  return /^(ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|sponsor|sponsored|promo|dfp|gpt-ad|google-ad)(?:[-_].*)?$/i.test(
    token,
  );
}

/** True when a class attribute or id names an advertising slot. */
export function looksLikeAd(classNames: string | null | undefined, id: string | null | undefined): boolean {
  return [...(classNames ?? '').split(/\s+/), id ?? ''].some((token) => token !== '' && isAdToken(token));
}

/** Pasted text: any run of two or more spaces, tabs, newlines or no-break spaces (Word's `&nbsp; `) becomes one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]{2,}/g, ' ');
}

/** An attribution as pasted under a quote (`— Ana Ruiz, mayor`): no leading dash, no surrounding space. */
export function cleanAttribution(text: string): string {
  return collapseSpaces(text)
    .replace(/^[\s\u00a0\u2014\u2013\u2015\u2012~-]+/, '')
    .trim();
}

/** Links that survive a paste: http(s), mailto and site paths. `#bookmark` links point into the source document. */
export function isPastedHref(href: string | null | undefined): href is string {
  return typeof href === 'string' && href.length <= 2_048 && /^(https?:\/\/|mailto:|\/(?!\/))/i.test(href.trim());
}
