// The one place that writes raw text into a page: JSON-LD must come back exactly and never leave its <script>.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { JsonLd, serializeJsonLd } from './jsonld.tsx';

const hostile = {
  '@type': 'NewsArticle',
  headline: '</script><script>alert(1)</script>',
  other: '<!-- <script> & </SCRIPT > \u2028\u2029 "quotes" \\ back',
  nested: [{ text: 'a > b && c < d' }],
};

describe('serializeJsonLd', () => {
  it('escapes <, >, &, U+2028 and U+2029 as \\u escapes', () => {
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(text).toContain('\\u0026');
    expect(text).toContain('\\u2028\\u2029');
  });

  it('round-trips through JSON.parse to the very same data', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });

  it('leaves ordinary text readable', () => {
    expect(serializeJsonLd({ '@type': 'Thing', name: 'Café “news”' })).toBe('{"@type":"Thing","name":"Café “news”"}');
  });
});

describe('<JsonLd>', () => {
  it('renders one script element whose whole content parses back to the data', () => {
    const html = renderToString(<JsonLd data={hostile} />);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const m = /^<script type="application\/ld\+json">([^]*)<\/script>$/.exec(html);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1]!)).toEqual(hostile);
  });
});

describe('the audit boundary', () => {
  it('keeps dangerouslySetInnerHTML in src/seo/jsonld.tsx and nowhere else in src', async () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files = (await fs.readdir(src, { recursive: true })).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));
    const users: string[] = [];
    for (const f of files)
      if ((await fs.readFile(path.join(src, f), 'utf8')).includes('dangerouslySetInnerHTML')) users.push(f.split(path.sep).join('/'));
    expect(users).toEqual(['seo/jsonld.tsx']);
  });
});
