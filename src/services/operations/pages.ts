// Operations on static pages (About, Contact, policies…): list, read, create, change, publish, take back, delete.
import { z } from 'zod';
import { bodySchema } from '../../domain/blocks.ts';
import { PAGE_ROLES, PAGE_STATUSES, type PageRecord } from '../../domain/pages.ts';
import { pageSchema } from '../newsroom/pages.ts';
import { idKey, ok } from './models.ts';
import { defineOperation } from './operation.ts';

const time = z.string().describe('ISO 8601 time');

/** A page as the API answers it. */
export const pageModel = z.object({
  id: z.number().int().positive(),
  slug: z.string().describe('The page is at /{slug}'),
  title: z.string(),
  summary: z.string(),
  body: bodySchema,
  role: z.enum(PAGE_ROLES).nullable(),
  status: z.enum(PAGE_STATUSES),
  inFooter: z.boolean(),
  position: z.number().int(),
  createdAt: time,
  updatedAt: time,
  publishedAt: time.nullable(),
  createdBy: z.number().int().nullable(),
});

const present = (p: PageRecord) => p;

export const pageOperations = {
  listPages: defineOperation({
    summary: 'Every static page (any status), in footer order',
    permission: 'page.manage',
    output: z.object({ items: z.array(pageModel) }),
    run: async (s, actor) => ({ items: (await s.pages.list(actor)).items.map(present) }),
  }),
  getPage: defineOperation({
    summary: 'A static page with its body',
    permission: 'page.manage',
    key: idKey,
    output: pageModel,
    run: async (s, actor, _, id) => present(await s.pages.get(actor, id)),
  }),
  createPage: defineOperation({
    summary: 'Add a static page, a draft (its address comes from the title when no slug is given; never a section’s or the site’s own)',
    permission: 'page.manage',
    input: pageSchema,
    output: pageModel,
    status: 201,
    run: async (s, actor, input) => present(await s.pages.create(actor, input)),
  }),
  updatePage: defineOperation({
    summary: 'Change a static page: title, address, summary, body, role, footer place (a published page’s readers see it at once)',
    permission: 'page.manage',
    key: idKey,
    input: pageSchema,
    output: pageModel,
    run: async (s, actor, input, id) => present(await s.pages.update(actor, id, input)),
  }),
  publishPage: defineOperation({
    summary: 'Publish a static page at /{slug} (the footer lists it when it is in the footer)',
    permission: 'page.manage',
    key: idKey,
    output: pageModel,
    run: async (s, actor, _, id) => present(await s.pages.publish(actor, id)),
  }),
  unpublishPage: defineOperation({
    summary: 'Take a static page back to draft: readers no longer see it',
    permission: 'page.manage',
    key: idKey,
    output: pageModel,
    run: async (s, actor, _, id) => present(await s.pages.unpublish(actor, id)),
  }),
  deletePage: defineOperation({
    summary: 'Delete a static page',
    permission: 'page.manage',
    key: idKey,
    output: ok,
    run: async (s, actor, _, id) => {
      await s.pages.remove(actor, id);
      return { ok: true as const };
    },
  }),
};
