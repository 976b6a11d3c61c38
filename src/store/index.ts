// The store: every query the application runs, grouped by subject, behind one object. Services receive a
// Store and never build SQL themselves; `transaction` hands the same interface bound to one transaction.
import { sql, type Kysely } from 'kysely';
import { transaction, type Db, type Dialect } from './db.ts';
import type { Database } from './schema.ts';
import { articleQueries } from './articles.ts';
import { collectionQueries } from './collections.ts';
import { mediaQueries } from './media.ts';
import { searchIndexFor, type SearchIndex } from './search.ts';
import { taxonomyQueries } from './taxonomy.ts';
import { profileQueries } from './profiles.ts';
import { tagQueries } from './tags.ts';
import { pageQueries } from './pages.ts';
import { userQueries } from './users.ts';
import { auditQueries } from './audit.ts';
import { editorialQueries } from './editorial.ts';
import { dashboardQueries } from './dashboard.ts';
import { jobQueries } from './jobs.ts';
import { tvQueries } from './tv.ts';
import { corpusQueries } from './corpus.ts';
import { feedQueries } from './feeds.ts'; // syndication feeds (src/distribution/feeds)
import { sitemapQueries } from './sitemaps.ts';

function queries(db: Kysely<Database>, search: SearchIndex, dialect: Dialect) {
  return {
    users: userQueries(db),
    audit: auditQueries(db),
    editorial: editorialQueries(db, search),
    dashboard: dashboardQueries(db),
    jobs: jobQueries(db, dialect),
    tv: tvQueries(db),
    corpus: corpusQueries(db, search),
    articles: articleQueries(db, search),
    collections: collectionQueries(db),
    media: mediaQueries(db),
    taxonomy: taxonomyQueries(db),
    profiles: profileQueries(db),
    tags: tagQueries(db),
    pages: pageQueries(db),
    feeds: feedQueries(db), // syndication feeds and their WebSub notices (src/distribution)
    sitemaps: sitemapQueries(db, dialect),
    search: {
      query: (tokens: string[], limit: number, offset: number) => search.query(db, tokens, limit, offset),
    },
    async isEmpty(): Promise<boolean> {
      const row = await db.selectFrom('sections').select('id').limit(1).executeTakeFirst();
      return row === undefined;
    },
  };
}

export type Queries = ReturnType<typeof queries>;

export interface Store extends Queries {
  dialect: Dialect;
  /** Runs `fn` in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>;
  /** Whether the database answers. */
  ping(): Promise<boolean>;
  /**
   * Refreshes the planner's statistics (ANALYZE). Without them SQLite guesses that `status = 'published'`
   * is selective and walks the whole archive for a handful of ids (17 ms → 0.1 ms on 100k articles).
   */
  updateStatistics(): Promise<void>;
}

export function createStore(db: Db): Store {
  const search = searchIndexFor(db.dialect);
  return {
    ...queries(db.kysely, search, db.dialect),
    dialect: db.dialect,
    transaction: (fn) => transaction(db, (trx) => fn(queries(trx, search, db.dialect))),
    async updateStatistics() {
      await sql`ANALYZE`.execute(db.kysely);
      // A bulk load leaves FTS5 with many index segments, each read by every search; merged into one, a
      // common word on 100k articles is found twice as fast. (PostgreSQL's GIN index needs no such step.)
      if (db.dialect === 'sqlite') await sql`INSERT INTO article_search(article_search) VALUES('optimize')`.execute(db.kysely);
    },
    async ping() {
      try {
        await sql`SELECT 1`.execute(db.kysely);
        return true;
      } catch {
        return false;
      }
    },
  };
}
