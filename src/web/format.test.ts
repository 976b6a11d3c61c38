import { describe, expect, it } from 'vitest';
import { formatDateTime, shareLinks } from './format.ts';
import { splitSnippet } from '../services/reader.ts';

describe('share links', () => {
  const url = 'https://news.example/news/europe/2026/11/20/42/talks-resume';
  const links = shareLinks(url, 'Talks & "peace" resume?');

  it('cover X, Facebook, Telegram, WhatsApp, Reddit and e-mail', () => {
    expect(links.map((l) => l.network)).toEqual(['x', 'facebook', 'telegram', 'whatsapp', 'reddit', 'email']);
  });

  it('carry the canonical address, encoded, and nothing that tracks', () => {
    for (const l of links) {
      expect(l.href).toContain(encodeURIComponent(url));
      expect(l.href).not.toMatch(/utm_|fbclid/);
    }
    expect(links.find((l) => l.network === 'x')!.href).toContain(encodeURIComponent('Talks & "peace" resume?'));
  });
});

describe('search snippets', () => {
  it('split into plain and highlighted runs', () => {
    expect(splitSnippet('before \u0001match\u0002 after \u0001two\u0002')).toEqual(['before ', 'match', ' after ', 'two', '']);
    expect(splitSnippet('no match')).toEqual(['no match']);
  });

  it('drop stray markers rather than mis-highlighting', () => {
    expect(splitSnippet('a \u0002 b \u0001c').join('')).toBe('a  b c');
  });
});

describe('dates', () => {
  it('name the time zone', () => {
    expect(formatDateTime('2026-11-20T12:05:00.000Z', 'UTC')).toBe('20 November 2026 at 12:05 UTC');
  });
});
