// The feed building blocks without HTTP: the XML writer, absolute URLs in content, paths and ids, descriptions.
import { options } from 'preact';
import { renderToString as renderToStringPlain } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { heroImage, renderWithAbsoluteUrls } from './content.tsx';
import { articleFeedId, feedPath, parseSectionFeedPath, tagFeedBase } from '../../domain/feed-urls.ts';
import { mirrorSentence } from './service.ts';
import { readFeed } from './testkit.ts';
import { el, escapeXml, xmlDocument } from './xml.ts';

describe('xml writer', () => {
  it('escapes text and attributes and drops what XML cannot carry', () => {
    expect(escapeXml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t nl\n ok')).toBe('bell nul tab\t nl\n ok');
    expect(escapeXml('lone \uD800 surrogate, pair \uD83D\uDCF0')).toBe('lone  surrogate, pair \uD83D\uDCF0');
    expect(escapeXml(']]> &amp;')).toBe(']]&gt; &amp;amp;');
  });

  it('writes well-formed documents that a strict parser reads back unchanged', async () => {
    const nasty = 'Q&A: <b>"quotes"</b> ]]> \u0001 done';
    const xml = xmlDocument(
      el(
        'rss',
        { version: '2.0' },
        el(
          'channel',
          undefined,
          el('title', undefined, nasty),
          el('link', undefined, 'https://x.example/?a=1&b=2'),
          el('description', undefined, ''),
          el('item', undefined, el('title', { lang: '"x"' }, nasty)),
        ),
      ),
    );
    const feed = await readFeed(xml);
    expect(feed.title).toBe('Q&A: <b>"quotes"</b> ]]>  done');
    expect(feed.link).toBe('https://x.example/?a=1&b=2');
    expect(feed.items[0]!.title).toBe('Q&A: <b>"quotes"</b> ]]>  done');
  });

  it('refuses names that are not XML names', () => {
    expect(() => xmlDocument(el('bad name'))).toThrow(/not an XML name/);
    expect(() => xmlDocument(el('ok', { 'a b': '1' }))).toThrow(/not an XML name/);
  });
});

describe('content with absolute URLs', () => {
  const origin = 'https://mirror-one.example';

  it('makes site-relative href, src and srcset absolute and leaves the rest alone', () => {
    const html = renderWithAbsoluteUrls(
      () => (
        <div>
          <a href="/news">site</a>
          <a href="//cdn.example/x">protocol-relative</a>
          <a href="#notes">fragment</a>
          <a href="mailto:desk@news.example">mail</a>
          <a href="https://elsewhere.example/a">external</a>
          <picture>
            <source srcset="/media/a-480.webp 480w, /media/a-960.webp 960w" />
            <img src="/media/a.jpg" alt="" />
          </picture>
        </div>
      ),
      origin,
    );
    expect(html).toContain(`href="${origin}/news"`);
    expect(html).toContain('href="//cdn.example/x"');
    expect(html).toContain('href="#notes"');
    expect(html).toContain('href="mailto:desk@news.example"');
    expect(html).toContain('href="https://elsewhere.example/a"');
    expect(html).toContain(`srcset="${origin}/media/a-480.webp 480w, ${origin}/media/a-960.webp 960w"`);
    expect(html).toContain(`src="${origin}/media/a.jpg"`);
  });

  it('puts back whatever vnode hook was there, even when rendering throws', () => {
    const seen: string[] = [];
    const previous = options.vnode;
    options.vnode = (v) => void (typeof v.type === 'string' && seen.push(v.type));
    try {
      renderWithAbsoluteUrls(() => <p>x</p>, origin);
      expect(seen).toContain('p');
      const hook = options.vnode;
      const Boom = () => {
        throw new Error('boom');
      };
      expect(() => renderWithAbsoluteUrls(() => <Boom />, origin)).toThrow('boom');
      expect(options.vnode).toBe(hook);
    } finally {
      options.vnode = previous;
    }
    expect(renderWithAbsoluteUrls(() => <a href="/x">x</a>, 'https://a.example')).toBe('<a href="https://a.example/x">x</a>');
    expect(renderToStringPlain(<a href="/x">x</a>)).toBe('<a href="/x">x</a>');
  });

  it('the hero is the largest whole-picture JPEG, else the original', () => {
    const base = { id: 1, file: 'up/a.png', mime: 'image/png', width: 2000, height: 1000, alt: 'Alt', caption: 'Cap', credit: 'Cred' };
    expect(heroImage({ ...base, variants: [] }, origin)).toMatchObject({ url: `${origin}/media/up/a.png`, mime: 'image/png', width: 2000 });
    const variants = [
      { width: 480, height: 240, format: 'jpeg' as const, file: 'up/a-480.jpg' },
      { width: 960, height: 480, format: 'jpeg' as const, file: 'up/a-960.jpg' },
      { width: 960, height: 480, format: 'webp' as const, file: 'up/a-960.webp' },
    ];
    expect(heroImage({ ...base, variants }, origin)).toMatchObject({
      url: `${origin}/media/up/a-960.jpg`,
      mime: 'image/jpeg',
      width: 960,
      height: 480,
    });
    expect(heroImage(null, origin)).toBeNull();
  });
});

describe('paths and ids', () => {
  it('recognises section feed paths', () => {
    expect(parseSectionFeedPath('/news/feed.xml')).toEqual({ sectionPath: 'news', format: 'rss' });
    expect(parseSectionFeedPath('/news/europe/feed.atom')).toEqual({ sectionPath: 'news/europe', format: 'atom' });
    expect(parseSectionFeedPath('/news/europe/feed.json')).toEqual({ sectionPath: 'news/europe', format: 'json' });
    for (const p of ['/feed.xml', '/news/feed.rss', '/news/feed.xml/', '/News/feed.xml', '/news/feed'])
      expect(parseSectionFeedPath(p)).toBeNull();
    expect(feedPath(tagFeedBase('border-talks'), 'json')).toBe('/tag/border-talks/feed.json');
  });

  it('article ids name the primary host and the day of first publication, and nothing else', () => {
    expect(articleFeedId('https://news.example', 42, '2026-11-20T23:30:00.000Z')).toBe('tag:news.example,2026-11-20:article:42');
    expect(articleFeedId('http://localhost:3000', 7, '2026-01-02T00:00:00+00:00')).toBe('tag:localhost,2026-01-02:article:7');
  });

  it('names mirrors in one sentence', () => {
    expect(mirrorSentence([])).toBe('');
    expect(mirrorSentence(['https://a.example'])).toBe('If this site is blocked where you are, you can also reach it at a.example.');
    expect(mirrorSentence(['https://a.example', 'https://b.example:8443', 'https://c.example'])).toContain(
      'a.example, b.example:8443 or c.example.',
    );
  });
});
