// Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector. Reader input never reaches the
// query language: it is reduced to plain word tokens first, so quotes, operators and SQL are just text.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from './db.ts';
import type { Database } from './schema.ts';

export interface SearchDocument {
  id: number;
  headline: string;
  standfirst: string;
  body: string;
}

export interface SearchRow {
  id: number;
  /** Excerpt with matches wrapped in \u0001 … \u0002. */
  snippet: string;
}

export interface SearchIndex {
  index(db: Kysely<Database>, doc: SearchDocument): Promise<void>;
  /** Indexes new documents in one statement (bulk loads such as the synthetic corpus). */
  indexMany(db: Kysely<Database>, docs: SearchDocument[]): Promise<void>;
  remove(db: Kysely<Database>, id: number): Promise<void>;
  query(db: Kysely<Database>, tokens: string[], limit: number, offset: number): Promise<SearchRow[]>;
  /** The ids of every article (any status) with all the words: a subquery for the newsroom's finder. */
  matching(tokens: string[]): RawBuilder<number>;
}

const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/** Word tokens of a reader's query: letters and digits only, bounded in number and length. */
export function searchTokens(query: string): string[] {
  const words =
    query
      .normalize('NFKC')
      .slice(0, 1_000)
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_TOKENS).map((w) => w.slice(0, MAX_TOKEN_LENGTH).toLowerCase());
}

// Markers for highlighted runs; they cannot be typed into the indexed text because it is stripped of them.
const START = '\u0001';
const STOP = '\u0002';
/**
 * Which matches come first. Among the newest CANDIDATES articles that contain every word (ids grow with
 * time), those with every word in the headline rank first, then those with every word in the standfirst, then
 * the rest; newest first within each. Bounding the candidates keeps a common word in a million-article
 * archive to about a millisecond, and a news search wants recent stories first anyway. bm25 is not used: it
 * counts every article containing each word on every search, which for a word in most articles of a
 * million-article archive cost 17 ms, against 1 ms for this.
 */
export const CANDIDATES = 1_000;

const stripMarkers = (s: string) => s.replace(/[\u0001\u0002]/g, ' ');

const ftsMatch = (tokens: string[]) => tokens.map((t) => `"${t}"`).join(' ');

/** How many of a word's newest matches are looked at to tell whether it is in most articles. */
const DENSITY_PROBE = 100;

/**
 * Whether it is already certain that no article contains every word. FTS5 proves an empty result by walking
 * the words' index entries to the end, and a word found in nearly every article has as many entries as the
 * archive has articles: three words, one of them that common, took 12 ms on a million articles when nothing
 * matched. Such words narrow nothing, so the others are tested alone first (2.5 ms there); when no article has
 * them all, none has every word. A word is common when its DENSITY_PROBE-th newest match lies within twice
 * DENSITY_PROBE of the newest article. With results to find, this adds a few hundredths of a millisecond a word.
 */
async function sqliteNothingHasAll(db: Kysely<Database>, tokens: string[]): Promise<boolean> {
  if (tokens.length < 2) return false;
  // One statement: the newest article, and each word's DENSITY_PROBE-th newest match.
  const probes = tokens.map(
    (t, i) =>
      sql`(SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch([t])} ORDER BY rowid DESC LIMIT 1 OFFSET ${DENSITY_PROBE - 1}) AS ${sql.ref(`t${i}`)}`,
  );
  const { rows } = await sql<
    Record<string, number | null>
  >`SELECT (SELECT max(rowid) FROM article_search) AS newest, ${sql.join(probes)}`.execute(db);
  const found = rows[0] ?? {};
  const newest = found.newest ?? 0;
  const narrowing = tokens.filter((_, i) => {
    const probe = found[`t${i}`];
    return probe === null || probe === undefined || newest - probe >= 2 * DENSITY_PROBE;
  });
  if (narrowing.length === 0 || narrowing.length === tokens.length) return false;
  const any = await sql`SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch(narrowing)} LIMIT 1`.execute(db);
  return any.rows.length === 0;
}

const sqliteSearch: SearchIndex = {
  matching: (tokens) => sql<number>`(SELECT rowid AS id FROM article_search WHERE article_search MATCH ${ftsMatch(tokens)})`,
  async index(db, doc) {
    await sql`DELETE FROM article_search WHERE rowid = ${doc.id}`.execute(db);
    await sql`INSERT INTO article_search (rowid, headline, standfirst, body)
      VALUES (${doc.id}, ${stripMarkers(doc.headline)}, ${stripMarkers(doc.standfirst)}, ${stripMarkers(doc.body)})`.execute(db);
  },
  async remove(db, id) {
    await sql`DELETE FROM article_search WHERE rowid = ${id}`.execute(db);
  },
  async indexMany(db, docs) {
    if (docs.length === 0) return;
    const rows = docs.map((d) => sql`(${d.id}, ${stripMarkers(d.headline)}, ${stripMarkers(d.standfirst)}, ${stripMarkers(d.body)})`);
    await sql`INSERT INTO article_search (rowid, headline, standfirst, body) VALUES ${sql.join(rows)}`.execute(db);
  },
  async query(db, tokens, limit, offset) {
    if (await sqliteNothingHasAll(db, tokens)) return [];
    // Each token is quoted, so FTS5 treats it as a literal term; terms are ANDed. The column tests read only
    // the candidates' part of the index (rowid >= the oldest candidate); snippets are made for the page shown
    // only; CROSS JOIN fixes the join order so each step is a key lookup.
    const match = ftsMatch(tokens);
    const { rows } = await sql<SearchRow>`
      WITH recent AS (
        SELECT rowid AS id FROM article_search WHERE article_search MATCH ${match}
        ORDER BY rowid DESC LIMIT ${CANDIDATES}
      ), in_headline AS (
        SELECT rowid AS id FROM article_search
        WHERE article_search MATCH ${`{headline} : (${match})`} AND rowid >= (SELECT min(id) FROM recent)
      ), in_standfirst AS (
        SELECT rowid AS id FROM article_search
        WHERE article_search MATCH ${`{standfirst} : (${match})`} AND rowid >= (SELECT min(id) FROM recent)
      ), top AS (
        SELECT recent.id, a.first_published_at AS at,
          CASE WHEN recent.id IN in_headline THEN 2 WHEN recent.id IN in_standfirst THEN 1 ELSE 0 END AS score
        FROM recent CROSS JOIN articles a ON a.id = recent.id
        WHERE a.status = 'published'
        ORDER BY score DESC, at DESC, recent.id DESC
        LIMIT ${limit} OFFSET ${offset}
      )
      SELECT top.id AS id, snippet(article_search, -1, ${START}, ${STOP}, '…', 24) AS snippet
      FROM top CROSS JOIN article_search ON article_search.rowid = top.id
      WHERE article_search MATCH ${match}
      ORDER BY top.score DESC, top.at DESC, top.id DESC`.execute(db);
    return rows;
  },
};

const postgresSearch: SearchIndex = {
  matching: (tokens) =>
    sql<number>`(SELECT article_id AS id FROM article_search WHERE document @@ plainto_tsquery('english', ${tokens.join(' ')}))`,
  async index(db, doc) {
    const [headline, standfirst, body] = [doc.headline, doc.standfirst, doc.body].map(stripMarkers);
    await sql`INSERT INTO article_search (article_id, headline, standfirst, body, document)
      VALUES (${doc.id}, ${headline}, ${standfirst}, ${body},
        setweight(to_tsvector('english', ${headline}), 'A') ||
        setweight(to_tsvector('english', ${standfirst}), 'B') ||
        setweight(to_tsvector('english', ${body}), 'C'))
      ON CONFLICT (article_id) DO UPDATE SET headline = excluded.headline, standfirst = excluded.standfirst,
        body = excluded.body, document = excluded.document`.execute(db);
  },
  async remove(db, id) {
    await sql`DELETE FROM article_search WHERE article_id = ${id}`.execute(db);
  },
  async indexMany(db, docs) {
    if (docs.length === 0) return;
    const rows = docs.map((d) => {
      const [h, s, b] = [d.headline, d.standfirst, d.body].map(stripMarkers);
      return sql`(${d.id}, ${h}, ${s}, ${b}, setweight(to_tsvector('english', ${h}), 'A') || setweight(to_tsvector('english', ${s}), 'B') || setweight(to_tsvector('english', ${b}), 'C'))`;
    });
    await sql`INSERT INTO article_search (article_id, headline, standfirst, body, document) VALUES ${sql.join(rows)}`.execute(db);
  },
  async query(db, tokens, limit, offset) {
    // As on SQLite (see CANDIDATES): the newest matches, headline then standfirst then the rest, newest first;
    // the headline is the document's weight-A part, the standfirst its weight-B part. Headlines (costly) are
    // built for the page shown only.
    const { rows } = await sql<SearchRow>`
      WITH q AS (SELECT plainto_tsquery('english', ${tokens.join(' ')}) AS q),
      recent AS (
        SELECT s.article_id FROM article_search s, q WHERE s.document @@ q.q
        ORDER BY s.article_id DESC LIMIT ${CANDIDATES}
      ), top AS (
        SELECT a.id, a.first_published_at AS at, s.headline, s.standfirst, s.body,
          CASE WHEN ts_filter(s.document, '{a}') @@ q.q THEN 2 WHEN ts_filter(s.document, '{b}') @@ q.q THEN 1 ELSE 0 END AS score
        FROM recent JOIN article_search s ON s.article_id = recent.article_id JOIN articles a ON a.id = s.article_id, q
        WHERE a.status = 'published'
        ORDER BY score DESC, at DESC, a.id DESC
        LIMIT ${limit} OFFSET ${offset}
      )
      SELECT top.id AS id,
        -- Like FTS5's best-column snippet: from the text when it matches, else from the headline.
        ts_headline('english',
          CASE WHEN to_tsvector('english', top.standfirst || ' ' || top.body) @@ q.q THEN top.standfirst || ' ' || top.body ELSE top.headline END,
          q.q, ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=1`}) AS snippet
      FROM top, q
      ORDER BY top.score DESC, top.at DESC, top.id DESC`.execute(db);
    return rows;
  },
};

export function searchIndexFor(dialect: Dialect): SearchIndex {
  return dialect === 'sqlite' ? sqliteSearch : postgresSearch;
}
