// The media library: upload (checked, with variants), search by alt, caption and credit.
import type { Actor } from '../domain/permissions.ts';
import { storeUpload } from '../media/upload.ts';
import type { Store } from '../store/index.ts';
import { authorize } from './newsroom/content.ts';
import { mediaUrl, fallbackFile } from '../site/format.ts';
import type { MediaRef } from '../domain/model.ts';

const view = (m: MediaRef) => ({ id: m.id, url: mediaUrl(fallbackFile(m)), alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height });

export function mediaService(store: Store, mediaDir: string, clock: () => Date = () => new Date()) {
  return {
    async upload(actor: Actor, file: Buffer, meta: { alt?: string; caption?: string; credit?: string }) {
      authorize(actor, 'media.upload');
      const stored = await storeUpload(mediaDir, file);
      const clip = (v: string | undefined, n: number) => (v ?? '').trim().slice(0, n);
      const id = await store.transaction(async (tx) => {
        const id = await tx.media.create({ ...stored, alt: clip(meta.alt, 500), caption: clip(meta.caption, 1000), credit: clip(meta.credit, 300) }, clock().toISOString());
        await tx.audit.record({ userId: actor.id, action: 'media.uploaded', subject: `media:${id}`, details: { bytes: file.length }, at: clock().toISOString() });
        return id;
      });
      return view((await store.media.byIds([id])).get(id)!);
    },

    async previews(ids: number[]): Promise<Record<string, string>> {
      const media = await store.media.byIds(ids);
      return Object.fromEntries([...media].map(([id, m]) => [String(id), mediaUrl(fallbackFile(m))]));
    },

    async search(actor: Actor, q: string) {
      authorize(actor, 'media.upload');
      return (await store.media.search(q.trim().slice(0, 100), 40)).map(view);
    },
  };
}
