// Operations on tags: the list editors search (with article counts), renaming and describing, merging.
import { mergeSchema } from '../newsroom/people.ts';
import { tagSchema, tagsQuery } from '../newsroom/tags.ts';
import { created, idKey, ok, pageOf, tag } from './models.ts';
import { defineOperation } from './operation.ts';

export const tagOperations = {
  listTags: defineOperation({
    summary: 'Tags by name with their article counts, optionally matching words in the name or address (a page)',
    permission: 'article.view',
    input: tagsQuery,
    output: pageOf(tag),
    run: (s, actor, q) => s.tags.list(actor, q),
  }),
  updateTag: defineOperation({
    summary: 'Rename or describe a tag (a new slug leaves the old address redirecting; its pages follow)',
    permission: 'tag.manage',
    key: idKey,
    input: tagSchema,
    output: ok,
    run: async (s, actor, input, id) => {
      await s.tags.update(actor, id, input);
      return { ok: true as const };
    },
  }),
  mergeTag: defineOperation({
    summary: 'Merge a tag into another: its articles get the other tag (once each), its address redirects, it is removed',
    permission: 'tag.manage',
    key: idKey,
    input: mergeSchema,
    output: created,
    run: (s, actor, input, id) => s.tags.merge(actor, id, input),
  }),
};
