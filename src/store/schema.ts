// Table types for Kysely. Timestamps are ISO-8601 UTC strings on both dialects (db.ts makes pg return them so).
import type { ColumnType, Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  /** Slug path from the root, e.g. "news/europe"; unique. */
  path: string;
  name: string;
  description: string;
  position: number;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
  /** The author's photo from the media library (no foreign key: see migrations/006_people_tags.ts). */
  photo_media_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON array of {label, url}: the author's website, social profiles, e-mail (domain/people.ts). */
  links: ColumnType<string, string | undefined, string>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** Shown under the heading of the tag's page. */
  description: ColumnType<string, string | undefined, string>;
}

export interface MediaTable {
  id: Generated<number>;
  /** Path of the original file, relative to the media directory. */
  original_file: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON array of {width, height, format, file}: resized copies for srcset. */
  variants: string;
  created_at: string;
  /** Who uploaded the picture (null for pictures from before this was recorded): writers describe only their own. */
  uploaded_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** The focal point the fixed-ratio crops centre on, as fractions (0..1) of the width and height; 0.5 by default. */
  focus_x: ColumnType<number, number | undefined, number>;
  focus_y: ColumnType<number, number | undefined, number>;
}

export interface ArticleMediaTable {
  article_id: number;
  media_id: number;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  standfirst: string;
  /** JSON array of body blocks (domain/blocks.ts). */
  body: string;
  kind: string;
  status: string;
  primary_section_id: number;
  hero_media_id: number | null;
  hero_caption: string;
  hero_credit: string;
  hero_alt: string;
  seo_title: string;
  seo_description: string;
  /** Set on first publication and never changed afterwards. */
  first_published_at: string | null;
  /** Time of the last significant update shown to readers, if any. */
  updated_at: string | null;
  /** Time of the last change of any kind. */
  modified_at: string;
  created_at: string;
  revision: number;
  /** When a scheduled article is due (status "scheduled"). */
  scheduled_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON of domain/video.ts Video, for video articles. */
  video: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * A published article's newer revision that readers must not see yet (autosaves and saves since it went
   * live). The row keeps the published content until an editor applies it ("Update") or discards it; null
   * when the row holds the latest revision.
   */
  held_revision: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ArticleSectionsTable {
  article_id: number;
  section_id: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface CollectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface CollectionItemsTable {
  collection_id: number;
  article_id: number;
  position: number;
  starts_at: string | null;
  ends_at: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  person_id: number | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  /** JSON of the article's editable fields (services/newsroom/snapshot.ts). */
  snapshot: string;
  user_id: number | null;
  kind: string;
  created_at: string;
}

export interface ArticleTransitionsTable {
  id: Generated<number>;
  article_id: number;
  from_status: string;
  to_status: string;
  user_id: number | null;
  note: string;
  at: string;
}

export interface CorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  note: string;
  user_id: number | null;
  created_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  key: string;
  payload: string;
  run_at: string;
  state: string;
  attempts: Generated<number>;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ArticleLocksTable {
  article_id: number;
  user_id: number;
  heartbeat_at: string;
}

export interface SectionRedirectsTable {
  old_path: string;
  section_id: number;
}

/** An author's old address (after a slug change or a merge) and the author it now leads to. */
export interface PersonRedirectsTable {
  old_slug: string;
  person_id: number;
  /** The id of the author merged away under this address, so older revisions naming it find the target. */
  merged_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A tag's old address (after a rename or a merge) and the tag it now leads to. */
export interface TagRedirectsTable {
  old_slug: string;
  tag_id: number;
}

/** A static page (About, Contact, policies…) at /{slug}: migrations/007_pages.ts, domain/pages.ts. */
export interface PagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  /** JSON blocks, the article body format (domain/blocks.ts). */
  body: ColumnType<string, string | undefined, string>;
  /** One of domain/pages.ts PAGE_ROLES, or null; unique. */
  role: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'draft' or 'published'. */
  status: ColumnType<string, string | undefined, string>;
  /** 1 when the site footer lists the page, else 0. */
  in_footer: ColumnType<number, number | undefined, number>;
  position: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  published_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  user_id: number | null;
  action: string;
  subject: string;
  details: string;
  ip: string;
  at: string;
}

export interface Database {
  sections: SectionsTable;
  people: PeopleTable;
  tags: TagsTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_sections: ArticleSectionsTable;
  article_media: ArticleMediaTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  collections: CollectionsTable;
  collection_items: CollectionItemsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  revisions: RevisionsTable;
  article_transitions: ArticleTransitionsTable;
  corrections: CorrectionsTable;
  jobs: JobsTable;
  article_locks: ArticleLocksTable;
  section_redirects: SectionRedirectsTable;
  person_redirects: PersonRedirectsTable;
  tag_redirects: TagRedirectsTable;
  pages: PagesTable;
  audit_log: AuditLogTable;
}
