// Articles of an export back into the database: the rows with the ids they had, their sections, bylines and tags,
// and what is derived from them (the pictures each shows, the search index), rebuilt as the newsroom would.
import type { Kysely } from 'kysely';
import { bodySchema, bodyText } from '../domain/blocks.ts';
import type { Video } from '../domain/video.ts';
import { articleMediaIds } from '../store/article-writes.ts';
import { insertRows } from '../store/portable-tables.ts';
import type { Database } from '../store/schema.ts';
import type { SearchIndex } from '../store/search.ts';
import type { RecordOf } from './format.ts';

const json = (v: unknown) => JSON.stringify(v);

export async function writeArticles(db: Kysely<Database>, search: SearchIndex, batch: RecordOf<'articles.jsonl'>[]): Promise<void> {
  await insertRows(
    db,
    'articles',
    batch.map((x) => ({
      id: x.id,
      slug: x.slug,
      headline: x.headline,
      standfirst: x.standfirst,
      body: json(x.body),
      kind: x.kind,
      status: x.status,
      primary_section_id: x.primarySectionId,
      hero_media_id: x.heroMediaId,
      hero_caption: x.heroCaption,
      hero_credit: x.heroCredit,
      hero_alt: x.heroAlt,
      seo_title: x.seoTitle,
      seo_description: x.seoDescription,
      first_published_at: x.firstPublishedAt,
      updated_at: x.updatedAt,
      modified_at: x.modifiedAt,
      created_at: x.createdAt,
      revision: x.revision,
      held_revision: x.heldRevision,
      scheduled_at: x.scheduledAt,
      created_by: x.createdBy,
      video: x.video === null ? null : json(x.video),
    })),
  );
  await insertRows(
    db,
    'article_sections',
    batch.flatMap((x) => x.sectionIds.map((section_id) => ({ article_id: x.id, section_id }))),
  );
  await insertRows(
    db,
    'article_authors',
    batch.flatMap((x) => x.authorIds.map((person_id, position) => ({ article_id: x.id, person_id, position }))),
  );
  await insertRows(
    db,
    'article_tags',
    batch.flatMap((x) => x.tagIds.map((tag_id) => ({ article_id: x.id, tag_id }))),
  );
  // Derived, like the newsroom's writes: which pictures each article shows, and its search entry. Bodies are
  // parsed once for both.
  const bodies = batch.map((x) => bodySchema.parse(x.body));
  await insertRows(
    db,
    'article_media',
    batch.flatMap((x, i) =>
      articleMediaIds({
        body: bodies[i]!,
        hero: x.heroMediaId === null ? null : { mediaId: x.heroMediaId, caption: '', credit: '', alt: '' },
        video: x.video as Video | null,
      }).map((media_id) => ({ article_id: x.id, media_id })),
    ),
  );
  await search.indexMany(
    db,
    batch.map((x, i) => ({ id: x.id, headline: x.headline, standfirst: x.standfirst, body: bodyText(bodies[i]!) })),
  );
}
