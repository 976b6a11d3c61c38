// The media library: upload (checked, with variants), search by alt, caption and credit.
import { can, type Actor } from '../domain/permissions.ts';
import type { EventBus } from '../events/bus.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { storeUpload, syncDir, UPLOAD_LIMITS, writeAtomically } from '../media/upload.ts';
import { CROP_RATIOS } from '../domain/model.ts';
import { cropStem, focusedCropFile, renderFocusedCrops, type Focus } from '../media/crops.ts';
import type { LibraryMedia } from '../store/media.ts';
import type { Store } from '../store/index.ts';
import { authorize } from './newsroom/content.ts';
import { mediaUrl, fallbackFile } from '../domain/urls.ts';
import type { MediaRef } from '../domain/model.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { page, pageQuery, parseWith } from './page.ts';

export const describeSchema = z.object({
  alt: z.string().trim().min(1, 'alt text is required').max(500),
  caption: z.string().trim().max(1_000).default(''),
  credit: z.string().trim().max(300).default(''),
  /** The focal point the 16:9, 4:3 and 1:1 crops centre on; left as it is when absent. */
  focusX: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional().describe('From the left edge, 0..1'),
  focusY: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional().describe('From the top edge, 0..1'),
});

/** How many articles (and authors) a picture's page lists as using it. */
export const USED_IN_LIMIT = 50;

/** An upload's fields; the API reads them from a multipart body whose `file` part holds the picture. */
export const uploadInput = z.object({
  file: z.instanceof(Buffer).describe('The image; its type is read from its bytes'),
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

/** A search of the library: words in the alt text, caption or credit; newest first, a page at a time. */
export const searchMediaQuery = pageQuery(z.number().int()).extend({ q: z.string().max(100).default('') });

const view = (m: LibraryMedia) => ({
  id: m.id,
  url: mediaUrl(fallbackFile(m)),
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  width: m.width,
  height: m.height,
  focusX: m.focusX,
  focusY: m.focusY,
});

/**
 * The largest resized copy (not a crop; WebP or JPEG, which every browser shows) at most `maxWidth` wide, else
 * the smallest: a grid's thumbnail with 0, a page's preview with its column's width. The original when none fits.
 */
export function copyOf(m: MediaRef, maxWidth: number): { url: string; width: number; height: number } {
  const resized = m.variants.filter((v) => !v.crop && (v.format === 'jpeg' || v.format === 'webp')).sort((a, b) => a.width - b.width);
  const pick = resized.filter((v) => v.width <= maxWidth).at(-1) ?? resized[0];
  return pick
    ? { url: mediaUrl(pick.file), width: pick.width, height: pick.height }
    : { url: mediaUrl(fallbackFile(m)), width: m.width, height: m.height };
}
export const thumbnailOf = (m: MediaRef) => copyOf(m, 0);

export function mediaService(store: Store, events: EventBus, mediaDir: string, clock: () => Date = () => new Date()) {
  /**
   * The picture's variants with its crops made again around `focus` (undefined: they already are). Synchronous
   * with the request: about 0.1–0.15 s for a 1600×900 picture on a busy two-core machine (three crops, decoded once).
   */
  async function recrop(m: LibraryMedia, focus: Focus) {
    const stem = cropStem(m.file);
    const crops = m.variants.filter((v) => v.crop);
    if (crops.length === CROP_RATIOS.length && CROP_RATIOS.every((r) => crops.some((c) => c.file === focusedCropFile(stem, r, focus))))
      return undefined;
    let original: Buffer;
    try {
      original = await fs.readFile(path.join(mediaDir, m.file));
    } catch {
      return undefined; // the original is gone (an import that lacked it): the focal point is kept, the crops stay
    }
    const made = await renderFocusedCrops(original, m.file, focus, UPLOAD_LIMITS.pixels);
    for (const c of made) await writeAtomically(path.join(mediaDir, c.variant.file), c.bytes);
    await syncDir(path.dirname(path.join(mediaDir, made[0]!.variant.file)));
    return [...m.variants.filter((v) => !v.crop), ...made.map((c) => c.variant)];
  }

  return {
    async upload(actor: Actor, file: Buffer, meta: { alt?: string; caption?: string; credit?: string }) {
      authorize(actor, 'media.upload');
      const stored = await storeUpload(mediaDir, file);
      const clip = (v: string | undefined, n: number) => (v ?? '').trim().slice(0, n);
      const id = await store.transaction(async (tx) => {
        const id = await tx.media.create(
          { ...stored, alt: clip(meta.alt, 500), caption: clip(meta.caption, 1000), credit: clip(meta.credit, 300), uploadedBy: actor.id },
          clock().toISOString(),
        );
        await tx.audit.record({
          userId: actor.id,
          action: 'media.uploaded',
          subject: `media:${id}`,
          details: { bytes: file.length },
          at: clock().toISOString(),
        });
        return id;
      });
      const m = (await store.media.libraryItem(id))!;
      return { ...view(m), editable: true, thumbnail: thumbnailOf(m) };
    },

    /**
     * Changes what the library keeps with an image (its uploader or an editor may); articles keep their own hero
     * caption and credit, but an empty hero credit and body pictures show the library's, so every page showing
     * the picture is purged.
     */
    async uploadRequest(actor: Actor, raw: unknown) {
      const { file, ...meta } = parseWith(uploadInput, raw);
      return this.upload(actor, file, meta);
    },

    async describe(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'media.edit');
      const { focusX, focusY, ...description } = parseWith(describeSchema, raw);
      const current = await store.media.libraryItem(id);
      if (!current) throw new AppError('NOT_FOUND', 'There is no such image.');
      authorize(actor, 'media.edit', { createdBy: current.uploadedBy });
      // To a thousandth, the precision of the crops' file names.
      const round = (v: number) => Math.round(v * 1000) / 1000;
      const focus =
        focusX === undefined && focusY === undefined
          ? undefined
          : { x: round(focusX ?? current.focusX), y: round(focusY ?? current.focusY) };
      // The crops are written before the row names them (under new names), so a reader never sees a missing file.
      const variants = focus && (await recrop(current, focus));
      const done = await store.transaction(async (tx) => {
        const uploader = await tx.media.uploaderOf(id);
        if (uploader === undefined) return false;
        authorize(actor, 'media.edit', { createdBy: uploader });
        const ok = await tx.media.describe(id, description);
        if (ok && focus) await tx.media.setFocus(id, focus, variants ?? current.variants);
        if (ok)
          await tx.audit.record({
            userId: actor.id,
            action: 'media.described',
            subject: `media:${id}`,
            details: focus ? { ...description, focusX: focus.x, focusY: focus.y } : description,
            at: clock().toISOString(),
          });
        return ok;
      });
      if (!done) throw new AppError('NOT_FOUND', 'There is no such image.');
      await events.emit('media.changed', { mediaId: id });
    },

    /** One picture of the library with its crops and where it is used (any article status, authors' photos). */
    async item(actor: Actor, id: number) {
      authorize(actor, 'media.upload');
      const m = await store.media.libraryItem(id);
      if (!m) throw new AppError('NOT_FOUND', 'There is no such image.');
      const usedIn = await store.media.usedIn(id, USED_IN_LIMIT);
      return {
        ...view(m),
        editable: can(actor, 'media.edit', { createdBy: m.uploadedBy }),
        thumbnail: thumbnailOf(m),
        preview: copyOf(m, 960),
        crops: CROP_RATIOS.flatMap((ratio) => {
          const c = m.variants.find((v) => v.crop === ratio);
          return c ? [{ ratio, url: mediaUrl(c.file), width: c.width, height: c.height }] : [];
        }),
        usedIn,
      };
    },

    async previews(ids: number[]): Promise<Record<string, string>> {
      const media = await store.media.byIds(ids);
      return Object.fromEntries([...media].map(([id, m]) => [String(id), mediaUrl(fallbackFile(m))]));
    },

    /** Library pictures matching `q`, each saying whether this user may describe it. */
    async search(actor: Actor, raw: unknown) {
      authorize(actor, 'media.upload');
      const { q, cursor, limit } = parseWith(searchMediaQuery, raw);
      const found = await store.media.search(q.trim(), limit + 1, cursor);
      return page(
        found,
        limit,
        (m) => m.id,
        (m) => ({ ...view(m), editable: can(actor, 'media.edit', { createdBy: m.uploadedBy }), thumbnail: thumbnailOf(m) }),
      );
    },
  };
}
