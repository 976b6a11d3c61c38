// Social posts as structured embeds: which network a post's address belongs to, the post's id there, and the
// address of the network's own embed frame. Readers get a card that loads nothing from the network until they ask
// (views/blocks.tsx, public/site.js); the frame's origins are the only third-party frames the site's CSP allows.

export const SOCIAL_PROVIDERS = {
  x: { name: 'X', origin: 'https://platform.twitter.com' },
  youtube: { name: 'YouTube', origin: 'https://www.youtube-nocookie.com' },
  telegram: { name: 'Telegram', origin: 'https://t.me' },
  instagram: { name: 'Instagram', origin: 'https://www.instagram.com' },
  tiktok: { name: 'TikTok', origin: 'https://www.tiktok.com' },
} as const;
export type SocialProvider = keyof typeof SOCIAL_PROVIDERS;

export interface SocialPost {
  provider: SocialProvider;
  /** The provider's name, for the card ("Post on X"). */
  name: string;
  /** The post's id on the network (a status id, a video id, channel/post, a shortcode). */
  id: string;
  /** The network's embed frame for this post. */
  frame: string;
}

const post = (provider: SocialProvider, id: string, frame: string): SocialPost => ({
  provider,
  name: SOCIAL_PROVIDERS[provider].name,
  id,
  frame,
});

/** The social post an address points to, or null when it is not one we know how to embed. */
export function socialPost(address: string): SocialPost | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|mobile\.|m\.)/, '').toLowerCase();
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if ((host === 'x.com' || host === 'twitter.com') && (m = /^\/[A-Za-z0-9_]{1,15}\/status(?:es)?\/(\d{1,25})\/?$/.exec(path)))
    return post('x', m[1]!, `${SOCIAL_PROVIDERS.x.origin}/embed/Tweet.html?id=${m[1]}&dnt=true`);
  const youtube = (id: string) => post('youtube', id, `${SOCIAL_PROVIDERS.youtube.origin}/embed/${id}`);
  if (host === 'youtube.com' && path === '/watch' && /^[\w-]{11}$/.test(url.searchParams.get('v') ?? ''))
    return youtube(url.searchParams.get('v')!);
  if (host === 'youtube.com' && (m = /^\/(?:shorts|embed|live)\/([\w-]{11})\/?$/.exec(path))) return youtube(m[1]!);
  if (host === 'youtu.be' && (m = /^\/([\w-]{11})\/?$/.exec(path))) return youtube(m[1]!);
  if ((host === 't.me' || host === 'telegram.me') && (m = /^\/(?:s\/)?([A-Za-z0-9_]{5,32})\/(\d{1,12})\/?$/.exec(path)))
    return post('telegram', `${m[1]}/${m[2]}`, `${SOCIAL_PROVIDERS.telegram.origin}/${m[1]}/${m[2]}?embed=1`);
  if (host === 'instagram.com' && (m = /^\/(?:p|reel|tv)\/([\w-]{5,40})\/?$/.exec(path)))
    return post('instagram', m[1]!, `${SOCIAL_PROVIDERS.instagram.origin}/p/${m[1]}/embed`);
  if (host === 'tiktok.com' && (m = /^\/@[\w.]{1,30}\/video\/(\d{5,25})\/?$/.exec(path)))
    return post('tiktok', m[1]!, `${SOCIAL_PROVIDERS.tiktok.origin}/embed/v2/${m[1]}`);
  return null;
}
