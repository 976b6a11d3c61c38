// The public URL contract (DESIGN.md): article URLs carry the id so a slug or section change is a redirect,
// never a broken link: /{section-path}/{yyyy}/{mm}/{dd}/{id}/{slug}
import type { MediaRef } from './model.ts';

export interface ArticleUrlParts {
  id: number;
  slug: string;
  sectionPath: string;
  firstPublishedAt: string;
}

/** Calendar date (yyyy, mm, dd) of an instant in a time zone. */
// Building an Intl.DateTimeFormat costs far more than using one, and every link on a page needs one.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dateInZone(iso: string, timeZone: string): { yyyy: string; mm: string; dd: string } {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { yyyy: get('year'), mm: get('month'), dd: get('day') };
}

export function articlePath(a: ArticleUrlParts, timeZone: string): string {
  const { yyyy, mm, dd } = dateInZone(a.firstPublishedAt, timeZone);
  return `/${a.sectionPath}/${yyyy}/${mm}/${dd}/${a.id}/${a.slug}`;
}

/** The largest id a row can have (PostgreSQL `integer`, SQLite likewise by our sequences). */
export const MAX_ID = 2 ** 31 - 1;

const ARTICLE_PATH = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{1,15})(?:\/([^/]*))?\/?$/;

/** Recognises an article URL. The slug part is optional so `/…/{id}` also finds the article (and redirects). */
export function parseArticlePath(path: string): { id: number; slug: string } | null {
  const m = ARTICLE_PATH.exec(path);
  if (!m) return null;
  const id = Number(m[5]);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return { id, slug: m[6] ?? '' };
}

const SECTION_PATH = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)\/?$/;

/** Recognises a section URL and returns its slug path ("news/europe"). */
export function parseSectionPath(path: string): string | null {
  const m = SECTION_PATH.exec(path);
  return m ? m[1]! : null;
}

export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;
export const sectionUrlPath = (path: string) => `/${path}`;

/** Where a stored picture file is served. */
export const mediaUrl = (file: string) => `/media/${file}`;

/** The <img src> fallback: the largest JPEG variant when there is one (an original may be AVIF or huge). */
export function fallbackFile(media: MediaRef): string {
  return media.variants.filter((v) => v.format === 'jpeg' && !v.crop).at(-1)?.file ?? media.file;
}
