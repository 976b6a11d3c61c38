// Presentation helpers with no markup: dates, media URLs, share links.
import type { MediaRef } from '../domain/model.ts';
import { mediaUrl } from '../domain/urls.ts';

/** "29 November 2026, 14:05 UTC" in the newsroom's time zone. */
// Formatters are costly to build and cheap to use: one per (kind, time zone), kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'long' | 'short', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-GB',
      kind === 'long'
        ? { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }
        : { timeZone, day: 'numeric', month: 'short', year: 'numeric' },
    );
    formats.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string, timeZone: string): string {
  return formatter('long', timeZone).format(new Date(iso));
}

/** "29 Nov 2026" for compact listings. */
export function formatDate(iso: string, timeZone: string): string {
  return formatter('short', timeZone).format(new Date(iso));
}

/** Resized copies of the whole picture; fixed-ratio crops (for structured data and social cards) are left out. */
export function srcset(media: MediaRef, format: string): string {
  return media.variants
    .filter((v) => v.format === format && !v.crop)
    .map((v) => `${mediaUrl(v.file)} ${v.width}w`)
    .join(', ');
}

export interface ShareLink {
  network: string;
  label: string;
  href: string;
}

/** Plain share URLs: no third-party script, no tracking parameters, only the canonical address and headline. */
export function shareLinks(canonicalUrl: string, headline: string): ShareLink[] {
  const u = encodeURIComponent(canonicalUrl);
  const t = encodeURIComponent(headline);
  return [
    { network: 'x', label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { network: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { network: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${headline} ${canonicalUrl}`)}` },
    { network: 'reddit', label: 'Reddit', href: `https://www.reddit.com/submit?url=${u}&title=${t}` },
    { network: 'email', label: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
  ];
}

/**
 * How long ago (or how soon) a time is, as a journalist says it: "just now", "12 min ago", "3 h ago", "in 2 h",
 * "1 day ago", "4 days ago", then the date. `now` is the time the page was made.
 */
export function formatRelative(iso: string, now: string, timeZone: string): string {
  const diff = new Date(now).getTime() - new Date(iso).getTime();
  const ahead = diff < 0;
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const say = (n: number, unit: string) => (ahead ? `in ${n} ${unit}` : `${n} ${unit} ago`);
  if (minutes < 1) return ahead ? 'in under a minute' : 'just now';
  if (minutes < 60) return say(minutes, 'min');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return say(hours, 'h');
  const days = Math.floor(hours / 24);
  if (days < 7) return say(days, days === 1 ? 'day' : 'days');
  return formatDate(iso, timeZone);
}
