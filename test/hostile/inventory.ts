// What there is to attack. The API comes from its own route table (src/api/routes.ts), so a new endpoint is
// covered as soon as it is added, and fails here until it has a valid example request. Every route Fastify has
// registered is listed from the router itself, so the suites can check that none was left out.
import type { FastifyInstance } from 'fastify';
import { apiRoutes, type ApiRoute } from '../../src/api/routes.ts';
import type { World } from './world.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
}

/** Every (method, path) in the router, read from Fastify's route tree (HEAD is left out: GET covers it). */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (depth > 1 ? stack[depth - 2]! : '') + m[2]!;
    stack[depth - 1] = url;
    stack.length = depth;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** A full article input: every field and every block type, so each is a place to put a payload. */
export function richArticle(w: World, headline = 'A rich article') {
  return {
    headline,
    standfirst: 'What happened, in one line.',
    slug: '',
    kind: 'news',
    primarySectionId: w.sectionId,
    extraSectionIds: [w.childSectionId],
    tags: ['Diplomacy'],
    authorIds: [w.personId],
    hero: { mediaId: w.mediaId, caption: 'A caption', credit: 'File photo', alt: 'Delegates at the harbour' },
    body: [
      {
        type: 'paragraph',
        content: [{ text: 'First paragraph ' }, { text: 'with a link', href: 'https://example.org/', bold: true, italic: false }],
      },
      { type: 'heading', level: 2, text: 'A heading' },
      { type: 'quote', text: 'A quotation.', attribution: 'A speaker' },
      { type: 'image', mediaId: w.mediaId, alt: 'Inline picture', caption: 'Inline caption', credit: 'Inline credit' },
      { type: 'list', style: 'bullet', items: [[{ text: 'One item' }], [{ text: 'Another', href: '/news' }]] },
      { type: 'embed', kind: 'link', url: 'https://example.org/report', title: 'The report', caption: 'Embed caption' },
    ],
    video: null,
    seoTitle: 'An SEO title',
    seoDescription: 'An SEO description',
  };
}

/** Paths of free-text fields in richArticle: any string up to the field's limit is valid there. */
export const ARTICLE_TEXT_PATHS = [
  'headline',
  'standfirst',
  'tags.0',
  'hero.caption',
  'hero.credit',
  'hero.alt',
  'body.0.content.0.text',
  'body.0.content.1.text',
  'body.1.text',
  'body.2.text',
  'body.2.attribution',
  'body.3.alt',
  'body.3.caption',
  'body.3.credit',
  'body.4.items.0.0.text',
  'body.5.title',
  'body.5.caption',
  'seoTitle',
  'seoDescription',
];

/** Fields the schema trims before storing (so a stored value is the trimmed one). */
export const TRIMMED = new Set([
  'headline',
  'standfirst',
  'slug',
  'tags.0',
  'hero.caption',
  'hero.credit',
  'hero.alt',
  'seoTitle',
  'seoDescription',
]);

let unique = 0;

export interface ApiExample {
  /** The URL with its parameters filled in. */
  url: string;
  body?: unknown;
}

/**
 * One valid request per API route, in a world where it succeeds. `state` supplies what changes as the suite
 * runs (an article's current revision). A route without an example fails the suite: add it here.
 */
let pageExamples = 0;

/**
 * A static page with every kind of field: title, address, summary, a body with a link and a picture, the footer.
 * Each example has an address of its own (a second page at one address is refused as a duplicate).
 */
function pageExample(w: World, title: string) {
  return {
    title,
    slug: `standards-${++pageExamples}`,
    summary: 'What we promise readers.',
    body: [
      { type: 'paragraph', content: [{ text: 'Write to ' }, { text: 'the desk', href: 'mailto:desk@news.example' }, { text: '.' }] },
      { type: 'heading', level: 2, text: 'Our promise' },
      { type: 'image', mediaId: w.mediaId, alt: 'The newsroom', caption: 'At work', credit: 'Staff' },
    ],
    role: null,
    inFooter: true,
    position: 3,
  };
}

export function apiExample(
  route: ApiRoute,
  w: World,
  state: {
    articleId: number;
    revision: number;
    tokenId: number;
    userId: number;
    mergePersonId?: number;
    tagId?: number;
    mergeTagId?: number;
    pageId?: number;
  },
): ApiExample {
  const article = (suffix = '') => `/api/v1/articles/${state.articleId}${suffix}`;
  const examples: Record<string, () => ApiExample> = {
    'GET /api/v1/me': () => ({ url: '/api/v1/me' }),
    'GET /api/v1/articles': () => ({ url: '/api/v1/articles?status=draft&mine=false&limit=5' }),
    'POST /api/v1/articles': () => ({ url: '/api/v1/articles', body: richArticle(w) }),
    'GET /api/v1/articles/:id': () => ({ url: article() }),
    'PUT /api/v1/articles/:id': () => ({
      url: article(),
      body: { baseRevision: state.revision, article: richArticle(w), autosave: false },
    }),
    'GET /api/v1/articles/:id/history': () => ({ url: article('/history') }),
    'POST /api/v1/articles/:id/restore': () => ({ url: article('/restore'), body: { revision: 1, baseRevision: state.revision } }),
    'POST /api/v1/articles/:id/submit': () => ({ url: article('/submit'), body: { note: 'Ready' } }),
    'POST /api/v1/articles/:id/publish': () => ({ url: article('/publish'), body: { note: 'Go' } }),
    'POST /api/v1/articles/:id/schedule': () => ({ url: article('/schedule'), body: { at: '2027-01-01T09:00:00Z', note: 'Later' } }),
    'POST /api/v1/articles/:id/unpublish': () => ({ url: article('/unpublish'), body: { note: 'Withdrawn' } }),
    'POST /api/v1/articles/:id/draft': () => ({ url: article('/draft'), body: { note: 'Back' } }),
    'POST /api/v1/articles/:id/lock': () => ({ url: article('/lock') }),
    'POST /api/v1/articles/bulk': () => ({
      url: '/api/v1/articles/bulk',
      body: { action: 'tag', ids: [state.articleId], tag: 'Harbours' },
    }),
    'POST /api/v1/articles/:id/corrections': () => ({
      url: article('/corrections'),
      body: { kind: 'correction', note: 'We misspelled a name.' },
    }),
    'POST /api/v1/articles/:id/update': () => ({
      url: article('/update'),
      body: { revision: state.revision, note: 'Live now', significantUpdate: true },
    }),
    'POST /api/v1/articles/:id/discard': () => ({ url: article('/discard'), body: { revision: state.revision } }),
    'GET /api/v1/collections/:slug': () => ({ url: '/api/v1/collections/top-stories' }),
    'PUT /api/v1/collections/:slug': () => ({
      url: '/api/v1/collections/top-stories',
      body: { items: [{ articleId: w.publishedId, startsAt: '2026-11-01T00:00:00Z', endsAt: null }] },
    }),
    'GET /api/v1/people': () => ({ url: '/api/v1/people?limit=5' }),
    'POST /api/v1/people': () => ({
      url: '/api/v1/people',
      body: { name: `Author ${++unique}`, slug: '', title: 'Correspondent', bio: 'Reports on ports.' },
    }),
    'PUT /api/v1/people/:id': () => ({
      url: `/api/v1/people/${w.personId}`,
      body: {
        name: 'Renamed author',
        title: 'Editor',
        bio: 'A bio.',
        photoMediaId: w.mediaId,
        links: [{ label: 'Website', url: 'https://example.org/rita' }],
      },
    }),
    // Merges remove their source: stateFor (api-kit.ts) makes a fresh one for each request that must succeed.
    'POST /api/v1/people/:id/merge': () => ({
      url: `/api/v1/people/${state.mergePersonId ?? w.personId}/merge`,
      body: { intoId: w.personId },
    }),
    'GET /api/v1/tags': () => ({ url: '/api/v1/tags?q=dipl&limit=5' }),
    'PUT /api/v1/tags/:id': () => ({
      url: `/api/v1/tags/${state.tagId ?? 1}`,
      body: { name: 'Diplomacy', description: 'Talks, treaties and envoys.' },
    }),
    'POST /api/v1/tags/:id/merge': () => ({
      url: `/api/v1/tags/${state.mergeTagId ?? 1}/merge`,
      body: { intoId: state.tagId ?? 1 },
    }),
    'POST /api/v1/sections': () => ({
      url: '/api/v1/sections',
      body: { name: 'Science', slug: `science-${++unique}`, parentId: null, description: 'About science', position: 3 },
    }),
    'PUT /api/v1/sections/:id': () => ({
      url: `/api/v1/sections/${w.childSectionId}`,
      body: { name: 'Europe', slug: 'europe', parentId: w.sectionId, description: 'About Europe', position: 0 },
    }),
    'GET /api/v1/users': () => ({ url: '/api/v1/users' }),
    'POST /api/v1/users': () => ({
      url: '/api/v1/users',
      body: {
        email: `new.person.${++unique}@news.example`,
        name: 'New Person',
        role: 'writer',
        password: 'a long enough password',
        personId: null,
      },
    }),
    'PUT /api/v1/users/:id/role': () => ({ url: `/api/v1/users/${state.userId}/role`, body: { role: 'writer' } }),
    'GET /api/v1/tokens': () => ({ url: '/api/v1/tokens' }),
    'POST /api/v1/tokens': () => ({ url: '/api/v1/tokens', body: { name: 'Import script' } }),
    'DELETE /api/v1/tokens/:id': () => ({ url: `/api/v1/tokens/${state.tokenId}` }),
    'GET /api/v1/media': () => ({ url: '/api/v1/media?q=delegates' }),
    'POST /api/v1/media': () => ({ url: '/api/v1/media' }),
    'PUT /api/v1/media/:id': () => ({
      url: `/api/v1/media/${w.mediaId}`,
      body: { alt: 'Delegates', caption: 'A caption', credit: 'File photo', focusX: 0.25, focusY: 0.5 },
    }),
    'GET /api/v1/media/:id': () => ({ url: `/api/v1/media/${w.mediaId}` }),
    'GET /api/v1/audit': () => ({ url: '/api/v1/audit' }),
    // Static pages: stateFor (api-kit.ts) makes a fresh one for each request on /pages/:id (a delete removes it).
    'GET /api/v1/pages': () => ({ url: '/api/v1/pages' }),
    'POST /api/v1/pages': () => ({ url: '/api/v1/pages', body: pageExample(w, 'Standards and practices') }),
    'GET /api/v1/pages/:id': () => ({ url: `/api/v1/pages/${state.pageId ?? 1}` }),
    'PUT /api/v1/pages/:id': () => ({ url: `/api/v1/pages/${state.pageId ?? 1}`, body: pageExample(w, 'How we correct mistakes') }),
    'POST /api/v1/pages/:id/publish': () => ({ url: `/api/v1/pages/${state.pageId ?? 1}/publish` }),
    'POST /api/v1/pages/:id/unpublish': () => ({ url: `/api/v1/pages/${state.pageId ?? 1}/unpublish` }),
    'DELETE /api/v1/pages/:id': () => ({ url: `/api/v1/pages/${state.pageId ?? 1}` }),
  };
  const example = examples[routeKey(route)];
  if (!example)
    throw new Error(`${routeKey(route)} has no example request in test/hostile/inventory.ts: add one so the hostile-input suite covers it`);
  return example();
}

export { apiRoutes };

/** Where a value sits inside a JSON document: keys and array indexes. */
export type JsonPath = (string | number)[];

/** Every position in a JSON value (containers included), depth first. */
export function jsonPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => void out.push(...jsonPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...jsonPaths(v, [...prefix, k]));
  return out;
}

export const pathName = (p: JsonPath) => p.join('.');

export function getAt(value: unknown, p: JsonPath): unknown {
  return p.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}

/** A deep copy with the value at `p` replaced, or removed when `replacement` is the REMOVE marker. */
export const REMOVE = Symbol('remove');
export function setAt(value: unknown, p: JsonPath, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = p.at(-1)!;
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** The public GET routes worth attacking, with a working example of each (parameters filled). */
export function publicExamples(w: World): Record<string, string> {
  return {
    '/': '/',
    '/search': '/search?q=geneva',
    '/tag/:slug': `/tag/${w.tagSlug}`,
    '/author/:slug': `/author/${w.personSlug}`,
    '/tag/:slug/feed.xml': `/tag/${w.tagSlug}/feed.xml`,
    '/tag/:slug/feed.atom': `/tag/${w.tagSlug}/feed.atom`,
    '/tag/:slug/feed.json': `/tag/${w.tagSlug}/feed.json`,
    '/author/:slug/feed.xml': `/author/${w.personSlug}/feed.xml`,
    '/author/:slug/feed.atom': `/author/${w.personSlug}/feed.atom`,
    '/author/:slug/feed.json': `/author/${w.personSlug}/feed.json`,
    '/feed.xml': '/feed.xml',
    '/feed.atom': '/feed.atom',
    '/feed.json': '/feed.json',
    '/sitemap.xml': '/sitemap.xml',
    '/sitemaps/:name': '/sitemaps/sections.xml',
    '/news-sitemap.xml': '/news-sitemap.xml',
    '/robots.txt': '/robots.txt',
    '/tv/roku.json': '/tv/roku.json',
    '/tv/mrss.xml': '/tv/mrss.xml',
    '/live': '/live',
    '/healthz': '/healthz',
    '/readyz': '/readyz',
    '/api/openapi.json': '/api/openapi.json',
    '/assets/vendor/hls.min.js': '/assets/vendor/hls.min.js',
    '/*': w.publishedPath,
  };
}

/** Shapes the catch-all route (`/*`) answers: sections, articles, section feeds, static files. */
export function catchAllShapes(w: World): ((x: string) => string)[] {
  const [, section, sub, yyyy, mm, dd, id, slug] = w.publishedPath.split('/');
  return [
    (x) => `/${x}`,
    (x) => `/${section}/${x}`,
    (x) => `/${section}/${sub}/${x}`,
    (x) => `/${section}/${sub}/${yyyy}/${mm}/${dd}/${x}/${slug}`,
    (x) => `/${section}/${sub}/${yyyy}/${mm}/${dd}/${id}/${x}`,
    (x) => `/${section}/${sub}/${x}/${mm}/${dd}/${id}/${slug}`,
    (x) => `/${section}/${x}/feed.xml`,
    (x) => `/${section}/feed.${x}`,
    (x) => `/assets/${x}`,
    (x) => `/assets/build/${x}`,
    (x) => `/media/${x}`,
    (x) => `/media/test/${x}`,
    (x) => `/sitemaps/${x}`,
  ];
}
