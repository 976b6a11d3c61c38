// Authors as managed records: the bylines' names, titles and short bios, their photo from the media library and
// their links, which readers see on articles and on each author's page. A changed address (slug) and a merged
// author's address keep working: they redirect to the author's page (store/profiles.ts).
import { z } from 'zod';
import type { Actor } from '../../domain/permissions.ts';
import { personLinksSchema } from '../../domain/people.ts';
import { isSlug, slugify } from '../../domain/slug.ts';
import { MAX_ID } from '../../domain/urls.ts';
import { AppError } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Queries, Store } from '../../store/index.ts';
import { page, pageQuery, parseWith } from '../page.ts';
import { authorize } from './content.ts';

const slugField = z
  .string()
  .trim()
  .refine((s) => s === '' || isSlug(s), 'must be lower-case letters and digits joined by single hyphens');
const mediaId = z.number().int().positive().max(MAX_ID);

/** A change to an author. Fields left out keep their value (slug, photo, links); an empty slug keeps it too. */
export const personSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  title: z.string().trim().max(120).default(''),
  bio: z.string().trim().max(1_000).default(''),
  slug: slugField.optional(),
  photoMediaId: mediaId.nullable().optional(),
  links: personLinksSchema.optional(),
});
/** A new person; the slug is derived from the name when left empty. */
export const newPersonSchema = personSchema.extend({ slug: slugField.default('') });
export const peopleQuery = pageQuery(z.tuple([z.string().max(200), z.number().int()]), 100);
export const mergeSchema = z.object({ intoId: mediaId.describe('The id of the record that remains') });

async function checkPhoto(tx: Queries, id: number | null | undefined) {
  if (id == null) return;
  if (!(await tx.media.byIds([id])).has(id))
    throw new AppError('INVALID_INPUT', `photoMediaId: there is no picture ${id} in the media library`, { field: 'photoMediaId' });
}

export function peopleService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  return {
    /** Everyone who can carry a byline, by name, a page at a time. */
    async list(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'article.view');
      const { cursor, limit } = parseWith(peopleQuery, raw);
      return page(await store.profiles.page({ after: cursor, limit: limit + 1 }), limit, (p) => [p.name, p.id]);
    },

    /** One author with photo and links, for the newsroom's edit page. */
    async get(actor: Actor, id: number) {
      authorize(actor, 'person.manage');
      const p = await store.profiles.byId(id);
      if (!p) throw new AppError('NOT_FOUND', 'There is no such author.');
      return { ...p, bylines: await store.profiles.bylineCount(id) };
    },

    /** Every author by name: the choices of a "merge into" list. */
    async all(actor: Actor) {
      authorize(actor, 'person.manage');
      return store.taxonomy.allPeople();
    },

    async create(actor: Actor, raw: unknown) {
      authorize(actor, 'person.manage');
      const p = parseWith(newPersonSchema, raw);
      const slug = p.slug || slugify(p.name);
      // A name in another script makes no Latin address ("untitled"): ask for one rather than invent it.
      if (!p.slug && slug === 'untitled')
        throw new AppError('INVALID_INPUT', 'slug: give the author page an address in Latin letters and digits', { field: 'slug' });
      return store.transaction(async (tx) => {
        if (await tx.taxonomy.personBySlug(slug))
          throw new AppError('ALREADY_EXISTS', `There is already an author at /author/${slug}; choose another slug.`, { field: 'slug' });
        await checkPhoto(tx, p.photoMediaId);
        const id = await tx.taxonomy.createPerson({ slug, name: p.name, title: p.title, bio: p.bio });
        if (p.photoMediaId != null || p.links?.length)
          await tx.profiles.update(id, {
            slug,
            name: p.name,
            title: p.title,
            bio: p.bio,
            photoMediaId: p.photoMediaId ?? null,
            links: p.links ?? [],
          });
        await tx.audit.record({
          userId: actor.id,
          action: 'person.created',
          subject: `person:${id}`,
          details: { slug, name: p.name },
          at: now(),
        });
        return { id, slug };
      });
    },

    /**
     * Changes what readers see of an author: every page with the byline is purged. A new slug leaves the old
     * address redirecting to the new one.
     */
    async update(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'person.manage');
      const p = parseWith(personSchema, raw);
      const oldSlug = await store.transaction(async (tx) => {
        const current = await tx.profiles.byId(id);
        if (!current) throw new AppError('NOT_FOUND', 'There is no such author.');
        const slug = p.slug || current.slug;
        if (slug !== current.slug && (await tx.taxonomy.personBySlug(slug)))
          throw new AppError('ALREADY_EXISTS', `There is already an author at /author/${slug}; choose another slug.`, { field: 'slug' });
        await checkPhoto(tx, p.photoMediaId);
        const change = {
          slug,
          name: p.name,
          title: p.title,
          bio: p.bio,
          photoMediaId: p.photoMediaId === undefined ? current.photoMediaId : p.photoMediaId,
          links: p.links ?? current.links,
        };
        await tx.profiles.update(id, change);
        if (slug !== current.slug) await tx.profiles.addRedirect(current.slug, id);
        await tx.audit.record({ userId: actor.id, action: 'person.changed', subject: `person:${id}`, details: change, at: now() });
        return current.slug;
      });
      await events.emit('person.changed', { personId: id, oldSlugs: [oldSlug] });
    },

    /**
     * Merges author `id` into `intoId`: its bylines become the other's (once per article, order kept), its
     * address redirects there, and it is removed.
     */
    async merge(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'person.manage');
      const { intoId } = parseWith(mergeSchema, raw);
      if (intoId === id) throw new AppError('INVALID_INPUT', 'intoId: an author cannot be merged into themselves', { field: 'intoId' });
      const from = await store.transaction(async (tx) => {
        const people = await tx.taxonomy.peopleByIds([id, intoId]);
        const source = people.get(id);
        if (!source) throw new AppError('NOT_FOUND', 'There is no such author.');
        const into = people.get(intoId);
        if (!into) throw new AppError('INVALID_INPUT', `intoId: there is no author ${intoId}`, { field: 'intoId' });
        const bylines = await tx.profiles.bylineCount(id);
        await tx.profiles.merge(source, intoId);
        await tx.audit.record({
          userId: actor.id,
          action: 'person.merged',
          subject: `person:${id}`,
          details: { from: { id, slug: source.slug, name: source.name }, into: { id: intoId, slug: into.slug }, bylines },
          at: now(),
        });
        return source;
      });
      // The remaining author's bylines now include every article of the merged one; its old page redirects.
      await events.emit('person.changed', { personId: intoId, oldSlugs: [from.slug] });
      return { id: intoId };
    },
  };
}
