// Static pages (About, Contact, the corrections and ethics policies, Privacy, any other): editors write them in
// the article body editor, publish them at /{slug} and choose whether the site footer lists them. A page may
// fill one well-known role (at most one page each), which the outlet's structured data names. An address may
// never take what the site answers itself (domain/pages.ts RESERVED_PAGE_SLUGS) nor a section's first path
// segment, so a page can never hide a section or a route, and a section wins should one be made later.
import { z } from 'zod';
import { bodySchema } from '../../domain/blocks.ts';
import { PAGE_ROLE_NAMES, PAGE_ROLES, RESERVED_PAGE_SLUGS, type PageRecord, type PageStatus } from '../../domain/pages.ts';
import type { Actor } from '../../domain/permissions.ts';
import { isSlug, slugify } from '../../domain/slug.ts';
import { unstorableText } from '../../domain/text.ts';
import { AppError } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Queries, Store } from '../../store/index.ts';
import type { PageWrite } from '../../store/pages.ts';
import { parseWith } from '../page.ts';
import { authorize } from './content.ts';

/** A page as written: what the API's create and update take, and the newsroom's form becomes. */
export const pageSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  slug: z
    .string()
    .trim()
    .refine((s) => s === '' || isSlug(s), 'must be lower-case letters and digits joined by single hyphens')
    .default('')
    .describe('The address, /{slug}; derived from the title when empty (on a new page), kept when empty (on a change)'),
  summary: z.string().trim().max(500).default('').describe('The line under the title, and the meta description'),
  body: bodySchema.default([]),
  role: z
    .enum(PAGE_ROLES)
    .nullable()
    .default(null)
    .describe('The well-known page this is (at most one page per role); corrections and ethics are named in the structured data'),
  inFooter: z.boolean().default(true).describe('Whether the site footer lists the page (once published)'),
  position: z.number().int().min(0).max(10_000).optional().describe('Its place in the footer, ascending; a new page goes last'),
});
export type PageInput = z.output<typeof pageSchema>;

/** Which facts of a page every page's footer (and the outlet's structured data) shows. */
const footerFacts = (p: Pick<PageRecord, 'slug' | 'title' | 'role' | 'inFooter' | 'position' | 'status'>) =>
  JSON.stringify([p.slug, p.title, p.role, p.inFooter, p.position, p.status]);

function storable(input: PageInput): PageInput {
  const bad = unstorableText(input);
  if (bad) throw new AppError('INVALID_INPUT', `${bad.field}: ${bad.problem}`, { field: bad.field.split('.')[0]! });
  return input;
}

/** Refuses an address the site answers otherwise, or that another page has; a role another page fills. */
async function checkPlace(tx: Queries, id: number | null, slug: string, role: PageInput['role']) {
  if (RESERVED_PAGE_SLUGS.has(slug))
    throw new AppError('INVALID_INPUT', `slug: /${slug} is an address the site uses itself; choose another`, { field: 'slug' });
  const sections = await tx.taxonomy.allSections();
  const section = sections.find((s) => s.path.split('/')[0] === slug);
  if (section)
    throw new AppError('INVALID_INPUT', `slug: /${slug} is the address of the section ${section.name}; choose another`, { field: 'slug' });
  const other = await tx.pages.bySlug(slug);
  if (other && other.id !== id)
    throw new AppError('ALREADY_EXISTS', `There is already a page at /${slug} (${other.title}); choose another address.`, {
      field: 'slug',
    });
  if (role) {
    const holder = await tx.pages.byRole(role);
    if (holder && holder.id !== id)
      throw new AppError(
        'ALREADY_EXISTS',
        `The page “${holder.title}” is already the ${PAGE_ROLE_NAMES[role].toLowerCase()} page; change its role first.`,
        { field: 'role' },
      );
  }
}

async function checkMedia(tx: Queries, input: PageInput) {
  const ids = input.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
  const media = await tx.media.byIds(ids);
  const missing = ids.find((m) => !media.has(m));
  if (missing) throw new AppError('INVALID_INPUT', `body: no image ${missing} in the media library`, { field: 'body' });
}

export function pagesService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();
  const find = async (tx: Queries, id: number) => {
    const p = await tx.pages.byId(id);
    if (!p) throw new AppError('NOT_FOUND', 'There is no such page.');
    return p;
  };
  const write = (p: PageInput, slug: string, position: number): PageWrite => ({
    slug,
    title: p.title,
    summary: p.summary,
    body: JSON.stringify(p.body),
    role: p.role,
    inFooter: p.inFooter,
    position,
  });

  async function setStatus(actor: Actor, id: number, status: PageStatus) {
    authorize(actor, 'page.manage');
    const { before, after } = await store.transaction(async (tx) => {
      const current = await find(tx, id);
      if (current.status !== status) {
        await tx.pages.setStatus(id, status, now());
        await tx.audit.record({
          userId: actor.id,
          action: status === 'published' ? 'page.published' : 'page.unpublished',
          subject: `page:${id}`,
          details: { slug: current.slug, title: current.title },
          at: now(),
        });
      }
      return { before: current, after: (await tx.pages.byId(id))! };
    });
    if (before.status !== after.status) await events.emit('page.changed', { pageId: id, slugs: [after.slug], footer: true });
    return after;
  }

  return {
    /** Every page, in footer order: the newsroom's list (a site has tens of pages, so one list, no paging). */
    async list(actor: Actor) {
      authorize(actor, 'page.manage');
      return { items: await store.pages.all() };
    },

    async get(actor: Actor, id: number) {
      authorize(actor, 'page.manage');
      return find(store, id);
    },

    /** A new page, a draft; its address comes from the title when none is given. */
    async create(actor: Actor, raw: unknown) {
      authorize(actor, 'page.manage');
      const p = storable(parseWith(pageSchema, raw));
      const slug = p.slug || slugify(p.title, 60);
      if (!p.slug && slug === 'untitled')
        throw new AppError('INVALID_INPUT', 'slug: give the page an address in Latin letters and digits', { field: 'slug' });
      const created = await store.transaction(async (tx) => {
        await checkPlace(tx, null, slug, p.role);
        await checkMedia(tx, p);
        const id = await tx.pages.create({ ...write(p, slug, p.position ?? (await tx.pages.nextPosition())), createdBy: actor.id }, now());
        await tx.audit.record({
          userId: actor.id,
          action: 'page.created',
          subject: `page:${id}`,
          details: { slug, title: p.title },
          at: now(),
        });
        return (await tx.pages.byId(id))!;
      });
      return created;
    },

    /** Changes a page; an empty slug keeps its address, a left-out position keeps its place. */
    async update(actor: Actor, id: number, raw: unknown) {
      authorize(actor, 'page.manage');
      const p = storable(parseWith(pageSchema, raw));
      const { before, after } = await store.transaction(async (tx) => {
        const current = await find(tx, id);
        const slug = p.slug || current.slug;
        await checkPlace(tx, id, slug, p.role);
        await checkMedia(tx, p);
        await tx.pages.update(id, write(p, slug, p.position ?? current.position), now());
        await tx.audit.record({
          userId: actor.id,
          action: 'page.changed',
          subject: `page:${id}`,
          details: {
            slug,
            title: p.title,
            role: p.role,
            inFooter: p.inFooter,
            ...(slug !== current.slug ? { oldSlug: current.slug } : {}),
          },
          at: now(),
        });
        return { before: current, after: (await tx.pages.byId(id))! };
      });
      // Readers see only published pages: a draft's change purges nothing they could have seen, but its old
      // address and the footer still follow when it was published.
      if (before.status === 'published')
        await events.emit('page.changed', {
          pageId: id,
          slugs: [...new Set([before.slug, after.slug])],
          footer: footerFacts(before) !== footerFacts(after),
        });
      return after;
    },

    publish: (actor: Actor, id: number) => setStatus(actor, id, 'published'),
    unpublish: (actor: Actor, id: number) => setStatus(actor, id, 'draft'),

    async remove(actor: Actor, id: number) {
      authorize(actor, 'page.manage');
      const gone = await store.transaction(async (tx) => {
        const current = await find(tx, id);
        await tx.pages.remove(id);
        await tx.audit.record({
          userId: actor.id,
          action: 'page.deleted',
          subject: `page:${id}`,
          details: { slug: current.slug, title: current.title, status: current.status },
          at: now(),
        });
        return current;
      });
      if (gone.status === 'published') await events.emit('page.changed', { pageId: id, slugs: [gone.slug], footer: true });
    },
  };
}
