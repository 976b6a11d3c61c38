// What happens to every table and column in an export. policy.test.ts compares this with the live schema on
// both dialects, so a migration that adds a table or column fails until someone decides here whether it is
// content (exported) or not (and says why in docs/CONTENT-FORMAT.md).
// The column names are those of store/schema.ts: the compiler refuses a name the types do not have, and
// (below) a typed column that has no decision here.
import type { Database } from '../store/schema.ts';
import type { FileName } from './format.ts';

type Columns<T extends keyof Database> = keyof Database[T] & string;

type PolicyOf<T extends keyof Database> =
  | {
      /** The file whose records carry this table's rows. */
      file: FileName;
      /** For a relation carried inside its parent's record: the record field that holds it. */
      field?: string;
      /** Columns carried by the format. */
      columns: readonly Columns<T>[];
      /** Columns deliberately left out, with the reason. */
      omitted?: Readonly<Partial<Record<Columns<T>, string>>>;
      /** Rows left out, if any, with the reason. */
      rows?: string;
    }
  | { skipped: string };

/** Tables with no Kysely type: the full-text index (its shape differs by dialect) and the migrator's own. */
type UntypedTables = 'article_search' | 'kysely_migration' | 'kysely_migration_lock';

export type TablePolicy =
  | { file: FileName; field?: string; columns: readonly string[]; omitted?: Readonly<Record<string, string>>; rows?: string }
  | { skipped: string };

export const TABLE_POLICY = {
  sections: { file: 'sections.jsonl', columns: ['id', 'parent_id', 'slug', 'path', 'name', 'description', 'position'] },
  section_redirects: { file: 'sections.jsonl', field: 'redirects', columns: ['old_path', 'section_id'] },
  people: { file: 'people.jsonl', columns: ['id', 'slug', 'name', 'title', 'bio', 'photo_media_id', 'links'] },
  person_redirects: { file: 'people.jsonl', field: 'redirects', columns: ['old_slug', 'person_id', 'merged_id'] },
  tags: { file: 'tags.jsonl', columns: ['id', 'slug', 'name', 'description'] },
  tag_redirects: { file: 'tags.jsonl', field: 'redirects', columns: ['old_slug', 'tag_id'] },
  media: {
    file: 'media.jsonl',
    columns: [
      'id',
      'original_file',
      'mime',
      'width',
      'height',
      'alt',
      'caption',
      'credit',
      'variants',
      'created_at',
      'uploaded_by',
      'focus_x',
      'focus_y',
    ],
  },
  users: {
    file: 'users.jsonl',
    columns: ['id', 'email', 'name', 'role', 'person_id', 'created_at', 'disabled_at'],
    omitted: { password_hash: 'a secret: imported users have no password until one is set' },
  },
  articles: {
    file: 'articles.jsonl',
    columns: [
      'id',
      'slug',
      'headline',
      'standfirst',
      'body',
      'kind',
      'status',
      'primary_section_id',
      'hero_media_id',
      'hero_caption',
      'hero_credit',
      'hero_alt',
      'seo_title',
      'seo_description',
      'first_published_at',
      'updated_at',
      'modified_at',
      'created_at',
      'revision',
      'scheduled_at',
      'created_by',
      'video',
      'held_revision',
    ],
  },
  article_sections: { file: 'articles.jsonl', field: 'sectionIds', columns: ['article_id', 'section_id'] },
  article_authors: { file: 'articles.jsonl', field: 'authorIds', columns: ['article_id', 'person_id', 'position'] },
  article_tags: { file: 'articles.jsonl', field: 'tagIds', columns: ['article_id', 'tag_id'] },
  collections: { file: 'collections.jsonl', columns: ['id', 'slug', 'name'] },
  collection_items: {
    file: 'collections.jsonl',
    field: 'items',
    columns: ['collection_id', 'article_id', 'position', 'starts_at', 'ends_at'],
  },
  revisions: { file: 'revisions.jsonl', columns: ['id', 'article_id', 'number', 'snapshot', 'user_id', 'kind', 'created_at'] },
  article_transitions: { file: 'transitions.jsonl', columns: ['id', 'article_id', 'from_status', 'to_status', 'user_id', 'note', 'at'] },
  corrections: { file: 'corrections.jsonl', columns: ['id', 'article_id', 'kind', 'note', 'user_id', 'created_at'] },
  jobs: {
    file: 'scheduled-jobs.jsonl',
    columns: ['id', 'kind', 'key', 'payload', 'run_at', 'attempts', 'last_error', 'created_at'],
    omitted: {
      state: 'always pending: only pending jobs are exported',
      locked_until: 'a lease held by a running process; meaningless elsewhere',
      finished_at: 'only pending (unfinished) jobs are exported',
    },
    rows: 'only pending scheduled publications (publish_article); finished and failed jobs are done work, WebSub pings notify a hub about the old site',
  },
  pages: {
    file: 'pages.jsonl',
    columns: [
      'id',
      'slug',
      'title',
      'summary',
      'body',
      'role',
      'status',
      'in_footer',
      'position',
      'created_at',
      'updated_at',
      'published_at',
      'created_by',
    ],
  },
  audit_log: { file: 'audit-log.jsonl', columns: ['id', 'user_id', 'action', 'subject', 'details', 'ip', 'at'] },
  sessions: { skipped: 'secrets (cookie token hashes, CSRF tokens); everyone signs in again' },
  api_tokens: { skipped: 'secrets (token hashes); apps get new tokens. Their ids stay reserved through lastIds' },
  sign_in_failures: { skipped: 'throttling counters that expire after 15 minutes' },
  article_locks: { skipped: 'soft locks: who has an article open right now' },
  article_search: { skipped: 'derived from articles; the importer rebuilds it' },
  article_media: { skipped: 'derived from articles (hero, body pictures, video poster); the importer rebuilds it' },
  kysely_migration: { skipped: 'the target database runs its own migrations' },
  kysely_migration_lock: { skipped: 'the target database runs its own migrations' },
} as const satisfies { [T in keyof Database]: PolicyOf<T> } & Record<UntypedTables, { skipped: string }>;

type Decided<P> = P extends { columns: readonly (infer C)[] } ? C | (P extends { omitted: infer O } ? keyof O : never) : never;
type Undecided = {
  [T in keyof Database]: (typeof TABLE_POLICY)[T] extends { skipped: string }
    ? never
    : Exclude<Columns<T>, Decided<(typeof TABLE_POLICY)[T]>>;
}[keyof Database];
/** A column typed in store/schema.ts that this policy neither carries nor omits stops the build here. */
export const EVERY_TYPED_COLUMN_DECIDED: [Undecided] extends [never] ? true : { undecided: Undecided } = true;

/** Tables whose rows must all be absent before an import (everything the format carries). */
export const CONTENT_TABLES = Object.entries(TABLE_POLICY).flatMap(([t, p]) => ('file' in p ? [t] : []));

/** Tables with a generated id, whose sequence positions travel in the manifest's lastIds. */
export const ID_TABLES = [
  'api_tokens',
  'article_transitions',
  'articles',
  'audit_log',
  'collections',
  'corrections',
  'jobs',
  'media',
  'pages',
  'people',
  'revisions',
  'sections',
  'sign_in_failures',
  'tags',
  'users',
] as const;
