// What an author's page may link to: a few labelled addresses (website, social profiles, e-mail). Only
// http(s) and mailto addresses are kept, so a link can never run script or reach a local file when clicked.
import { z } from 'zod';
import type { MediaRef, Person, Tag } from './model.ts';

export interface PersonLink {
  label: string;
  url: string;
}

export const MAX_LINKS = 6;

/** http(s) with a host, or mailto with an address; no spaces or control characters anywhere. */
export function isSafeLinkUrl(url: string): boolean {
  if (url.length > 500 || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  if (/^mailto:/i.test(url)) return /^mailto:[^@/?#]+@[^@/?#]+(\?.*)?$/i.test(url);
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const personLinkSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty').max(40),
  url: z.string().trim().refine(isSafeLinkUrl, 'must be an http(s) address or mailto:name@example.org'),
});

export const personLinksSchema = z.array(personLinkSchema).max(MAX_LINKS);

/** Links as stored (JSON text); anything unreadable or unsafe is dropped rather than shown. */
export function parseLinks(json: string): PersonLink[] {
  try {
    const r = personLinksSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

/** An author as their page and the newsroom show them: the byline fields, the photo and the links. */
export interface PersonProfile extends Person {
  photoMediaId: number | null;
  /** The photo's picture, when the library has it. */
  photo: MediaRef | null;
  links: PersonLink[];
}

/** A tag with what its page says about it. */
export interface TagProfile extends Tag {
  description: string;
}
