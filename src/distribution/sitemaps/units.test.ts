// The pure parts: file names, escaping, the news language code, robots.txt, and that what we write validates.
import { describe, expect, it } from 'vitest';
import { pageCount, parseSitemapName, sitemapPath } from './names.ts';
import { newsLanguage, robotsTxt } from './service.ts';
import { sitemapIndex, urlset, xmlText } from './xml.ts';
import { xmllint } from './xmllint.ts';

describe('sitemap file names', () => {
  it('parses and formats each kind, page 1 without a suffix', () => {
    const cases = [
      '/sitemaps/articles-2026-11.xml',
      '/sitemaps/articles-2026-11-2.xml',
      '/sitemaps/articles-1999-01-12.xml',
      '/sitemaps/sections.xml',
      '/sitemaps/tags.xml',
      '/sitemaps/tags-3.xml',
      '/sitemaps/authors.xml',
    ];
    for (const p of cases) {
      const f = parseSitemapName(p.slice('/sitemaps/'.length));
      expect(f, p).not.toBeNull();
      expect(sitemapPath(f!)).toBe(p);
    }
    expect(parseSitemapName('articles-2026-11-2.xml')).toEqual({ kind: 'articles', month: '2026-11', page: 2 });
  });

  it('refuses anything that is not the one name of a file', () => {
    for (const bad of [
      'articles-2026-13.xml',
      'articles-2026-00.xml',
      'articles-2026-1.xml',
      'articles-26-11.xml',
      'articles-2026-11.XML',
      'articles-2026-11-1.xml',
      'articles-2026-11-0.xml',
      'articles-2026-11-02.xml',
      'articles-2026-11-1234567.xml',
      'articles-2026-11.xml.gz',
      'articles-2026-11',
      'sections-2.xml',
      'tags-1.xml',
      'people.xml',
      '../sitemap.xml',
      '',
    ]) {
      expect(parseSitemapName(bad), bad).toBeNull();
    }
  });

  it('counts files for a number of URLs', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => pageCount(n, 2))).toEqual([1, 1, 1, 2, 2, 3]);
    expect(pageCount(50_000, 50_000)).toBe(1);
    expect(pageCount(50_001, 50_000)).toBe(2);
  });
});

describe('sitemap XML', () => {
  it('escapes the five markup characters and drops characters XML cannot carry', () => {
    expect(xmlText(`Fish & chips <b>"quoted"</b> 'single'`)).toBe(
      'Fish &amp; chips &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &apos;single&apos;',
    );
    expect(xmlText('a\u0000b\u0001c\u000bd\ufffee\ud800f\tg\nh')).toBe('abcdef\tg\nh');
    expect(xmlText('Zürich 東京 😀')).toBe('Zürich 東京 😀');
  });

  it('writes a urlset and an index that validate, whatever the text inside', () => {
    const nasty = `&<>"' ]]> <!-- \u0001`;
    const page = urlset(
      [{ loc: 'https://news.example/a?x=1&y=2', lastmod: '2026-11-20T12:00:00.000Z', images: ['https://news.example/media/a.jpg'] }],
      ['image'],
    );
    expect(page).toContain('<loc>https://news.example/a?x=1&amp;y=2</loc>');
    xmllint(page, 'image');
    xmllint(urlset([{ loc: 'https://news.example/' }]), 'sitemap');
    xmllint(sitemapIndex([{ loc: 'https://news.example/sitemaps/sections.xml', lastmod: '2026-11-20T12:00:00.000Z' }]), 'siteindex');
    const news = urlset(
      [
        {
          loc: 'https://news.example/n',
          news: { publicationName: nasty, language: 'en', publicationDate: '2026-11-20T12:00:00.000Z', title: nasty },
        },
      ],
      ['news'],
    );
    xmllint(news, 'news');
    expect(news).toContain('<news:title>&amp;&lt;&gt;&quot;&apos; ]]&gt; &lt;!-- </news:title>');
  });

  it('checks what it claims to check: a wrong document fails validation', () => {
    expect(() =>
      xmllint('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc></url></urlset>', 'sitemap'),
    ).toThrow(/xmllint/);
    expect(() => xmllint('<a><b></a>')).toThrow(/xmllint/);
    const badLanguage = urlset(
      [{ loc: 'https://news.example/n', news: { publicationName: 'X', language: 'en-gb', publicationDate: '2026-11-20', title: 't' } }],
      ['news'],
    );
    expect(() => xmllint(badLanguage, 'news')).toThrow(/language/);
  });
});

describe('news language', () => {
  it('is the ISO 639 primary subtag, with Google’s two Chinese exceptions', () => {
    expect(['en', 'en-GB', 'pt-BR', 'DE', 'fil-PH', 'zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-Hant-HK'].map(newsLanguage)).toEqual([
      'en',
      'en',
      'pt',
      'de',
      'fil',
      'zh-cn',
      'zh-cn',
      'zh-cn',
      'zh-tw',
      'zh-tw',
    ]);
  });
});

describe('robots.txt', () => {
  it('allows the site, keeps crawlers out of the newsroom, API and search, and names both sitemaps', () => {
    expect(robotsTxt('https://news.example').split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /newsroom',
      'Disallow: /api/',
      'Disallow: /search',
      '',
      'Sitemap: https://news.example/sitemap.xml',
      'Sitemap: https://news.example/news-sitemap.xml',
      '',
    ]);
  });
});
