import { describe, expect, it } from 'vitest';
import { getSchema, type JSONContent } from '@tiptap/core';
import { bodySchema, safeHref, type Body } from '../../domain/blocks.ts';
import { LIMITS, blocksToDoc, clampPastedHeadings, docToBlocks, isSafeHref } from './convert.ts';
import { editorExtensions } from './nodes.ts';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text,
  ...(marks.length
    ? {
        marks: marks.map((m) =>
          m.includes(':') || m.startsWith('/') || m.startsWith('#') ? { type: 'link', attrs: { href: m } } : { type: m },
        ),
      }
    : {}),
});
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

/** docToBlocks, asserting the result is a valid stored body. */
function convert(d: JSONContent): Body {
  const body = docToBlocks(d);
  const parsed = bodySchema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return body;
}

const everyBlock: Body = [
  { type: 'heading', level: 2, text: 'The harbour reopens' },
  {
    type: 'paragraph',
    content: [
      { text: 'Boats ' },
      { text: 'returned', bold: true },
      { text: ' on ' },
      { text: 'Monday', bold: true, italic: true },
      { text: ', says ' },
      { text: 'the port', href: 'https://port.example/news' },
      { text: ' (', italic: true },
      { text: 'contact', italic: true, href: 'mailto:desk@example.com' },
      { text: ', ' },
      { text: 'archive', href: '/archive/2024' },
      { text: ').' },
    ],
  },
  { type: 'heading', level: 3, text: 'What changed' },
  { type: 'quote', text: 'We waited three winters.', attribution: 'A. Fisher, skipper' },
  { type: 'quote', text: 'No attribution here.' },
  { type: 'image', mediaId: 42, alt: 'Boats at dawn', caption: 'The first crossing.', credit: 'Photo: J. Doe' },
  { type: 'image', mediaId: 7, alt: '' },
  { type: 'list', style: 'bullet', items: [[{ text: 'Ferries' }], [{ text: 'Cargo ', bold: true }, { text: 'ships' }]] },
  { type: 'list', style: 'ordered', items: [[{ text: 'First' }], [{ text: 'Second', href: '#section-2' }]] },
  { type: 'embed', kind: 'video', url: 'https://video.example/watch?v=abc', title: 'Harbour film', caption: 'Drone footage' },
  { type: 'embed', kind: 'link', url: 'http://example.org/report' },
  { type: 'embed', kind: 'social', url: 'https://t.me/meridian_news/4512', title: 'The union’s post' },
  { type: 'quote', text: 'The sea does not wait for timetables.', attribution: 'Harbour master', pull: true },
  {
    type: 'factbox',
    title: 'The crossing in numbers',
    items: [[{ text: '3 sailings a day' }], [{ text: '42 km', bold: true }, { text: ' each way' }]],
  },
  { type: 'factbox', items: [[{ text: 'A box with no title' }]] },
  { type: 'articleLink', articleId: 17, headline: 'Ferry timetable changes' },
];

describe('news blocks', () => {
  it('drops a fact box with no facts, and a link card with no story', () => {
    const factbox = { type: 'mastheadFactbox', attrs: { title: 'Empty' }, content: [{ type: 'paragraph' }] };
    const card = { type: 'mastheadArticleLink', attrs: { articleId: 0, headline: 'Nothing' } };
    expect(convert(doc(factbox, card, p(t('kept'))))).toEqual([{ type: 'paragraph', content: [{ text: 'kept' }] }]);
  });

  it('keeps a social kind only for an address of a post on a network it knows', () => {
    const embed = (url: string) => ({ type: 'mastheadEmbed', attrs: { kind: 'social', url, title: '', caption: '' } });
    expect(convert(doc(embed('https://example.org/page')))).toEqual([{ type: 'embed', kind: 'link', url: 'https://example.org/page' }]);
  });
});

describe('round trip', () => {
  it.each(everyBlock.map((b) => [b.type, b] as const))('keeps a %s block', (_type, block) => {
    expect(convert(blocksToDoc([block]))).toEqual([block]);
  });

  it('keeps a body with every block type, in order', () => {
    expect(bodySchema.parse(everyBlock)).toEqual(everyBlock);
    expect(convert(blocksToDoc(everyBlock))).toEqual(everyBlock);
  });

  it('survives the real editor schema (defaults filled in, structure checked)', () => {
    const schema = getSchema(editorExtensions());
    const node = schema.nodeFromJSON(blocksToDoc(everyBlock));
    node.check();
    expect(convert(node.toJSON())).toEqual(everyBlock);
  });

  it('maps an empty body to one empty paragraph and back to []', () => {
    expect(blocksToDoc([])).toEqual(doc({ type: 'paragraph' }));
    expect(convert(blocksToDoc([]))).toEqual([]);
    expect(convert(doc())).toEqual([]);
    expect(convert({ type: 'doc' })).toEqual([]);
  });

  it('adds display-only preview URLs to images without storing them', () => {
    const d = blocksToDoc([{ type: 'image', mediaId: 3, alt: 'x' }], { mediaSrc: (id) => `/media/${id}.jpg` });
    expect(d.content?.[0]?.attrs?.src).toBe('/media/3.jpg');
    expect(convert(d)).toEqual([{ type: 'image', mediaId: 3, alt: 'x' }]);
  });
});

describe('inline runs', () => {
  it('merges adjacent runs with identical marks, whatever the mark order', () => {
    const d = doc(p(t('a'), t('b'), t('c', 'bold', 'italic'), t('d', 'italic', 'bold'), t('e', 'bold')));
    expect(convert(d)).toEqual([
      { type: 'paragraph', content: [{ text: 'ab' }, { text: 'cd', bold: true, italic: true }, { text: 'e', bold: true }] },
    ]);
  });

  it('merges links only when the href matches', () => {
    const d = doc(p(t('one', 'https://a.example'), t(' two', 'https://a.example'), t('three', 'https://b.example')));
    expect(convert(d)).toEqual([
      {
        type: 'paragraph',
        content: [
          { text: 'one two', href: 'https://a.example' },
          { text: 'three', href: 'https://b.example' },
        ],
      },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    '//evil.example/x',
    ' https://x.example',
    'ftp://x.example',
    'vbscript:x',
  ])('strips the unsafe link %s but keeps its text', (href) => {
    const d = doc(p(t('click '), { type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href } }] }, t('!')));
    expect(convert(d)).toEqual([{ type: 'paragraph', content: [{ text: 'click here!' }] }]);
  });

  it('agrees with the schema on which hrefs are safe', () => {
    const samples = [
      'https://a.b',
      'http://a',
      'mailto:x@y',
      '/path',
      '#frag',
      '//host',
      'javascript:x',
      'data:x',
      '',
      'a.html',
      'HTTPS://A.B',
      `https://a.b/${'x'.repeat(2050)}`,
    ];
    for (const href of samples) expect(isSafeHref(href), href).toBe(safeHref.safeParse(href).success);
  });

  it('turns hard breaks into spaces', () => {
    const d = doc(p(t('line one'), { type: 'hardBreak' }, t('line two')), {
      type: 'heading',
      attrs: { level: 2 },
      content: [t('a'), { type: 'hardBreak' }, t('b')],
    });
    expect(convert(d)).toEqual([
      { type: 'paragraph', content: [{ text: 'line one line two' }] },
      { type: 'heading', level: 2, text: 'a b' },
    ]);
  });

  it('drops empty paragraphs, headings and quotes', () => {
    const d = doc(
      p(),
      { type: 'paragraph' },
      p(t('')),
      { type: 'heading', attrs: { level: 2 } },
      { type: 'mastheadQuote', attrs: { attribution: 'Nobody' } },
      p(t('kept')),
    );
    expect(convert(d)).toEqual([{ type: 'paragraph', content: [{ text: 'kept' }] }]);
  });
});

describe('headings', () => {
  it.each([
    [1, 2],
    [2, 2],
    [3, 3],
    [4, 3],
    [6, 3],
    [undefined, 2],
  ])('clamps level %s to %s', (level, expected) => {
    const d = doc({ type: 'heading', attrs: { level }, content: [t('Title', 'bold')] });
    expect(convert(d)).toEqual([{ type: 'heading', level: expected, text: 'Title' }]);
  });

  it('clamps pasted HTML headings', () => {
    expect(clampPastedHeadings('<h1 class="x">A</h1><h2>B</h2><H4>C</H4><h6>D</h6><hr>')).toBe(
      '<h2 class="x">A</h2><h2>B</h2><h3>C</h3><h3>D</h3><hr>',
    );
  });
});

describe('lists', () => {
  it('flattens nested lists into the item runs', () => {
    const nested = { type: 'orderedList', content: [li(p(t('child one'))), li(p(t('child ', 'bold'), t('two', 'bold')))] };
    const d = doc({ type: 'bulletList', content: [li(p(t('parent')), nested), li(p(t('sibling')))] });
    expect(convert(d)).toEqual([
      {
        type: 'list',
        style: 'bullet',
        items: [[{ text: 'parent child one ' }, { text: 'child two', bold: true }], [{ text: 'sibling' }]],
      },
    ]);
  });

  it('drops empty items, and lists with no items at all', () => {
    const d = doc({ type: 'orderedList', content: [li(p()), li(p(t('only')))] }, { type: 'bulletList', content: [li(p())] });
    expect(convert(d)).toEqual([{ type: 'list', style: 'ordered', items: [[{ text: 'only' }]] }]);
  });

  it('splits lists longer than the schema allows', () => {
    const items = Array.from({ length: 450 }, (_, i) => li(p(t(`item ${i}`))));
    const body = convert(doc({ type: 'bulletList', content: items }));
    expect(body.map((b) => (b.type === 'list' ? b.items.length : 0))).toEqual([200, 200, 50]);
  });
});

describe('limits', () => {
  it('truncates over-long strings to the schema maxima', () => {
    const long = (n: number) => 'x'.repeat(n);
    const d = doc(
      p(t(long(25_000))),
      { type: 'heading', attrs: { level: 3 }, content: [t(long(600))] },
      { type: 'mastheadQuote', attrs: { attribution: long(400) }, content: [t(long(6_000))] },
      { type: 'mastheadImage', attrs: { mediaId: 1, alt: long(600), caption: long(1_100), credit: long(400) } },
      { type: 'mastheadEmbed', attrs: { kind: 'link', url: 'https://e.example', title: long(400), caption: long(1_100) } },
    );
    const body = convert(d);
    expect(body).toEqual([
      { type: 'paragraph', content: [{ text: long(LIMITS.inlineText) }] },
      { type: 'heading', level: 3, text: long(LIMITS.heading) },
      { type: 'quote', text: long(LIMITS.quote), attribution: long(LIMITS.attribution) },
      { type: 'image', mediaId: 1, alt: long(LIMITS.alt), caption: long(LIMITS.caption), credit: long(LIMITS.credit) },
      { type: 'embed', kind: 'link', url: 'https://e.example', title: long(LIMITS.title), caption: long(LIMITS.caption) },
    ]);
  });

  it('does not cut a surrogate pair in half', () => {
    const text = `${'a'.repeat(LIMITS.heading - 1)}😀`;
    const [heading] = convert(doc({ type: 'heading', attrs: { level: 2 }, content: [t(text)] }));
    expect(heading).toEqual({ type: 'heading', level: 2, text: 'a'.repeat(LIMITS.heading - 1) });
  });

  it('folds runs beyond the per-paragraph maximum into a final plain run', () => {
    const runs = Array.from({ length: 600 }, (_, i) => t(`w${i} `, i % 2 ? 'bold' : 'italic'));
    const [para] = convert(doc(p(...runs)));
    expect(para?.type === 'paragraph' && para.content.length).toBe(LIMITS.paragraphRuns);
    expect(para?.type === 'paragraph' && para.content.map((r) => r.text).join('')).toBe(runs.map((r) => r.text).join(''));
  });

  it('keeps at most the maximum number of blocks', () => {
    const paras = Array.from({ length: 2_100 }, (_, i) => p(t(`para ${i}`)));
    expect(convert(doc(...paras))).toHaveLength(LIMITS.blocks);
  });
});

describe('invalid or foreign nodes', () => {
  it('drops images without a usable media id and embeds with a bad URL', () => {
    const d = doc(
      { type: 'mastheadImage', attrs: { mediaId: null, alt: 'x' } },
      { type: 'mastheadImage', attrs: { mediaId: -3, alt: 'x' } },
      { type: 'mastheadImage', attrs: { mediaId: 1.5, alt: 'x' } },
      { type: 'mastheadImage', attrs: { mediaId: '12', alt: 'kept' } },
      { type: 'mastheadEmbed', attrs: { kind: 'video', url: 'javascript:alert(1)' } },
      { type: 'mastheadEmbed', attrs: { kind: 'video', url: 'not a url' } },
      { type: 'mastheadEmbed', attrs: { kind: 'iframe', url: ' https://e.example/x ' } },
    );
    expect(convert(d)).toEqual([
      { type: 'image', mediaId: 12, alt: 'kept' },
      { type: 'embed', kind: 'link', url: 'https://e.example/x' },
    ]);
  });

  it('keeps the text of blockquotes, code blocks and unknown wrappers', () => {
    const d = doc(
      { type: 'blockquote', content: [p(t('Quoted ', 'bold')), p(t('twice'))] },
      { type: 'codeBlock', content: [t('let x = 1;')] },
      { type: 'horizontalRule' },
      { type: 'mysteryBox', content: [p(t('inside'))] },
    );
    expect(convert(d)).toEqual([
      { type: 'quote', text: 'Quoted twice' },
      { type: 'paragraph', content: [{ text: 'let x = 1;' }] },
      { type: 'paragraph', content: [{ text: 'inside' }] },
    ]);
  });

  it('always returns a valid body for random garbage', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const pick = <T>(xs: T[]): T => xs[rand(xs.length)] as T;
    const types = [
      'paragraph',
      'heading',
      'mastheadQuote',
      'mastheadImage',
      'mastheadEmbed',
      'bulletList',
      'orderedList',
      'listItem',
      'text',
      'hardBreak',
      'blockquote',
      'weird',
    ];
    const values = ['', ' ', 'x', 'javascript:x', '//h', 'https://ok.example', 0, -1, 5, 9.5, null, 'video'];
    const gen = (depth: number): JSONContent => ({
      type: pick(types),
      text: String(pick(values)),
      attrs: {
        level: pick(values),
        mediaId: pick(values),
        url: pick(values),
        kind: pick(values),
        alt: pick(values),
        attribution: pick(values),
      },
      marks: [{ type: pick(['bold', 'italic', 'link', 'strike']), attrs: { href: pick(values) } }],
      ...(depth > 0 ? { content: Array.from({ length: rand(4) }, () => gen(depth - 1)) } : {}),
    });
    for (let i = 0; i < 300; i++) convert({ type: 'doc', content: Array.from({ length: rand(6) }, () => gen(3)) });
  });
});
