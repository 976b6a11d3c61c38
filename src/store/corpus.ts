// Bulk writes for the synthetic archive: a batch of articles with their relations and search entries in a few
// multi-row statements, inside the caller's transaction.
import type { Kysely } from 'kysely';
import { bodyText } from '../domain/blocks.ts';
import type { NewArticle } from './articles.ts';
import { articleMediaIds, contentColumns } from './article-writes.ts';
import type { Database } from './schema.ts';
import type { SearchIndex } from './search.ts';

export function corpusQueries(db: Kysely<Database>, search: SearchIndex) {
  return {
    async insertArticles(articles: NewArticle[], now: string): Promise<number[]> {
      if (articles.length === 0) return [];
      const rows = await db
        .insertInto('articles')
        .values(
          articles.map((a) => ({
            ...contentColumns({ ...a, seoTitle: '', seoDescription: '', video: null }),
            status: a.status,
            first_published_at: a.firstPublishedAt,
            updated_at: a.updatedAt,
            modified_at: a.firstPublishedAt ?? now,
            created_at: a.firstPublishedAt ?? now,
            revision: 1,
          })),
        )
        .returning('id')
        .execute();
      const ids = rows.map((r) => r.id);
      const each = <T>(f: (a: NewArticle, id: number) => T[]) => articles.flatMap((a, i) => f(a, ids[i]!));
      await db
        .insertInto('article_sections')
        .values(
          each((a, id) => [...new Set([a.primarySectionId, ...a.extraSectionIds])].map((section_id) => ({ article_id: id, section_id }))),
        )
        .execute();
      const authors = each((a, id) => a.authorIds.map((person_id, position) => ({ article_id: id, person_id, position })));
      if (authors.length) await db.insertInto('article_authors').values(authors).execute();
      const tags = each((a, id) => [...new Set(a.tagIds)].map((tag_id) => ({ article_id: id, tag_id })));
      if (tags.length) await db.insertInto('article_tags').values(tags).execute();
      const media = each((a, id) => articleMediaIds(a).map((media_id) => ({ article_id: id, media_id })));
      if (media.length) await db.insertInto('article_media').values(media).execute();
      await search.indexMany(
        db,
        articles.map((a, i) => ({ id: ids[i]!, headline: a.headline, standfirst: a.standfirst, body: bodyText(a.body) })),
      );
      return ids;
    },
  };
}
