// The newsroom's HTML form for an article, as plain fields, turned into the API's article input. The rich
// body travels as JSON in a hidden field written by the editor bundle.
import { z } from 'zod';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]);
const ids = (v: unknown) =>
  list(v)
    .filter((x) => /^\d+$/.test(x))
    .map(Number);

export const articleFormSchema = z.object({
  baseRevision: z.coerce.number().int().positive(),
  headline: z.string().default(''),
  standfirst: z.string().default(''),
  slug: z.string().default(''),
  kind: z.string().default('news'),
  primarySectionId: z.coerce.number().int().default(0),
  extraSectionIds: z.unknown().optional(),
  tags: z.string().default(''),
  authorIds: z.unknown().optional(),
  body: z.string().default('[]'),
  heroMediaId: z.string().default(''),
  heroCaption: z.string().default(''),
  heroCredit: z.string().default(''),
  heroAlt: z.string().default(''),
  seoTitle: z.string().default(''),
  seoDescription: z.string().default(''),
  significantUpdate: z.string().optional(),
  videoUrl: z.string().default(''),
  videoType: z.string().default('hls'),
  videoDuration: z.string().default(''),
  videoPosterId: z.string().default(''),
  /** One caption track per line: "language | label | https://…/captions.vtt". */
  videoCaptions: z.string().default(''),
});

/** "1:02:03", "4:05" or "245" → seconds; NaN when malformed (the article schema then names the field). */
export function parseDuration(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return Number.NaN;
  return parts.reduce((total, p) => total * 60 + Number(p), 0);
}

function videoFrom(form: z.output<typeof articleFormSchema>) {
  if (!form.videoUrl.trim()) return null;
  return {
    url: form.videoUrl.trim(),
    type: form.videoType,
    durationSeconds: parseDuration(form.videoDuration),
    posterMediaId: /^\d+$/.test(form.videoPosterId) ? Number(form.videoPosterId) : null,
    captions: form.videoCaptions
      .split('\n')
      .map((line) => line.split('|').map((x) => x.trim()))
      .filter((parts) => parts.some(Boolean))
      .map(([language = '', label = '', url = '']) => ({ language, label, url })),
  };
}

export function formToArticleInput(form: z.output<typeof articleFormSchema>) {
  let body: unknown = [];
  try {
    body = JSON.parse(form.body);
  } catch {
    body = null; // reported by the article schema as "body: expected array"
  }
  return {
    headline: form.headline,
    standfirst: form.standfirst,
    slug: form.slug,
    kind: form.kind,
    primarySectionId: form.primarySectionId,
    extraSectionIds: ids(form.extraSectionIds),
    tags: form.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    authorIds: [...new Set(ids(form.authorIds))],
    body,
    hero: /^\d+$/.test(form.heroMediaId)
      ? { mediaId: Number(form.heroMediaId), caption: form.heroCaption, credit: form.heroCredit, alt: form.heroAlt }
      : null,
    video: videoFrom(form),
    seoTitle: form.seoTitle,
    seoDescription: form.seoDescription,
  };
}
