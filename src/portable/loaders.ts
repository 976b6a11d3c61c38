// How each file of an export goes back into the database: reference checks per record (so a dangling id is
// reported with its file and line, not as a foreign-key error) and batched inserts that keep every id.
import type { Kysely } from 'kysely';
import type { Dialect } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import { searchIndexFor } from '../store/search.ts';
import { writeArticles } from './article-rows.ts';
import { PortableError, type FileName, type RecordOf } from './format.ts';
import { insertRows, setSectionParent } from '../store/portable-tables.ts';

/** Stored instead of a password hash: it never verifies (services/auth/passwords.ts needs the scrypt form). */
export const NO_PASSWORD = '!imported-without-password';

export interface Loader<F extends FileName> {
  /** Checks what one record refers to; throws a PortableError naming the line. */
  check(record: RecordOf<F>, line: number): Promise<void> | void;
  write(batch: RecordOf<F>[]): Promise<void>;
  /** Runs after the file's last batch. */
  finish?(): Promise<void>;
}

export type Loaders = { [F in FileName]: Loader<F> };

export interface LoadContext {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Copies (and verifies) the media files a media record lists. */
  copyMedia(record: RecordOf<'media.jsonl'>, line: number): Promise<void>;
}

const json = (v: unknown) => JSON.stringify(v);

export function loaders(ctx: LoadContext): Loaders {
  const { db } = ctx;
  const search = searchIndexFor(ctx.dialect);
  const ids = {
    section: new Set<number>(),
    person: new Set<number>(),
    tag: new Set<number>(),
    media: new Set<number>(),
    user: new Set<number>(),
    page: new Set<number>(),
    article: new Set<number>(),
    collection: new Set<number>(),
    revision: new Set<number>(),
    transition: new Set<number>(),
    correction: new Set<number>(),
    job: new Set<number>(),
    audit: new Set<number>(),
  };
  type Kind = keyof typeof ids;

  const checker = (file: FileName) => ({
    fresh(kind: Kind, id: number, line: number) {
      if (ids[kind].has(id)) throw new PortableError(`${kind} id ${id} appears twice`, file, line);
      ids[kind].add(id);
    },
    known(kind: Kind, id: number | null, field: string, line: number) {
      if (id !== null && !ids[kind].has(id)) throw new PortableError(`${field}: there is no ${kind} ${id}`, file, line);
    },
  });

  const sectionParents: { id: number; parentId: number; line: number }[] = [];
  const s = checker('sections.jsonl');
  const p = checker('people.jsonl');
  const t = checker('tags.jsonl');
  const m = checker('media.jsonl');
  const u = checker('users.jsonl');
  const pg = checker('pages.jsonl');
  const a = checker('articles.jsonl');
  const c = checker('collections.jsonl');
  const r = checker('revisions.jsonl');
  const tr = checker('transitions.jsonl');
  const co = checker('corrections.jsonl');
  const j = checker('scheduled-jobs.jsonl');
  const au = checker('audit-log.jsonl');

  return {
    'sections.jsonl': {
      check(x, line) {
        s.fresh('section', x.id, line);
        if (x.parentId !== null) sectionParents.push({ id: x.id, parentId: x.parentId, line });
      },
      async write(batch) {
        // Parents are linked after the whole file: a section may have moved under one created after it.
        await insertRows(
          db,
          'sections',
          batch.map((x) => ({
            id: x.id,
            parent_id: null,
            slug: x.slug,
            path: x.path,
            name: x.name,
            description: x.description,
            position: x.position,
          })),
        );
        await insertRows(
          db,
          'section_redirects',
          batch.flatMap((x) => x.redirects.map((old_path) => ({ old_path, section_id: x.id }))),
        );
      },
      async finish() {
        const parentOf = new Map(sectionParents.map((x) => [x.id, x.parentId]));
        for (const x of sectionParents) {
          s.known('section', x.parentId, 'parentId', x.line);
          // A loop in the tree would make every breadcrumb walk forever.
          let at: number | undefined = x.parentId;
          for (let steps = 0; at !== undefined; steps++) {
            if (at === x.id || steps > parentOf.size)
              throw new PortableError(`parentId: section ${x.id} would be its own ancestor`, 'sections.jsonl', x.line);
            at = parentOf.get(at);
          }
          await setSectionParent(db, x.id, x.parentId);
        }
      },
    },
    'people.jsonl': {
      check: (x, line) => p.fresh('person', x.id, line),
      async write(batch) {
        await insertRows(
          db,
          'people',
          batch.map((x) => ({
            id: x.id,
            slug: x.slug,
            name: x.name,
            title: x.title,
            bio: x.bio,
            photo_media_id: x.photoMediaId,
            links: JSON.stringify(x.links),
          })),
        );
        await insertRows(
          db,
          'person_redirects',
          batch.flatMap((x) => x.redirects.map((r) => ({ old_slug: r.slug, person_id: x.id, merged_id: r.mergedId }))),
        );
      },
    },
    'tags.jsonl': {
      check: (x, line) => t.fresh('tag', x.id, line),
      async write(batch) {
        await insertRows(
          db,
          'tags',
          batch.map((x) => ({ id: x.id, slug: x.slug, name: x.name, description: x.description })),
        );
        await insertRows(
          db,
          'tag_redirects',
          batch.flatMap((x) => x.redirects.map((old_slug) => ({ old_slug, tag_id: x.id }))),
        );
      },
    },
    'media.jsonl': {
      async check(x, line) {
        m.fresh('media', x.id, line);
        await ctx.copyMedia(x, line);
      },
      write: (batch) =>
        insertRows(
          db,
          'media',
          batch.map((x) => ({
            id: x.id,
            original_file: x.originalFile,
            mime: x.mime,
            width: x.width,
            height: x.height,
            alt: x.alt,
            caption: x.caption,
            credit: x.credit,
            variants: json(x.variants),
            created_at: x.createdAt,
            uploaded_by: x.uploadedBy,
            focus_x: x.focusX,
            focus_y: x.focusY,
          })),
        ),
    },
    'users.jsonl': {
      check(x, line) {
        u.fresh('user', x.id, line);
        u.known('person', x.personId, 'personId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'users',
          batch.map((x) => ({
            id: x.id,
            email: x.email,
            name: x.name,
            role: x.role,
            password_hash: NO_PASSWORD,
            person_id: x.personId,
            created_at: x.createdAt,
            disabled_at: x.disabledAt,
          })),
        ),
    },
    'pages.jsonl': {
      check(x, line) {
        pg.fresh('page', x.id, line);
        pg.known('user', x.createdBy, 'createdBy', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'pages',
          batch.map((x) => ({
            id: x.id,
            slug: x.slug,
            title: x.title,
            summary: x.summary,
            body: json(x.body),
            role: x.role,
            status: x.status,
            in_footer: x.inFooter ? 1 : 0,
            position: x.position,
            created_at: x.createdAt,
            updated_at: x.updatedAt,
            published_at: x.publishedAt,
            created_by: x.createdBy,
          })),
        ),
    },
    'articles.jsonl': {
      check(x, line) {
        a.fresh('article', x.id, line);
        a.known('section', x.primarySectionId, 'primarySectionId', line);
        for (const id of x.sectionIds) a.known('section', id, 'sectionIds', line);
        for (const id of x.authorIds) a.known('person', id, 'authorIds', line);
        for (const id of x.tagIds) a.known('tag', id, 'tagIds', line);
        a.known('media', x.heroMediaId, 'heroMediaId', line);
        a.known('user', x.createdBy, 'createdBy', line);
      },
      write: (batch) => writeArticles(db, search, batch),
    },
    'collections.jsonl': {
      check(x, line) {
        c.fresh('collection', x.id, line);
        for (const item of x.items) c.known('article', item.articleId, 'items.articleId', line);
      },
      async write(batch) {
        await insertRows(
          db,
          'collections',
          batch.map((x) => ({ id: x.id, slug: x.slug, name: x.name })),
        );
        await insertRows(
          db,
          'collection_items',
          batch.flatMap((x) =>
            x.items.map((i, position) => ({
              collection_id: x.id,
              article_id: i.articleId,
              position,
              starts_at: i.startsAt,
              ends_at: i.endsAt,
            })),
          ),
        );
      },
    },
    'revisions.jsonl': {
      check(x, line) {
        r.fresh('revision', x.id, line);
        r.known('article', x.articleId, 'articleId', line);
        r.known('user', x.userId, 'userId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'revisions',
          batch.map((x) => ({
            id: x.id,
            article_id: x.articleId,
            number: x.number,
            snapshot: json(x.snapshot),
            user_id: x.userId,
            kind: x.kind,
            created_at: x.createdAt,
          })),
        ),
    },
    'transitions.jsonl': {
      check(x, line) {
        tr.fresh('transition', x.id, line);
        tr.known('article', x.articleId, 'articleId', line);
        tr.known('user', x.userId, 'userId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'article_transitions',
          batch.map((x) => ({
            id: x.id,
            article_id: x.articleId,
            from_status: x.fromStatus,
            to_status: x.toStatus,
            user_id: x.userId,
            note: x.note,
            at: x.at,
          })),
        ),
    },
    'corrections.jsonl': {
      check(x, line) {
        co.fresh('correction', x.id, line);
        co.known('article', x.articleId, 'articleId', line);
        co.known('user', x.userId, 'userId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'corrections',
          batch.map((x) => ({ id: x.id, article_id: x.articleId, kind: x.kind, note: x.note, user_id: x.userId, created_at: x.createdAt })),
        ),
    },
    'scheduled-jobs.jsonl': {
      check(x, line) {
        j.fresh('job', x.id, line);
        j.known('article', x.payload.articleId, 'payload.articleId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'jobs',
          batch.map((x) => ({
            id: x.id,
            kind: x.kind,
            key: x.key,
            payload: json(x.payload),
            run_at: x.runAt,
            state: 'pending',
            attempts: x.attempts,
            locked_until: null,
            last_error: x.lastError,
            created_at: x.createdAt,
            finished_at: null,
          })),
        ),
    },
    'audit-log.jsonl': {
      check(x, line) {
        au.fresh('audit', x.id, line);
        au.known('user', x.userId, 'userId', line);
      },
      write: (batch) =>
        insertRows(
          db,
          'audit_log',
          batch.map((x) => ({
            id: x.id,
            user_id: x.userId,
            action: x.action,
            subject: x.subject,
            details: json(x.details),
            ip: x.ip,
            at: x.at,
          })),
        ),
    },
  };
}
