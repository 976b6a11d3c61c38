// Bulk actions from the article list: withdraw, move to a section, add a tag, on up to 100 articles at once.
// Each article goes through the same operations one at a time (so each change is a revision, audited, purged),
// and one that cannot be changed (its status, a conflict) is reported without stopping the others.
import { z } from 'zod';
import type { Actor } from '../../domain/permissions.ts';
import { MAX_ID } from '../../domain/urls.ts';
import { AppError } from '../../errors.ts';
import { parseWith } from '../page.ts';
import type { ContentService } from './content.ts';
import { authorize } from './content.ts';
import type { ArticleInput } from './schema.ts';

const id = z.coerce.number().int().positive().max(MAX_ID);

export const bulkSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('unpublish'), ids: z.array(id).min(1).max(100) }),
  z.object({ action: z.literal('section'), ids: z.array(id).min(1).max(100), sectionId: id }),
  z.object({ action: z.literal('tag'), ids: z.array(id).min(1).max(100), tag: z.string().trim().min(1, 'must not be empty').max(60) }),
]);
export type BulkAction = z.output<typeof bulkSchema>;

export interface BulkResult {
  id: number;
  ok: boolean;
  code?: string;
  message?: string;
}

interface Workflow {
  unpublish(actor: Actor, id: number, raw?: unknown): Promise<void>;
  update(actor: Actor, id: number, raw: unknown): Promise<{ revision: number }>;
}

/** What one action does to an article's content; null: nothing to change. */
function change(b: BulkAction, input: ArticleInput): ArticleInput | null {
  if (b.action === 'section') {
    if (input.primarySectionId === b.sectionId) return null;
    return { ...input, primarySectionId: b.sectionId, extraSectionIds: input.extraSectionIds.filter((s) => s !== b.sectionId) };
  }
  if (b.action === 'tag') {
    if (input.tags.some((t) => t.toLowerCase() === b.tag.toLowerCase())) return null;
    return { ...input, tags: [...input.tags, b.tag] };
  }
  return null;
}

export function bulkService(content: ContentService, workflow: Workflow) {
  return {
    async apply(actor: Actor, raw: unknown): Promise<{ results: BulkResult[] }> {
      authorize(actor, 'article.publish');
      const b = parseWith(bulkSchema, raw);
      const note = b.action === 'unpublish' ? 'Withdrawn from the article list' : `Bulk change from the article list (${b.action})`;
      const results: BulkResult[] = [];
      for (const articleId of new Set(b.ids)) {
        try {
          if (b.action === 'unpublish') await workflow.unpublish(actor, articleId, { note });
          else {
            const c = await content.current(actor, articleId);
            const next = change(b, c.input);
            if (next) {
              const saved = await content.save(actor, articleId, next, c.revision);
              // A live article's change is held until updated; a bulk change is an editor's decision, so it goes live.
              if (saved.held) await workflow.update(actor, articleId, { revision: saved.revision, note });
            }
          }
          results.push({ id: articleId, ok: true });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id: articleId, ok: false, code: err.code, message: err.message });
        }
      }
      return { results };
    },
  };
}
