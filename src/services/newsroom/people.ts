// Authors as managed records: the bylines' names, titles and short bios, which readers see on articles and on
// each author's page. A person's slug is their page's address and stays when the name changes.
import { z } from 'zod';
import type { Actor } from '../../domain/permissions.ts';
import { isSlug, slugify } from '../../domain/slug.ts';
import { AppError } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Store } from '../../store/index.ts';
import { page, pageQuery, parseWith } from '../page.ts';
import { authorize } from './content.ts';

export const personSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  title: z.string().trim().max(120).default(''),
  bio: z.string().trim().max(1_000).default(''),
});
/** A new person; the slug is derived from the name when left empty. */
export const newPersonSchema = personSchema.extend({
  slug: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isSlug(s), 'must be lower-case letters and digits joined by single hyphens'),
});
export const peopleQuery = pageQuery(z.tuple([z.string().max(200), z.number().int()]), 100);

export function peopleService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  return {
    /** Everyone who can carry a byline, by name, a page at a time. */
    async list(actor: Actor, raw: unknown = {}) {
      authorize(actor, 'article.view');
      const { cursor, limit } = parseWith(peopleQuery, raw);
      return page(await store.taxonomy.people({ after: cursor, limit: limit + 1 }), limit, (p) => [p.name, p.id]);
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
        const id = await tx.taxonomy.createPerson({ slug, name: p.name, title: p.title, bio: p.bio });
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

    /** Changes the name, title or bio: every page with the byline is purged. */
    async update(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'person.manage');
      const p = parseWith(personSchema, raw);
      const done = await store.transaction(async (tx) => {
        if (!(await tx.taxonomy.updatePerson(id, p))) return false;
        await tx.audit.record({ userId: actor.id, action: 'person.changed', subject: `person:${id}`, details: p, at: now() });
        return true;
      });
      if (!done) throw new AppError('NOT_FOUND', 'There is no such author.');
      await events.emit('person.changed', { personId: id });
    },
  };
}
