// The media library: upload (checked, with variants), search by alt, caption and credit.
import { can, type Actor } from '../domain/permissions.ts';
import type { EventBus } from '../events/bus.ts';
import { storeUpload } from '../media/upload.ts';
import type { Store } from '../store/index.ts';
import { authorize } from './newsroom/content.ts';
import { mediaUrl, fallbackFile } from '../domain/urls.ts';
import type { MediaRef } from '../domain/model.ts';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors.ts';

export const describeSchema = z.object({
  alt: z.string().trim().min(1, 'alt text is required').max(500),
  caption: z.string().trim().max(1_000).default(''),
  credit: z.string().trim().max(300).default(''),
});

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
    async describe(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'media.edit');
      const r = describeSchema.safeParse(raw ?? {});
      if (!r.success) throw invalidInput(r.error.issues);
      const done = await store.transaction(async (tx) => {
        const uploader = await tx.media.uploaderOf(id);
        if (uploader === undefined) return false;
        authorize(actor, 'media.edit', { createdBy: uploader });
        const ok = await tx.media.describe(id, r.data);
        if (ok)
          await tx.audit.record({
            userId: actor.id,
            action: 'media.described',
            subject: `media:${id}`,
            details: r.data,
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
    async search(actor: Actor, q: string) {
      authorize(actor, 'media.upload');
      const found = await store.media.search(q.trim().slice(0, 100), 40);
      return found.map((m) => ({ ...view(m), editable: can(actor, 'media.edit', { createdBy: m.uploadedBy }) }));
    },
  };
}
