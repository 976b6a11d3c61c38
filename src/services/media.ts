// The media library: upload (checked, with variants), search by alt, caption and credit.
import { can, type Actor } from '../domain/permissions.ts';
import type { EventBus } from '../events/bus.ts';
import { storeUpload } from '../media/upload.ts';
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
});

/** An upload's fields; the API reads them from a multipart body whose `file` part holds the picture. */
export const uploadInput = z.object({
  file: z.instanceof(Buffer).describe('The image; its type is read from its bytes'),
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
});

/** A search of the library: words in the alt text, caption or credit; newest first, a page at a time. */
export const searchMediaQuery = pageQuery(z.number().int()).extend({ q: z.string().max(100).default('') });

const view = (m: MediaRef) => ({
  id: m.id,
  url: mediaUrl(fallbackFile(m)),
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  width: m.width,
  height: m.height,
});

export function mediaService(store: Store, events: EventBus, mediaDir: string, clock: () => Date = () => new Date()) {
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
      return view((await store.media.byIds([id])).get(id)!);
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
      const description = parseWith(describeSchema, raw);
      const done = await store.transaction(async (tx) => {
        const uploader = await tx.media.uploaderOf(id);
        if (uploader === undefined) return false;
        authorize(actor, 'media.edit', { createdBy: uploader });
        const ok = await tx.media.describe(id, description);
        if (ok)
          await tx.audit.record({
            userId: actor.id,
            action: 'media.described',
            subject: `media:${id}`,
            details: description,
            at: clock().toISOString(),
          });
        return ok;
      });
      if (!done) throw new AppError('NOT_FOUND', 'There is no such image.');
      await events.emit('media.changed', { mediaId: id });
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
        (m) => ({ ...view(m), editable: can(actor, 'media.edit', { createdBy: m.uploadedBy }) }),
      );
    },
  };
}
