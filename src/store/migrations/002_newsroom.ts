// The newsroom: users and sessions, revisions, workflow history, corrections, scheduled jobs, soft locks,
// section redirects and the audit log.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../db.ts';
import { columnTypes } from './columns.ts';

export function newsroomSchema(dialect: Dialect): Migration {
  const { ts, id, idCol } = columnTypes(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', id, idCol)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.references('people.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('disabled_at', ts)
        .execute();

      await db.schema
        .createTable('sessions')
        // The id is a hash of the cookie's token: a leaked database row cannot be replayed as a cookie.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', id, idCol)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_used_at', ts)
        .addColumn('revoked_at', ts)
        .execute();

      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', id, idCol)
        // "email:someone@example.org" or "ip:203.0.113.9": throttling counts both.
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_key').on('sign_in_failures').columns(['key', 'at']).execute();

      await db.schema.alterTable('articles').addColumn('scheduled_at', ts).execute();
      await db.schema
        .alterTable('articles')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();

      await db.schema
        .createTable('revisions')
        .addColumn('id', id, idCol)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addUniqueConstraint('revisions_article_number', ['article_id', 'number'])
        .execute();

      await db.schema
        .createTable('article_transitions')
        .addColumn('id', id, idCol)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('from_status', 'text', (c) => c.notNull())
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_transitions_article').on('article_transitions').columns(['article_id', 'at']).execute();

      await db.schema
        .createTable('corrections')
        .addColumn('id', id, idCol)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('corrections_article').on('corrections').columns(['article_id', 'created_at']).execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', id, idCol)
        .addColumn('kind', 'text', (c) => c.notNull())
        // Identifies the work so it is queued once: "publish:42".
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('run_at', ts, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', ts)
        .addColumn('last_error', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('finished_at', ts)
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();

      await db.schema
        .createTable('article_locks')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('heartbeat_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('section_redirects')
        .addColumn('old_path', 'text', (c) => c.primaryKey())
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', id, idCol)
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
  };
}
