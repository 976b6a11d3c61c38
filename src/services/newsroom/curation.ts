// Curating the site: collections (Editor's Choice, Top stories) and the section tree.
import { z } from 'zod';
import type { Actor } from '../../domain/permissions.ts';
import { SectionTree } from '../../domain/sections.ts';
import { isSlug } from '../../domain/slug.ts';
import { AppError, invalidInput } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Store } from '../../store/index.ts';
import { authorize } from './content.ts';

const iso = z
  .string()
  .datetime({ offset: true, message: 'must be a date and time with a time zone' })
  .transform((s) => new Date(s).toISOString());

export const collectionItemsSchema = z.object({
  items: z
    .array(
      z.object({ articleId: z.number().int().positive(), startsAt: iso.nullable().default(null), endsAt: iso.nullable().default(null) }),
    )
    .max(50),
});

export const sectionSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  slug: z.string().trim().refine(isSlug, 'must be lower-case letters and digits joined by single hyphens'),
  parentId: z.number().int().positive().nullable().default(null),
  description: z.string().trim().max(300).default(''),
  position: z.number().int().min(0).max(10_000).optional(),
});

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw invalidInput(r.error.issues);
  return r.data;
}

export function curationService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  return {
    async collection(actor: Actor, slug: string) {
      authorize(actor, 'collection.manage');
      const c = await store.collections.bySlug(slug);
      if (!c) throw new AppError('NOT_FOUND', 'There is no such collection.');
      return { ...c, entries: await store.collections.entries(c.id) };
    },

    /** Replaces a collection's entries in the given order; the home page follows on the next request. */
    async setCollection(actor: Actor, slug: string, raw: unknown) {
      authorize(actor, 'collection.manage');
      const { items } = parse(collectionItemsSchema, raw);
      const ids = items.map((i) => i.articleId);
      if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', 'items: an article appears twice', { field: 'items' });
      const bad = items.find((i) => i.startsAt && i.endsAt && i.endsAt <= i.startsAt);
      if (bad)
        throw new AppError('INVALID_INPUT', `items: the window for article ${bad.articleId} ends before it starts`, { field: 'items' });
      await store.transaction(async (tx) => {
        const c = await tx.collections.bySlug(slug);
        if (!c) throw new AppError('NOT_FOUND', 'There is no such collection.');
        const found = await tx.editorial.existingIds(ids);
        const missing = ids.find((id) => !found.has(id));
        if (missing) throw new AppError('INVALID_INPUT', `items: no article ${missing}`, { field: 'items' });
        await tx.collections.setItems(c.id, items);
        await tx.audit.record({
          userId: actor.id,
          action: 'collection.changed',
          subject: `collection:${slug}`,
          details: { articleIds: ids },
          at: now(),
        });
      });
      await events.emit('collection.changed', { slug });
    },

    async createSection(actor: Actor, raw: unknown): Promise<number> {
      authorize(actor, 'section.manage');
      const s = parse(sectionSchema, raw);
      const id = await store.transaction(async (tx) => {
        const tree = new SectionTree(await tx.taxonomy.allSections());
        const parent = s.parentId === null ? null : tree.get(s.parentId);
        if (s.parentId !== null && !parent) throw new AppError('INVALID_INPUT', 'parentId: no such section', { field: 'parentId' });
        const path = parent ? `${parent.path}/${s.slug}` : s.slug;
        if (tree.find(path)) throw new AppError('ALREADY_EXISTS', `A section already lives at /${path}.`, { field: 'slug' });
        await tx.taxonomy.dropSectionRedirect(path);
        const siblings = s.parentId === null ? tree.roots() : tree.childrenOf(s.parentId);
        const id = await tx.taxonomy.createSection({
          parentId: s.parentId,
          slug: s.slug,
          path,
          name: s.name,
          description: s.description,
          position: s.position ?? siblings.length,
        });
        await tx.audit.record({ userId: actor.id, action: 'section.created', subject: `section:${id}`, details: { path }, at: now() });
        return id;
      });
      await events.emit('section.changed', { sectionId: id });
      return id;
    },

    /** Renames, moves or reorders a section. Old paths (its own and its descendants') redirect to the new ones. */
    async updateSection(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'section.manage');
      const s = parse(sectionSchema, raw);
      await store.transaction(async (tx) => {
        const tree = new SectionTree(await tx.taxonomy.allSections());
        const current = tree.get(id);
        if (!current) throw new AppError('NOT_FOUND', 'There is no such section.');
        const parent = s.parentId === null ? null : tree.get(s.parentId);
        if (s.parentId !== null && !parent) throw new AppError('INVALID_INPUT', 'parentId: no such section', { field: 'parentId' });
        if (parent && tree.subtreeIds(id).includes(parent.id))
          throw new AppError('INVALID_INPUT', 'parentId: a section cannot move inside itself', { field: 'parentId' });
        const newPath = parent ? `${parent.path}/${s.slug}` : s.slug;
        const clash = tree.find(newPath);
        if (clash && clash.id !== id) throw new AppError('ALREADY_EXISTS', `A section already lives at /${newPath}.`, { field: 'slug' });
        await tx.taxonomy.updateSection(id, {
          parentId: s.parentId,
          slug: s.slug,
          path: newPath,
          name: s.name,
          description: s.description,
          position: s.position ?? current.position,
        });
        if (newPath !== current.path) {
          for (const sub of tree.subtreeIds(id)) {
            const old = tree.get(sub)!.path;
            const moved = newPath + old.slice(current.path.length);
            if (sub !== id) await tx.taxonomy.setSectionPath(sub, moved);
            await tx.taxonomy.dropSectionRedirect(moved);
            await tx.taxonomy.addSectionRedirect(old, sub);
          }
        }
        await tx.audit.record({
          userId: actor.id,
          action: 'section.updated',
          subject: `section:${id}`,
          details: { from: current.path, to: newPath, name: s.name },
          at: now(),
        });
      });
      await events.emit('section.changed', { sectionId: id });
    },
  };
}
