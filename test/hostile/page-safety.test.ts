// The checker the hostile-input suite relies on must itself catch what it is there to catch.
import { describe, expect, it } from 'vitest';
import { executableParts } from './page-safety.ts';
import { encodeForm, formsOf } from './forms.ts';
import { shareOf, urlEncode } from './payloads.ts';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('executableParts', () => {
  it('finds injected scripts, handlers, script URLs, frames, refreshes and broken JSON-LD', () => {
    const cases = [
      '<script>alert(1)</script>',
      '<script src="//evil.example/x.js"></script>',
      '<script src="/assets/site.js">alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<p title="x" onmouseover="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
      '<a href="&#x6a;avascript:alert(1)">x</a>',
      '<form action="vbscript:x"></form>',
      '<iframe src="https://example.org"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<object data="data:text/html,<script>alert(1)</script>"></object>',
      '<div style="background:url(javascript:alert(1))">',
      '<template><img src=x onerror=alert(1)></template>',
      '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
    ];
    for (const html of cases) expect(executableParts(page(html)).length, html).toBeGreaterThan(0);
    expect(executableParts(page('', '<meta http-equiv="refresh" content="0;url=https://evil.example">'))).not.toEqual([]);
    expect(executableParts(page('', '<base href="https://evil.example/">'))).not.toEqual([]);
  });

  it('passes our own markup: escaped text, site scripts, whole JSON-LD, plain links', () => {
    const html = page(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><a href="/news">News</a><a href="https://example.org/?q=%22%3E">x</a><img src="/media/a.webp" alt="&quot; onerror=&quot;x"><script src="/assets/site.js" defer></script>',
      '<script type="application/ld+json">{"headline":"\\u003c/script\\u003e"}</script>',
    );
    expect(executableParts(html)).toEqual([]);
  });
});

describe('suite helpers', () => {
  it('formsOf reads fields, selected options and named buttons; encodeForm applies changes', () => {
    const html = page(
      '<form method="post" action="/a"><input type="hidden" name="_csrf" value="t"><input name="x" value="1"><textarea name="t">\nhi</textarea>' +
        '<select name="s"><option value="a">A</option><option value="b" selected>B</option></select><input type="checkbox" name="c" value="1">' +
        '<button type="submit" name="op" value="up">Up</button><button type="submit" name="op" value="down">Down</button></form>',
      '',
    );
    const forms = formsOf(html, '/page');
    expect(forms.map((f) => f.fields)).toEqual([
      [
        ['_csrf', 't'],
        ['x', '1'],
        ['t', 'hi'],
        ['s', 'b'],
        ['op', 'up'],
      ],
      [
        ['_csrf', 't'],
        ['x', '1'],
        ['t', 'hi'],
        ['s', 'b'],
        ['op', 'down'],
      ],
    ]);
    expect(encodeForm(forms[0]!.fields, { x: undefined, s: ['1', '2'], extra: '<' })).toBe('_csrf=t&t=hi&s=1&s=2&op=up&extra=%3C');
  });

  it('urlEncode keeps lone surrogates as their WTF-8 bytes; shareOf spreads a list over targets', () => {
    expect(urlEncode('a\ud800/😀')).toBe('a%ED%A0%80%2F%F0%9F%98%80');
    const list = [1, 2, 3, 4, 5];
    expect([0, 1, 2].map((i) => shareOf(list, i, 2))).toEqual([
      [1, 2],
      [3, 4],
      [5, 1],
    ]);
    expect(shareOf(list, 3, 9)).toEqual(list);
  });
});
