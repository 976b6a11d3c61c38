// The inline level of the editor ⇄ stored body conversion: the schema's limits mirrored for the browser, safe
// links, and text runs (bold, italic, link) in both directions. Used by convert.ts for every block type.
import type { JSONContent } from '@tiptap/core';
import type { Inline } from '../../domain/blocks.ts';

/** The maxima of `blockSchema`, mirrored so that docToBlocks can truncate instead of failing. */
export const LIMITS = {
  blocks: 2_000,
  inlineText: 20_000,
  paragraphRuns: 500,
  heading: 500,
  quote: 5_000,
  attribution: 300,
  alt: 500,
  caption: 1_000,
  credit: 300,
  listItems: 200,
  itemRuns: 200,
  url: 2_048,
  title: 300,
  factTitle: 200,
  factItems: 50,
} as const;

/** Same rule as `safeHref`: http(s), mailto, a site path (not `//host`) or a fragment. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= LIMITS.url && /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href);
}

/** An embed URL the schema accepts: absolute http(s), parseable, no stray whitespace. */
export function isEmbedUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > LIMITS.url || url !== url.trim() || /[\t\n\r]/.test(url)) return false;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

export function textNode(run: Inline): JSONContent {
  const marks: NonNullable<JSONContent['marks']> = [];
  if (run.bold) marks.push({ type: 'bold' });
  if (run.italic) marks.push({ type: 'italic' });
  if (run.href) marks.push({ type: 'link', attrs: { href: run.href } });
  return marks.length ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text };
}

export function inlineContent(runs: readonly Inline[] | undefined): JSONContent[] {
  return (runs ?? []).filter((r) => typeof r?.text === 'string' && r.text !== '').map(textNode);
}

export function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  return content.length ? { ...node, content } : node;
}

export function plain(text: string | undefined): JSONContent[] {
  return text ? [{ type: 'text', text }] : [];
}

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function optional(value: unknown, max: number): string | undefined {
  const text = truncate(str(value), max);
  return text === '' ? undefined : text;
}

function sameMarks(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

function pushRun(out: Inline[], run: Inline): void {
  if (run.text === '') return;
  const last = out[out.length - 1];
  if (last && sameMarks(last, run)) last.text += run.text;
  else out.push(run);
}

function runFromText(node: JSONContent): Inline {
  const marks = node.marks ?? [];
  const run: Inline = { text: str(node.text) };
  // Keys in a fixed order (text, bold, italic, href) so the stored JSON diffs cleanly.
  if (marks.some((m) => m.type === 'bold' || m.type === 'strong')) run.bold = true;
  if (marks.some((m) => m.type === 'italic' || m.type === 'em')) run.italic = true;
  const href: unknown = marks.find((m) => m.type === 'link')?.attrs?.href;
  if (isSafeHref(href)) run.href = href;
  return run;
}

/** Collects the inline runs under `node`; textblocks after the first are joined by a space. */
export function collectRuns(nodes: readonly JSONContent[] | undefined, out: Inline[], state = { blocks: 0 }): Inline[] {
  for (const node of nodes ?? []) {
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text') pushRun(out, runFromText(node));
    else if (node.type === 'hardBreak') pushRun(out, { text: ' ' });
    else if (node.content) {
      const isTextblock = node.content.some((c) => c?.type === 'text' || c?.type === 'hardBreak');
      const prev = out[out.length - 1];
      if (isTextblock && state.blocks++ > 0 && prev && !/\s$/.test(prev.text)) pushRun(out, { text: ' ' });
      collectRuns(node.content, out, state);
    }
  }
  return out;
}

/** Truncates each run and folds runs beyond `maxRuns` into one unformatted final run. */
export function limitRuns(runs: Inline[], maxRuns: number): Inline[] {
  if (runs.length > maxRuns) {
    const tail = runs
      .splice(maxRuns - 1)
      .map((r) => r.text)
      .join('');
    const prev = runs[runs.length - 1];
    if (prev && !prev.bold && !prev.italic && !prev.href) prev.text += tail;
    else runs.push({ text: tail });
  }
  return runs.map((r) => ({ ...r, text: truncate(r.text, LIMITS.inlineText) }));
}

export function plainText(node: JSONContent): string {
  return collectRuns(node.content, [])
    .map((r) => r.text)
    .join('');
}
