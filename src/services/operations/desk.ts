// Operations beside articles: who I am, collections, sections, users, API tokens, the media library, the audit log.
import { z } from 'zod';
import { newUserSchema } from '../auth/auth.ts';
import { describeSchema, searchMediaQuery, uploadInput } from '../media.ts';
import { mergeSchema, newPersonSchema, peopleQuery, personSchema } from '../newsroom/people.ts';
import { auditQuery, byIdQuery, roleSchema, tokenSchema, usersQuery } from '../newsroom/desk.ts';
import { collectionItemsSchema, sectionSchema } from '../newsroom/curation.ts';
import { auditEntry, collection, created, idKey, mediaFound, mediaItem, ok, pageOf, person, slugKey, token, user } from './models.ts';
import { defineOperation } from './operation.ts';
import { presentCollection, presentToken, presentUser } from './presenters.ts';

export const deskOperations = {
  me: defineOperation({
    summary: 'The signed-in user',
    output: z.object({ user }),
    run: async (s, actor) => ({ user: presentUser(await s.newsroom.me(actor)) }),
  }),
  getCollection: defineOperation({
    summary: 'A collection with its entries',
    permission: 'collection.manage',
    key: slugKey,
    output: collection,
    run: async (s, actor, _, slug) => presentCollection(await s.curation.collection(actor, slug)),
  }),
  setCollection: defineOperation({
    summary: 'Replace a collection’s ordered entries',
    permission: 'collection.manage',
    key: slugKey,
    input: collectionItemsSchema,
    output: ok,
    run: async (s, actor, input, slug) => {
      await s.curation.setCollection(actor, slug, input);
      return { ok: true as const };
    },
  }),
  createSection: defineOperation({
    summary: 'Create a section',
    permission: 'section.manage',
    input: sectionSchema,
    output: created,
    status: 201,
    run: async (s, actor, input) => ({ id: await s.curation.createSection(actor, input) }),
  }),
  updateSection: defineOperation({
    summary: 'Rename, move or reorder a section (old URLs redirect)',
    permission: 'section.manage',
    key: idKey,
    input: sectionSchema,
    output: ok,
    run: async (s, actor, input, id) => {
      await s.curation.updateSection(actor, id, input);
      return { ok: true as const };
    },
  }),
  listPeople: defineOperation({
    summary: 'Authors by name (a page)',
    permission: 'article.view',
    input: peopleQuery,
    output: pageOf(person),
    run: (s, actor, q) => s.people.list(actor, q),
  }),
  createPerson: defineOperation({
    summary: 'Add an author (the slug, their page’s address, is derived from the name when empty)',
    permission: 'person.manage',
    input: newPersonSchema,
    output: z.object({ id: z.number().int(), slug: z.string() }),
    status: 201,
    run: (s, actor, input) => s.people.create(actor, input),
  }),
  updatePerson: defineOperation({
    summary:
      'Change an author’s name, title, bio, photo, links or address (a new slug leaves the old address redirecting; every page with the byline follows)',
    permission: 'person.manage',
    key: idKey,
    input: personSchema,
    output: ok,
    run: async (s, actor, input, id) => {
      await s.people.update(actor, id, input);
      return { ok: true as const };
    },
  }),
  mergePerson: defineOperation({
    summary:
      'Merge an author into another: bylines move (once per article, order kept), the old author page redirects, the author is removed',
    permission: 'person.manage',
    key: idKey,
    input: mergeSchema,
    output: created,
    run: (s, actor, input, id) => s.people.merge(actor, id, input),
  }),
  listUsers: defineOperation({
    summary: 'Users by name (a page)',
    permission: 'user.manage',
    input: usersQuery,
    output: pageOf(user),
    run: async (s, actor, q) => {
      const p = await s.newsroom.users(actor, q);
      return { ...p, items: p.items.map(presentUser) };
    },
  }),
  createUser: defineOperation({
    summary: 'Create a user',
    permission: 'user.manage',
    input: newUserSchema,
    output: z.object({ user }),
    status: 201,
    run: async (s, actor, input) => ({ user: presentUser(await s.newsroom.createUser(actor, input as never)) }),
  }),
  setRole: defineOperation({
    summary: 'Change a user’s role',
    permission: 'user.manage',
    key: idKey,
    input: roleSchema,
    output: ok,
    run: async (s, actor, input, id) => {
      await s.newsroom.setRole(actor, id, input);
      return { ok: true as const };
    },
  }),
  listTokens: defineOperation({
    summary: 'My API tokens, newest first (a page)',
    permission: 'token.manage',
    input: byIdQuery,
    output: pageOf(token),
    run: async (s, actor, q) => {
      const p = await s.newsroom.tokens(actor, q);
      return { ...p, items: p.items.map(presentToken) };
    },
  }),
  createToken: defineOperation({
    summary: 'Create an API token (shown once)',
    permission: 'token.manage',
    input: tokenSchema,
    output: z.object({ id: z.number().int(), token: z.string() }),
    status: 201,
    run: (s, actor, input) => s.newsroom.createToken(actor, input),
  }),
  revokeToken: defineOperation({
    summary: 'Revoke an API token',
    permission: 'token.manage',
    key: idKey,
    output: ok,
    run: async (s, actor, _, id) => {
      await s.auth.revokeApiToken(actor.id, id);
      return { ok: true as const };
    },
  }),
  searchMedia: defineOperation({
    summary: 'Search the media library by alt text, caption, credit or file name, newest first (a page)',
    permission: 'media.upload',
    input: searchMediaQuery,
    output: pageOf(mediaFound),
    run: (s, actor, q) => s.media.search(actor, q),
  }),
  uploadMedia: defineOperation({
    summary: 'Upload an image (multipart: file, alt, caption, credit); the type is read from the bytes',
    permission: 'media.upload',
    input: uploadInput,
    output: mediaFound,
    status: 201,
    run: (s, actor, input) => s.media.uploadRequest(actor, input),
  }),
  getMedia: defineOperation({
    summary: 'One image of the library: its text, focal point, crops and where it is used',
    permission: 'media.upload',
    key: idKey,
    output: mediaItem,
    run: (s, actor, _, id) => s.media.item(actor, id),
  }),
  describeMedia: defineOperation({
    summary: 'Change the alt text, caption and credit kept with an image, and its focal point (the crops are made again around it)',
    permission: 'media.edit',
    key: idKey,
    input: describeSchema,
    output: ok,
    run: async (s, actor, input, id) => {
      await s.media.describe(actor, id, input);
      return { ok: true as const };
    },
  }),
  audit: defineOperation({
    summary: 'The audit log, newest first (a page)',
    permission: 'audit.view',
    input: auditQuery,
    output: pageOf(auditEntry),
    run: (s, actor, q) => s.newsroom.audit(actor, q),
  }),
};
