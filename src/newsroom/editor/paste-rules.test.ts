import { describe, expect, it } from 'vitest';
import {
  boldFromWeight,
  cleanAttribution,
  collapseSpaces,
  isMsoListIgnore,
  isPastedHref,
  italicFromStyle,
  declarations,
  looksLikeAd,
  markerStyle,
  msoListId,
  styleFacts,
} from './paste-rules.ts';

describe('paste rules', () => {
  it('reads bold from a font-weight (Docs writes 700 for bold and 400 for normal)', () => {
    expect(['bold', 'bolder', '700', '600', '900', ' BOLD '].map(boldFromWeight)).toEqual([true, true, true, true, true, true]);
    expect(['normal', 'lighter', '400', '500', '100'].map(boldFromWeight)).toEqual([false, false, false, false, false]);
    expect(['', 'inherit', 'var(--w)', undefined, null].map(boldFromWeight)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads italic from a font-style', () => {
    expect(['italic', 'oblique', 'oblique 10deg', 'Italic'].map(italicFromStyle)).toEqual([true, true, true, true]);
    expect(italicFromStyle('normal')).toBe(false);
    expect(['', 'inherit', null].map(italicFromStyle)).toEqual([undefined, undefined, undefined]);
  });

  it('splits a style attribute into declarations, minding quotes and parentheses', () => {
    expect(declarations(`Font-Weight: 700 !important; font:7.0pt "Times;New Roman"; background:url(a;b.png);;mso-list:Ignore`)).toEqual([
      ['font-weight', '700'],
      ['font', '7.0pt "Times;New Roman"'],
      ['background', 'url(a;b.png)'],
      ['mso-list', 'Ignore'],
    ]);
    expect(declarations(null)).toEqual([]);
  });

  it('reads marks and visibility from a style attribute, later declarations winning', () => {
    expect(styleFacts('font-weight:700;font-style:italic')).toEqual({ hidden: false, bold: true, italic: true });
    expect(styleFacts('font-weight:normal;')).toEqual({ hidden: false, bold: false });
    // Word's mso-bidi-* properties say nothing about the text as shown.
    expect(styleFacts('mso-bidi-font-weight:normal;mso-bidi-font-style:normal')).toEqual({ hidden: false });
    expect(styleFacts('font: italic bold 12px/1.2 serif')).toEqual({ hidden: false, bold: true, italic: true });
    expect(styleFacts('font:7.0pt "Times New Roman"')).toEqual({ hidden: false, bold: false, italic: false });
    expect(styleFacts('font:12px serif; font-weight:800')).toEqual({ hidden: false, bold: true, italic: false });
    expect(styleFacts('display: none').hidden).toBe(true);
    expect(styleFacts('visibility:HIDDEN').hidden).toBe(true);
    expect(styleFacts('display:block;visibility:visible').hidden).toBe(false);
  });

  it("finds Word's list id and marker span in a style attribute", () => {
    expect(msoListId('text-indent:-18.0pt;mso-list:l0 level1 lfo1')).toBe('l0');
    expect(msoListId('margin-left:36pt; mso-list: L12 level2 lfo3')).toBe('l12');
    expect(msoListId('mso-list:none')).toBeUndefined();
    // A property that merely ends in "mso-list" is not one.
    expect(msoListId('x-mso-list:l1 level1 lfo1')).toBeUndefined();
    expect(msoListId(null)).toBeUndefined();
    expect(isMsoListIgnore('mso-list:Ignore')).toBe(true);
    expect(isMsoListIgnore('font-family:Symbol; mso-list: ignore')).toBe(true);
    expect(isMsoListIgnore('mso-list:l0 level1 lfo1')).toBe(false);
  });

  it('tells numbered Word markers from bullets', () => {
    for (const m of ['1.', '12.', '3)', 'a.', 'B)', '(iv)', 'xii.', '2.\u00a0\u00a0 ']) expect(markerStyle(m), m).toBe('ordered');
    for (const m of ['·', '•', 'o', '§', '-', '–', '', '1']) expect(markerStyle(m), m).toBe('bullet');
  });

  it('recognises advert slots by class or id, not words that merely start with "ad"', () => {
    expect(looksLikeAd('ad-slot ad-slot--inline', null)).toBe(true);
    expect(looksLikeAd('story ads', '')).toBe(true);
    expect(looksLikeAd(null, 'advert_top')).toBe(true);
    expect(looksLikeAd('dfp-leaderboard', null)).toBe(true);
    expect(looksLikeAd('address admin additional', 'adelaide')).toBe(false);
    expect(looksLikeAd('MsoNormal', 'docs-internal-guid-1')).toBe(false);
  });

  it('collapses runs of spaces and no-break spaces, keeping a single no-break space', () => {
    expect(collapseSpaces('room.\u00a0 Staff')).toBe('room. Staff');
    expect(collapseSpaces('a\u00a0\u00a0\u00a0b')).toBe('a b');
    expect(collapseSpaces('line\r\nwrapped')).toBe('line wrapped');
    expect(collapseSpaces('10\u00a0km')).toBe('10\u00a0km');
  });

  it('cleans an attribution and accepts only web, mail and site-path links', () => {
    expect(cleanAttribution('  — Ines Alvar, union representative ')).toBe('Ines Alvar, union representative');
    expect(cleanAttribution('–\u00a0 A. Person')).toBe('A. Person');
    expect(['https://x.example/a', 'http://x.example', 'mailto:desk@x.example', '/news/a'].every(isPastedHref)).toBe(true);
    expect(
      ['#_Toc170412330', 'javascript:alert(1)', '//evil.example', 'data:text/html,x', 'file:///C:/a', '', null].some(isPastedHref),
    ).toBe(false);
  });
});
