import { describe, expect, it } from 'vitest';
import { socialPost } from './social.ts';

describe('social posts', () => {
  it.each([
    ['https://x.com/meridiannews/status/1790000000000000001', 'x', '1790000000000000001'],
    ['https://twitter.com/meridiannews/status/1790000000000000001/', 'x', '1790000000000000001'],
    ['https://www.youtube.com/watch?v=abcDEF12345&t=30', 'youtube', 'abcDEF12345'],
    ['https://youtu.be/abcDEF12345', 'youtube', 'abcDEF12345'],
    ['https://www.youtube.com/shorts/abcDEF12345', 'youtube', 'abcDEF12345'],
    ['https://t.me/meridian_news/4512', 'telegram', 'meridian_news/4512'],
    ['https://www.instagram.com/p/Cx1yZ2AbCdE/', 'instagram', 'Cx1yZ2AbCdE'],
    ['https://www.instagram.com/reel/Cx1yZ2AbCdE/', 'instagram', 'Cx1yZ2AbCdE'],
    ['https://www.tiktok.com/@meridian.news/video/7301234567890123456', 'tiktok', '7301234567890123456'],
  ])('%s is a %s post', (url, provider, id) => {
    expect(socialPost(url)).toMatchObject({ provider, id });
  });

  it('builds the embed frame on the network’s own origin, with the id only', () => {
    expect(socialPost('https://youtu.be/abcDEF12345')!.frame).toBe('https://www.youtube-nocookie.com/embed/abcDEF12345');
    expect(socialPost('https://t.me/meridian_news/4512')!.frame).toBe('https://t.me/meridian_news/4512?embed=1');
  });

  it.each([
    'https://x.com/meridiannews',
    'https://x.com/meridiannews/status/12"onload=alert(1)',
    'https://evil.example/x.com/a/status/1',
    'https://x.com.evil.example/a/status/1',
    'javascript:alert(1)//x.com/a/status/1',
    'https://www.youtube.com/watch?v=short',
    'https://t.me/joinchat/abc',
    'not a url',
  ])('%s is not a post we embed', (url) => {
    expect(socialPost(url)).toBeNull();
  });
});
