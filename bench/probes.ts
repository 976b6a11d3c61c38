// One-off measurements of the benchmark besides load: how fast a publish shows everywhere, what an article
// page weighs, where page 500 of a big section starts, and what the newsroom's finder is asked.
import http from 'node:http';
import { loadConfig } from '../src/config.ts';
import { openDb } from '../src/store/db.ts';
import { createStore } from '../src/store/index.ts';
import { authService } from '../src/services/auth/auth.ts';
import { SectionTree } from '../src/domain/sections.ts';
import { PAGE_SIZE } from '../src/services/reader.ts';

/** GET on a new connection (so that successive calls reach every worker); body as text. */
export function fresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      })
      .on('error', reject);
  });
}

/** A database as the bench names it (a SQLite file, `sqlite:FILE` or `postgres://…`), as DATABASE_URL reads it. */
export function databaseUrl(database: string): string {
  return /^(sqlite|file|postgres(ql)?):/.test(database) ? database : `sqlite:${database}`;
}

const open = (database: string) => openDb(loadConfig({ DATABASE_URL: databaseUrl(database) }).database);

/** How many articles the database holds (of any status). */
export async function articleCount(database: string): Promise<number> {
  const db = open(database);
  try {
    const row = await db.kysely
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** The URL of page `page` of a section's listing, reached the way readers reach it: by the Older links' cursor. */
export async function deepSectionUrl(database: string, sectionPath: string, page: number): Promise<{ url: string; page: number }> {
  const db = open(database);
  try {
    const store = createStore(db);
    const tree = new SectionTree(await store.taxonomy.allSections());
    const ids = tree.subtreeIds(tree.find(sectionPath)!.id);
    // The last article of the page before: its id is the cursor of that page's Older link.
    for (let p = page; p > 1; p = Math.floor(p / 2)) {
      const [last] = (await store.articles.inSections(ids, { limit: 1, offset: (p - 1) * PAGE_SIZE - 1 })).items;
      if (last) return { url: `/${sectionPath}?page=${p}&before=${last.id}`, page: p };
    }
    return { url: `/${sectionPath}`, page: 1 };
  } finally {
    await db.close();
  }
}

export interface BenchEditor {
  /** An API token (Authorization: Bearer). */
  token: string;
  /** A newsroom session (the mh_session cookie), as a browser signed in holds it. */
  session: string;
  sectionId: number;
}

/** An editor with an API token and a signed-in session in the archive, for the publishing probe and the finder. */
export async function benchEditor(database: string): Promise<BenchEditor> {
  const db = open(database);
  try {
    const store = createStore(db);
    const auth = authService(store);
    const email = `bench-${Date.now()}@news.example`;
    const password = 'benchmark password, not secret';
    const user = await auth.createUser({ email, name: 'Benchmark Editor', role: 'editor', password });
    const section = new SectionTree(await store.taxonomy.allSections()).find('news/europe')!;
    const session = await auth.signIn({ email, password, ip: '127.0.0.1', userAgent: 'masthead bench' });
    return { token: (await auth.createApiToken(user.id, 'benchmark')).token, session: session.token, sectionId: section.id };
  } finally {
    await db.close();
  }
}

/**
 * Publishes through the API and measures until the article page, home, its section and the feed show it on
 * every worker (each checked twice on new connections per poll). The article is withdrawn afterwards.
 */
export async function publishToVisible(base: string, editor: BenchEditor, workers: number): Promise<number> {
  const api = (url: string, body: unknown) =>
    fetch(base + url, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const headline = `Benchmark probe ${Date.now().toString(36)}`;
  const pages = ['/', '/news/europe', '/news', '/feed.xml'];
  for (const p of pages) for (let i = 0; i < workers * 2; i++) await fresh(base + p); // cached everywhere
  const created = await api('/api/v1/articles', {
    headline,
    primarySectionId: editor.sectionId,
    body: [{ type: 'paragraph', content: [{ text: 'A probe.' }] }],
  });
  const { id } = (await created.json()) as { id: number };
  const started = performance.now();
  if ((await api(`/api/v1/articles/${id}/publish`, {})).status !== 200) throw new Error('publish failed');
  let visible = -1;
  while (performance.now() - started < 10_000) {
    const bodies = await Promise.all(pages.flatMap((p) => Array.from({ length: workers }, () => fresh(base + p))));
    const href = /href="([^"]+)"[^>]*>Benchmark probe/.exec(bodies[workers]!.body)?.[1];
    const article = href ? await Promise.all(Array.from({ length: workers }, () => fresh(base + href))) : [];
    if (bodies.every((b) => b.body.includes(headline)) && article.length && article.every((a) => a.status === 200)) {
      visible = performance.now() - started;
      break;
    }
  }
  await api(`/api/v1/articles/${id}/unpublish`, {});
  return visible;
}

export interface PageWeight {
  htmlKb: number;
  cssKb: number;
  readsWithoutJs: boolean;
  imagesSized: boolean;
  belowFoldLazy: boolean;
}

/** What an article page weighs, and whether it reads without JavaScript with its images sized and lazy. */
export async function pageWeight(base: string, articlePath: string): Promise<PageWeight> {
  const html = (await fresh(base + articlePath)).body;
  const css = (await fresh(`${base}/assets/site.css`)).body;
  const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  return {
    htmlKb: Buffer.byteLength(html) / 1024,
    cssKb: Buffer.byteLength(css) / 1024,
    // The text is in the HTML, and every script is either data (JSON-LD) or deferred enhancement.
    readsWithoutJs:
      /<h1[^>]*>[^<]+<\/h1>/.test(html) && /<p>/.test(html) && scripts.every((a) => /application\/ld\+json|\bdefer\b|\basync\b/.test(a)),
    imagesSized: imgs.every((i) => /\bwidth="\d+"/.test(i) && /\bheight="\d+"/.test(i)),
    belowFoldLazy: imgs.slice(1).every((i) => /loading="lazy"/.test(i)),
  };
}

/** What the newsroom's finder is asked in the bench: a section with sub-sections, an author and a tag of the corpus. */
export async function finderSubjects(database: string): Promise<{ sectionId: number; personId: number; tag: string }> {
  const db = open(database);
  try {
    const store = createStore(db);
    const tree = new SectionTree(await store.taxonomy.allSections());
    const news = tree.find('news')!;
    if (tree.subtreeIds(news.id).length < 2) throw new Error('the section news has no sub-sections');
    const person = (await store.taxonomy.personBySlug('corpus-reporter-1')) ?? (await store.taxonomy.allPeople())[0];
    if (!person) throw new Error('no author in the archive');
    return { sectionId: news.id, personId: person.id, tag: 'topic-1' };
  } finally {
    await db.close();
  }
}

/**
 * The URL of the finder's page `page` (1 is the first), reached as a client does: by each page's nextCursor; on a
 * list with fewer pages, its last page.
 */
export async function finderPageUrl(
  base: string,
  pathAndQuery: string,
  page: number,
  token: string,
): Promise<{ url: string; page: number }> {
  let url = pathAndQuery;
  let p = 1;
  for (; p < page; p++) {
    const res = await fetch(base + url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    const { nextCursor } = (await res.json()) as { nextCursor: string | null };
    if (!nextCursor) break;
    url = `${pathAndQuery}&cursor=${nextCursor}`;
  }
  return { url, page: p };
}
