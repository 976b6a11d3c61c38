// Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector. Reader input never reaches the
// query language: it is reduced to plain word tokens first, so quotes, operators and SQL are just text.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
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
  /**
   * The newsroom finder's condition that the article whose id is `id` has all the words (any status), in the
   * form that suits how many articles have them; null when none has.
   */
  matching(db: Kysely<Database>, tokens: string[], id: string, sample?: number): Promise<RawBuilder<SqlBool> | null>;
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

/**
 * How the finder tests words (SQLite). A word in nearly every article of a million: reading all its matches to
 * sort them took 7.5 s, and reading them into a set to test the newest articles against took 180 ms; testing the
 * newest articles one by one with a seek in the word's entries finds a page in about 1 ms. A rare word is the
 * reverse: the walk tests thousands of articles (70 µs each for two words) for every one it keeps, so its
 * matches are read and sorted. So the newest FINDER_SAMPLE matches are counted first (about 2 ms): fewer than that
 * are read and sorted; when they span under 1/FINDER_DENSE of the newest ids the walk tests each article;
 * between the two the matches become a set once and the walk (in the list's order) tests against it.
 */
const FINDER_SAMPLE = 2_000;
const FINDER_DENSE = 0.1;

const sqliteSearch: SearchIndex = {
  async matching(db, tokens, id, sample = FINDER_SAMPLE) {
    const ref = sql.ref(id);
    const probe = (words: string[]) =>
      sql<SqlBool>`EXISTS (SELECT 1 FROM article_search WHERE article_search MATCH ${ftsMatch(words)} AND rowid = ${ref})`;
    // One statement: each word's DENSITY_PROBE-th newest match (as sqliteNothingHasAll), how many of the newest
    // `sample` matches of all the words there are, and how far back the oldest of them is.
    const perWord = tokens.map(
      (t, i) =>
        sql`(SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch([t])} ORDER BY rowid DESC LIMIT 1 OFFSET ${DENSITY_PROBE - 1}) AS ${sql.ref(`t${i}`)}`,
    );
    const { rows } = await sql<Record<string, number | null>>`
      SELECT count(*) AS n, min(m.id) AS oldest, (SELECT max(id) FROM articles) AS newest, ${sql.join(perWord)} FROM (
        SELECT rowid AS id FROM article_search WHERE article_search MATCH ${ftsMatch(tokens)} ORDER BY rowid DESC LIMIT ${sample}
      ) m`.execute(db);
    const found = rows[0] ?? {};
    const [n, oldest, newest] = [Number(found.n ?? 0), Number(found.oldest ?? 0), Number(found.newest ?? 0)];
    if (n === 0) return null;
    // Few matches: read them all and sort them.
    if (n < sample) return sql<SqlBool>`${ref} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch(tokens)})`;
    // In most articles: walk the list's order and test each article (a seek in each word's entries).
    if (n / (newest - oldest + 1) >= FINDER_DENSE) return probe(tokens);
    // Between: the matches become a set once, tested on the walk in the list's order ("+" keeps the walk's
    // index). A word in nearly every article narrows nothing and makes the set cost as much as the archive is
    // large, so such words are tested on the set's survivors only.
    const common = tokens.filter((_, i) => {
      const at = found[`t${i}`];
      return at !== null && at !== undefined && newest - Number(at) < 2 * DENSITY_PROBE;
    });
    const narrowing = tokens.filter((t) => !common.includes(t));
    const set = sql<SqlBool>`+${ref} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${ftsMatch(narrowing.length ? narrowing : tokens)})`;
    return common.length && narrowing.length ? sql<SqlBool>`(${set} AND ${probe(common)})` : set;
  },
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
  // PostgreSQL's planner weighs the words' frequencies itself.
  matching: async (_db, tokens, id) =>
    sql<SqlBool>`${sql.ref(id)} IN (SELECT article_id AS id FROM article_search WHERE document @@ plainto_tsquery('english', ${tokens.join(' ')}))`,
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
