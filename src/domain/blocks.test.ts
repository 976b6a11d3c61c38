import { describe, expect, it } from 'vitest';
import { blockSchema, bodyMediaIds, bodySchema, bodyText, parseBody, type Body } from './blocks.ts';

const body: Body = [
  { type: 'paragraph', content: [{ text: 'Talks ' }, { text: 'resumed', bold: true }, { text: ' today.', href: 'https://example.org/a' }] },
  { type: 'heading', level: 2, text: 'What happens next' },
  { type: 'quote', text: 'We will keep talking.', attribution: 'A negotiator' },
  { type: 'image', mediaId: 7, alt: 'A hall', caption: 'The hall', credit: 'File photo' },
  { type: 'list', style: 'bullet', items: [[{ text: 'first' }], [{ text: 'second' }]] },
  { type: 'embed', kind: 'video', url: 'https://video.example/v/1', title: 'The briefing' },
];

describe('body blocks', () => {
  it('accepts every block type and round-trips through JSON', () => {
    expect(parseBody(JSON.stringify(body))).toEqual(body);
  });

  it('extracts plain text for search, including quote attributions, captions and list items', () => {
    const text = bodyText(body);
    for (const part of ['Talks resumed today.', 'What happens next', 'A negotiator', 'The hall', 'second', 'The briefing']) {
      expect(text).toContain(part);
    }
  });

  it('lists the media used by inline images', () => {
    expect(bodyMediaIds(body)).toEqual([7]);
  });

  it('refuses links that could run script or load data', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', '//evil.example/x', 'vbscript:x']) {
      const result = blockSchema.safeParse({ type: 'paragraph', content: [{ text: 'x', href }] });
      expect(result.success, href).toBe(false);
    }
  });

  it('accepts web, mail, site-relative and fragment links', () => {
    for (const href of ['https://example.org', 'http://example.org/a?b=c', 'mailto:desk@example.org', '/news/europe', '#top']) {
      expect(blockSchema.safeParse({ type: 'paragraph', content: [{ text: 'x', href }] }).success, href).toBe(true);
    }
  });

  it('refuses unknown block types, bad heading levels and non-http embeds', () => {
    expect(bodySchema.safeParse([{ type: 'html', html: '<b>x</b>' }]).success).toBe(false);
    expect(bodySchema.safeParse([{ type: 'heading', level: 1, text: 'x' }]).success).toBe(false);
    expect(bodySchema.safeParse([{ type: 'embed', kind: 'link', url: 'javascript:alert(1)' }]).success).toBe(false);
    expect(bodySchema.safeParse([{ type: 'list', style: 'bullet', items: [] }]).success).toBe(false);
  });
});
