// Tags as managed records: editors rename them (the old address redirects), describe them (the tag page shows
// it) and merge one into another (its articles get the other tag, its address redirects). Every change purges
// the tag's pages and those of the articles that carry it.
import { z } from 'zod';
import type { Actor } from '../../domain/permissions.ts';
import { isSlug, slugify } from '../../domain/slug.ts';
import { AppError } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Store } from '../../store/index.ts';
import { page, pageQuery, parseWith } from '../page.ts';
import { authorize } from './content.ts';
import { mergeSchema } from './people.ts';

export const tagsQuery = pageQuery(z.tuple([z.string().max(200), z.number().int()]), 50).extend({
  q: z.string().trim().max(100).default('').describe('Words in the name or address'),
});

/** A change to a tag. Left out (or empty), the slug stays: a tag keeps its address unless told; so does the description. */
export const tagSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60),
  slug: z
    .string()
    .trim()
    .refine((s) => s === '' || isSlug(s), 'must be lower-case letters and digits joined by single hyphens')
    .optional(),
  description: z.string().trim().max(500).optional(),
});

export function tagsService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  const find = async (id: number) => {
    const t = await store.tags.byId(id);
    if (!t) throw new AppError('NOT_FOUND', 'There is no such tag.');
    return t;
  };
  return {
    /** Tags by name with how many articles carry each, optionally only those matching `q`, a page at a time. */
    async list(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'article.view');
      const { q, cursor, limit } = parseWith(tagsQuery, raw);
      return page(await store.tags.page({ q, after: cursor, limit: limit + 1 }), limit, (t) => [t.name, t.id]);
    },

    /** One tag with how many articles (any status) carry it, for the newsroom's edit page. */
    async get(actor: Actor, id: number) {
      authorize(actor, 'tag.manage');
      return { ...(await find(id)), articleCount: await store.tags.articleCount(id) };
    },

    /** The tag at an address (a merge's target, named by the editor), or undefined. */
    async bySlug(actor: Actor, slug: string) {
      authorize(actor, 'tag.manage');
      const s = slugify(slug.trim(), 60);
      return (await store.tags.bySlug(s)) ?? (await store.tags.bySlug(slug.trim()));
    },

    async update(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'tag.manage');
      const t = parseWith(tagSchema, raw);
      const oldSlug = await store.transaction(async (tx) => {
        const current = await tx.tags.byId(id);
        if (!current) throw new AppError('NOT_FOUND', 'There is no such tag.');
        const slug = t.slug || current.slug;
        if (slug !== current.slug && (await tx.tags.bySlug(slug)))
          throw new AppError('ALREADY_EXISTS', `There is already a tag at /tag/${slug}; merge into it instead.`, { field: 'slug' });
        const change = { slug, name: t.name, description: t.description ?? current.description };
        await tx.tags.update(id, change);
        if (slug !== current.slug) await tx.tags.addRedirect(current.slug, id);
        await tx.audit.record({ userId: actor.id, action: 'tag.changed', subject: `tag:${id}`, details: change, at: now() });
        return current.slug;
      });
      await events.emit('tag.changed', { tagId: id, oldSlugs: [oldSlug] });
    },

    /** Merges tag `id` into `intoId`: its articles carry the other tag (once), its address redirects there. */
    async merge(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'tag.manage');
      const { intoId } = parseWith(mergeSchema, raw);
      if (intoId === id) throw new AppError('INVALID_INPUT', 'intoId: a tag cannot be merged into itself', { field: 'intoId' });
      const from = await store.transaction(async (tx) => {
        const source = await tx.tags.byId(id);
        if (!source) throw new AppError('NOT_FOUND', 'There is no such tag.');
        const into = await tx.tags.byId(intoId);
        if (!into) throw new AppError('INVALID_INPUT', `intoId: there is no tag ${intoId}`, { field: 'intoId' });
        await tx.tags.merge(source, intoId);
        await tx.audit.record({
          userId: actor.id,
          action: 'tag.merged',
          subject: `tag:${id}`,
          details: { from: { id, slug: source.slug, name: source.name }, into: { id: intoId, slug: into.slug } },
          at: now(),
        });
        return source;
      });
      await events.emit('tag.changed', { tagId: intoId, oldSlugs: [from.slug] });
      return { id: intoId };
    },
  };
}
