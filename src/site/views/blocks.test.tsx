import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { bodySchema, type Body } from '../../domain/blocks.ts';
import type { ArticleSummary, MediaRef } from '../../domain/model.ts';
import type { SiteContext } from '../../web/context.ts';
import { BodyView } from './blocks.tsx';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const media = new Map<number, MediaRef>([
  [3, { id: 3, file: 'a/b.jpg', mime: 'image/jpeg', width: 1600, height: 900, alt: '', caption: '', credit: '', variants: [] }],
]);
const render = (body: Body) => renderToString(<BodyView body={body} media={media} />);

describe('body rendering', () => {
  it('renders each block type to its semantic element', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          { text: 'Plain ' },
          { text: 'bold', bold: true },
          { text: 'slanted', italic: true },
          { text: 'link', href: 'https://example.org/x' },
        ],
      },
      { type: 'heading', level: 3, text: 'Sub' },
      { type: 'quote', text: 'Words.', attribution: 'Speaker' },
      { type: 'image', mediaId: 3, alt: 'Alt text', caption: 'Caption', credit: 'Credit' },
      { type: 'list', style: 'ordered', items: [[{ text: 'one' }]] },
    ]);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>slanted</em>');
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">link</a>');
    expect(html).toContain('<h3>Sub</h3>');
    expect(html).toMatch(/<figure class="quote"><blockquote><p>Words.<\/p><\/blockquote><figcaption>— Speaker<\/figcaption><\/figure>/);
    expect(html).toMatch(
      /<figure class="inline-image">.*alt="Alt text".*<figcaption>Caption<span class="credit"> Credit<\/span><\/figcaption>/,
    );
    expect(html).toContain('<ol><li>one</li></ol>');
  });

  it('escapes markup in every text field', () => {
    const html = render([
      { type: 'paragraph', content: [{ text: PAYLOAD, bold: true }] },
      { type: 'heading', level: 2, text: PAYLOAD },
      { type: 'quote', text: PAYLOAD, attribution: PAYLOAD },
      { type: 'image', mediaId: 3, alt: '"><script>x</script>', caption: PAYLOAD, credit: PAYLOAD },
      { type: 'list', style: 'bullet', items: [[{ text: PAYLOAD }]] },
      { type: 'embed', kind: 'link', url: 'https://example.org/"><script>', title: PAYLOAD },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('alt="&quot;>&lt;script>x&lt;/script>"');
  });

  it('leaves out an inline image whose media is gone instead of a broken picture', () => {
    expect(render([{ type: 'image', mediaId: 99, alt: 'gone' }])).toBe('<div class="article-body"></div>');
  });
});

describe('social posts', () => {
  it('render as a card with a plain link and nothing loaded from the network until the reader asks', () => {
    const html = render([
      { type: 'embed', kind: 'social', url: 'https://t.me/meridian_news/4512', title: PAYLOAD, caption: 'From the port' },
    ]);
    expect(html).toContain('<p class="social-network">Post on Telegram</p>');
    expect(html).toContain('<a href="https://t.me/meridian_news/4512" rel="noopener noreferrer">View it on Telegram</a>');
    expect(html).toContain('data-embed-frame="https://t.me/meridian_news/4512?embed=1"');
    expect(html).not.toMatch(/<iframe|<script|<img/);
    expect(html).toContain('&lt;script>');
  });

  it('are refused when the address is not a post of a network we embed', () => {
    const parsed = bodySchema.safeParse([{ type: 'embed', kind: 'social', url: 'https://news.example/a/status/1' }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('a social embed must be the address of a post');
  });
});

describe('news blocks', () => {
  const story: ArticleSummary = {
    id: 17,
    slug: 'ferry-timetable-changes',
    headline: 'Ferry timetable changes for the winter',
    standfirst: '',
    kind: 'news',
    sectionPath: 'news',
    sectionName: 'News',
    firstPublishedAt: '2026-11-02T09:00:00.000Z',
    updatedAt: null,
    hero: null,
  };
  const site = {
    siteName: 'Meridian',
    language: 'en',
    timezone: 'UTC',
    origin: 'https://news.example',
    mirrors: [],
    tvAppUrl: undefined,
    nav: [],
  };
  const card = { type: 'articleLink' as const, articleId: 17, headline: 'Old headline' };

  it('render a pull quote, and a fact box with its title and facts', () => {
    const html = render([
      { type: 'quote', text: 'Words set large.', attribution: 'A skipper', pull: true },
      { type: 'factbox', title: 'In numbers', items: [[{ text: '3 sailings' }], [{ text: PAYLOAD }]] },
    ]);
    expect(html).toContain('<figure class="quote pull-quote">');
    expect(html).toContain('<aside class="factbox" aria-label="In numbers"><p class="factbox-title">In numbers</p><ul><li>3 sailings</li>');
    expect(html).not.toContain('<script>');
  });

  it('render a link card with the linked story as it is now, and nothing for a story that is not published', () => {
    const linked = { articles: new Map([[17, story]]), site: site as SiteContext };
    const html = renderToString(<BodyView body={[card]} media={media} linked={linked} />);
    expect(html).toContain('<aside class="link-card" aria-label="Related story">');
    expect(html).toContain('href="/news/2026/11/02/17/ferry-timetable-changes">Ferry timetable changes for the winter</a>');
    expect(html).not.toContain('Old headline');
    expect(renderToString(<BodyView body={[card]} media={media} linked={{ ...linked, articles: new Map() }} />)).not.toContain('link-card');
  });
});
