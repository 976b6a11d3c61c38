// Cleans HTML pasted into the body editor (from Word, Google Docs or a web page) before the editor's schema
// parses it, so a paste gives clean blocks: no styles, no stray spans, headings clamped to H2/H3.
import { clampPastedHeadings } from './convert.ts';

export function cleanPastedHtml(html: string): string {
  return clampPastedHeadings(html);
}
