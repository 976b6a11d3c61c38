// The newsroom's HTML forms under hostile input (SQLite; the forms call the same services as the API, whose
// storage runs on both databases in api-storage.test.ts). The forms are found the way a browser finds them, by reading
// every newsroom page (forms.ts), so a new form is covered without listing it; a check below fails when a POST
// route has no form on any page. Each form is sent with payloads in its fields, fields missing or repeated,
// forged CSRF tokens and raw bodies. Never a 5xx; a 4xx is a page that says what went wrong; the editor stores
// text exactly or refuses it with the article unchanged; stored text shows as text on the newsroom's pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { sqliteTestDb } from '../support/db.ts';
import { makePerson } from '../support/factories.ts';
import sharp from 'sharp';
import { encodeForm, encodeMultipart, formsOf, type FoundForm } from './forms.ts';
import { checkAnswer, expectAnswered, report, send, tried } from './harness.ts';
import { registeredRoutes, richArticle } from './inventory.ts';
import { executableParts } from './page-safety.ts';
import { oversized, sample, shareOf, strings, unicode, xss } from './payloads.ts';
import { rawBodies } from './payloads-raw.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
const ids = { draft: 0, review: 0, published: 0, held: 0 };
let forms: FoundForm[] = [];
/** An author and a tag whose merge confirmation pages are crawled (the forms found there are aimed at fresh ones). */
const merging = { person: 0, into: 0, tag: 0, tagInto: '' };
let tagId = 0;
let staticPageId = 0;
let n = 0;

/** Values for fields a browser user would have to fill in before the form can be sent. */
const FILL: Record<string, () => string> = {
  headline: () => `A headline ${++n}`,
  at: () => '2027-01-01T09:00:00',
  note: () => 'A note for the record',
  name: () => `Name ${++n}`,
  slug: () => `slug-${++n}`,
  email: () => `person.${++n}@news.example`,
  password: () => 'a long enough password',
  articleId: () => String(ids.published),
  primarySectionId: () => String(w.sectionId),
  title: () => `A title ${++n}`,
};

/** Fields whose text is stored and shown again: they get the text corpus. */
const TEXT_FIELDS = new Set([
  'headline',
  'standfirst',
  'tags',
  'heroAlt',
  'heroCaption',
  'heroCredit',
  'seoTitle',
  'seoDescription',
  'note',
  'name',
  'description',
  'alt',
  'caption',
  'credit',
  'title',
  'summary',
]);
const textCorpus = strings.filter((s) => !oversized.includes(s));

beforeAll(async () => {
  w = await buildWorld(await sqliteTestDb());
  const admin = w.people.admin.actor;
  for (const status of ['draft', 'review', 'published', 'held'] as const)
    ids[status] = await articleIn(status, `Newsroom target (${status})`);
  await w.app.services.curation.setCollection(admin, 'top-stories', {
    items: [{ articleId: ids.published }, { articleId: w.publishedId }],
  });
  merging.person = await makePerson(w.t.store, 'Merge Source');
  merging.into = await makePerson(w.t.store, 'Merge Target');
  merging.tag = await w.t.store.taxonomy.ensureTag('merge-source', 'Merge source');
  merging.tagInto = w.tagSlug;
  tagId = (await w.t.store.tags.bySlug(w.tagSlug))!.id;
  staticPageId = await freshPage();
  forms = await crawl();
});

afterAll(async () => {
  report('newsroom forms, sqlite');
  await w?.close();
});

const pages = () => [
  '/newsroom',
  '/newsroom/articles',
  '/newsroom/articles/new',
  ...Object.values(ids).flatMap((id) => [
    `/newsroom/articles/${id}`,
    `/newsroom/articles/${id}/history`,
    `/newsroom/articles/${id}/preview`,
  ]),
  '/newsroom/collections/editors-choice',
  '/newsroom/collections/top-stories',
  '/newsroom/sections',
  '/newsroom/users',
  '/newsroom/people',
  `/newsroom/people/${w.personId}`,
  `/newsroom/people/${merging.person}/merge?into=${merging.into}`,
  '/newsroom/tags',
  `/newsroom/tags/${tagId}`,
  `/newsroom/tags/${merging.tag}/merge?into=${merging.tagInto}`,
  '/newsroom/pages',
  '/newsroom/pages/new',
  `/newsroom/pages/${staticPageId}`,
  '/newsroom/media',
  `/newsroom/media/${w.mediaId}`,
  '/newsroom/tokens',
  '/newsroom/audit',
];

async function crawl(): Promise<FoundForm[]> {
  const found: FoundForm[] = [];
  for (const page of pages()) {
    const res = await send(w.app, { method: 'GET', url: page, headers: w.session.headers(false) });
    expect(res.statusCode, page).toBe(200);
    found.push(...formsOf(res.body, page).filter((f) => f.method === 'POST'));
  }
  return found;
}

/** The route pattern a form posts to ("/newsroom/articles/:id/submit"), from the router's own list. */
function routeOf(action: string): string | undefined {
  return registeredRoutes(w.app)
    .filter((r) => r.method === 'POST')
    .map((r) => r.url)
    .find((pattern) => new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`).test(action));
}

/** One form per route and button (the media page has a form per picture; one is enough). */
function distinctForms(): FoundForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = `${routeOf(f.action)} ${f.fields.filter(([k]) => k === 'op' || k === 'everywhere').join()}`;
    if (seen.has(key) || f.action === '/newsroom/sign-out') return false;
    seen.add(key);
    return true;
  });
}

/** The same form aimed at a new article in the same status, so status changes tried earlier do not get in the way. */
async function freshTarget(form: FoundForm): Promise<FoundForm> {
  // A token revoked meanwhile (the Users page revokes all of a user's tokens) is aimed at a new one.
  if (/^\/newsroom\/tokens\/\d+\/revoke$/.test(form.action)) {
    const { id } = await w.app.services.auth.createApiToken(w.people.admin.user.id, 'fresh target');
    return { ...form, action: `/newsroom/tokens/${id}/revoke` };
  }
  // A merge removes its source: each is aimed at a new one.
  if (/^\/newsroom\/people\/\d+\/merge$/.test(form.action))
    return { ...form, action: `/newsroom/people/${await makePerson(w.t.store, `Fresh source ${++n}`)}/merge` };
  if (/^\/newsroom\/tags\/\d+\/merge$/.test(form.action))
    return { ...form, action: `/newsroom/tags/${await w.t.store.taxonomy.ensureTag(`fresh-source-${++n}`, 'Fresh source')}/merge` };
  // A deleted page is gone: each delete is aimed at a new one.
  if (/^\/newsroom\/pages\/\d+\/delete$/.test(form.action)) return { ...form, action: `/newsroom/pages/${await freshPage()}/delete` };
  const m = /^\/newsroom\/articles\/(\d+)\/(\w+)$/.exec(form.action);
  const status = m && (Object.keys(ids) as (keyof typeof ids)[]).find((k) => ids[k] === Number(m[1]));
  if (!m || !status) return form;
  const id = await articleIn(status, `Fresh target (${status})`);
  return { ...form, action: `/newsroom/articles/${id}/${m[2]}` };
}

/** A static page of its own (published, so its form offers Unpublish). */
async function freshPage(): Promise<number> {
  const admin = w.people.admin.actor;
  const page = await w.app.services.pages.create(admin, { title: 'Target page', slug: `target-page-${++n}` });
  await w.app.services.pages.publish(admin, page.id);
  return page.id;
}

/**
 * An article with two revisions in a status (as the originals, so a form's revision fields fit a fresh one);
 * "held" is published with a third revision held back from readers (Update and Discard act on it).
 */
async function articleIn(status: keyof typeof ids, headline: string): Promise<number> {
  const admin = w.people.admin.actor;
  const { id } = await w.app.services.content.create(admin, richArticle(w, headline));
  await w.app.services.content.save(admin, id, richArticle(w, `${headline}, revised`), 1);
  if (status !== 'draft') await w.app.services.workflow.submit(admin, id);
  if (status === 'published' || status === 'held') await w.app.services.workflow.publish(admin, id);
  if (status === 'held') await w.app.services.content.save(admin, id, richArticle(w, `${headline}, held`), 2);
  return id;
}

/** The form's own values, with required empty fields filled in as a user would. */
function filled(form: FoundForm): [string, string][] {
  return form.fields.map(([k, v]) => [k, v === '' && FILL[k] ? FILL[k]() : v]);
}

/** The editor's current revision, so a save is based on the latest one and reaches validation and storage. */
async function freshRevision(form: FoundForm, fields: [string, string][]): Promise<[string, string][]> {
  const m = /^\/newsroom\/articles\/(\d+)$/.exec(form.action);
  if (!m) return fields;
  const { revision } = await w.app.services.content.current(w.people.admin.actor, Number(m[1]));
  return fields.map(([k, v]) => [k, k === 'baseRevision' ? String(revision) : v]);
}

const smallPng = sharp({ create: { width: 16, height: 9, channels: 3, background: '#2266aa' } })
  .png()
  .toBuffer();

async function post(
  form: FoundForm,
  changes: Record<string, string | string[] | undefined>,
  note: string,
  headers: Record<string, string> = {},
) {
  const fields = await freshRevision(form, filled(form));
  // An upload form sends a small picture with its fields, as a browser does once a file is chosen.
  const body = form.multipart
    ? encodeMultipart(fields, changes, { name: 'square.png', type: 'image/png', bytes: await smallPng })
    : { payload: encodeForm(fields, changes), contentType: 'application/x-www-form-urlencoded' };
  const opts: InjectOptions = {
    method: 'POST',
    url: form.action,
    headers: { ...w.session.headers(false), 'content-type': body.contentType, ...headers },
    payload: body.payload,
  };
  const res = await send(w.app, opts);
  checkAnswer(res, opts, `${form.action} ${note}`);
  return res;
}

describe('hostile input against the newsroom forms on sqlite', () => {
  it('finds a form for every newsroom POST route, and each form as found (filled in) is accepted', async () => {
    const posted = new Set(forms.map((f) => routeOf(f.action)));
    const routes = registeredRoutes(w.app).filter(
      (r) => r.method === 'POST' && r.url.startsWith('/newsroom') && r.url !== '/newsroom/sign-in',
    );
    expect(
      routes.filter((r) => !posted.has(r.url)).map((r) => r.url),
      'newsroom POST routes no page offers a form for',
    ).toEqual([]);
    for (const form of distinctForms()) {
      const res = await post(await freshTarget(form), {}, 'as found');
      expect(res.statusCode, `${form.action} from ${form.page}: ${res.body.slice(0, 300)}`).toBeLessThan(400);
    }
    forms = await crawl(); // the submissions moved articles on; read the pages again
  });

  it('the editor: every text payload in every text field is stored exactly, or refused with the article unchanged, and shows as text', async () => {
    const form = forms.find((f) => f.action === `/newsroom/articles/${ids.draft}`)!;
    const text = form.fields.map(([k]) => k).filter((k) => TEXT_FIELDS.has(k) && k !== 'tags');
    const current = () => w.app.services.content.current(w.people.admin.actor, ids.draft);
    let stored = 0;
    for (const payload of textCorpus) {
      tried(payload);
      const body = JSON.stringify([
        { type: 'paragraph', content: [{ text: payload }] },
        { type: 'quote', text: `“${payload}”`, attribution: payload },
      ]);
      let fields = [...text, 'body'];
      while (fields.length) {
        const before = await current();
        const changes = Object.fromEntries(fields.map((k) => [k, k === 'body' ? body : payload]));
        const res = await post(form, changes, `${JSON.stringify(payload.slice(0, 40))} in ${fields.join(', ')}`);
        const after = await current();
        if (res.statusCode >= 400) {
          expect(after.revision, 'a refused save made a revision').toBe(before.revision);
          expect(after.input).toEqual(before.input);
          // Leave out the field the message names ("hero.alt: alt text is required"), or give up on this payload.
          const field = formFieldOf(pageErrorMessage(res.body));
          if (!field || !fields.includes(field)) break;
          fields = fields.filter((f) => f !== field);
          continue;
        }
        expect(res.statusCode).toBe(303);
        stored++;
        // A form carries text as the browser's USVString: an unpaired surrogate arrives as U+FFFD.
        const sent = Buffer.from(payload, 'utf8').toString('utf8').trim();
        const got: Record<string, unknown> = {
          headline: after.input.headline,
          standfirst: after.input.standfirst,
          heroAlt: after.input.hero?.alt,
          heroCaption: after.input.hero?.caption,
          heroCredit: after.input.hero?.credit,
          seoTitle: after.input.seoTitle,
          seoDescription: after.input.seoDescription,
        };
        for (const k of fields.filter((f) => f in got)) expect(got[k], `stored ${k} (${JSON.stringify(payload.slice(0, 40))})`).toBe(sent);
        if (fields.includes('body')) expect(after.input.body[0]).toEqual({ type: 'paragraph', content: [{ text: payload }] });
        if (xss.includes(payload)) {
          for (const page of [`/newsroom/articles/${ids.draft}`, `/newsroom/articles/${ids.draft}/history`]) {
            const res = await send(w.app, { method: 'GET', url: page, headers: w.session.headers(false) });
            expect(res.statusCode).toBe(200);
            expect(executableParts(res.body), `${page} with ${payload}`).toEqual([]);
          }
        }
        break;
      }
    }
    expect(stored).toBeGreaterThan(textCorpus.length / 2);
  });

  it('every other form: text payloads in its text fields, and each page that shows them stays text', async () => {
    // The services behind these forms got the whole corpus through the API; here each form gets a share of
    // the markup and unicode payloads (all of them across the forms) to check the form path and the pages.
    const set = [...xss, ...unicode, ...sample];
    let i = 0;
    for (const form of distinctForms().filter((f) => !/^\/newsroom\/articles(\/\d+)?$/.test(f.action))) {
      const text = form.fields.map(([k]) => k).filter((k) => TEXT_FIELDS.has(k));
      if (!text.length) continue;
      // A fixed address for new users: after the first, the rest are refused as duplicates after validation.
      const fixed = form.fields.some(([k]) => k === 'password') ? { email: 'fixed.person@news.example' } : {};
      for (const payload of shareOf(set, i++, 25)) {
        tried(payload);
        await post(
          form,
          { ...fixed, ...Object.fromEntries(text.map((k) => [k, payload])) },
          `${JSON.stringify(payload.slice(0, 40))} in ${text.join(', ')}`,
        );
      }
      for (const payload of oversized.slice(0, 3))
        for (const k of text) await post(form, { ...fixed, [k]: payload }, `${k}: ${payload.length} characters`);
    }
    for (const page of pages()) {
      const res = await send(w.app, { method: 'GET', url: page, headers: w.session.headers(false) });
      expect(res.statusCode, page).toBe(200);
      expect(executableParts(res.body), page).toEqual([]);
    }
  });

  it('every field of every form: odd values, missing, repeated', async () => {
    let i = 0;
    for (const form of distinctForms()) {
      for (const [name] of form.fields) {
        if (name === '_csrf') continue;
        for (const value of shareOf(sample, i++, 3)) {
          tried(value);
          await post(form, { [name]: value }, `${name} = ${value.slice(0, 40)}`);
        }
        await post(form, { [name]: undefined }, `without ${name}`);
        await post(form, { [name]: ['1', '<b>2</b>'] }, `${name} twice`);
      }
      await post(
        form,
        { evil: '<script>alert(1)</script>', __proto__: 'x', 'constructor[prototype][x]': '1' } as Record<string, string>,
        'extra fields',
      );
    }
  });

  it('forged, missing and hostile CSRF tokens are refused on every form', async () => {
    for (const form of distinctForms()) {
      for (const csrf of [undefined, '', 'x', w.session.csrf.slice(1), `${w.session.csrf}x`, '<script>alert(1)</script>', '\u0000']) {
        const res = await post(form, { _csrf: csrf }, `_csrf = ${String(csrf)}`);
        expect(res.statusCode, `${form.action} with _csrf ${String(csrf)}`).toBe(csrf === '\u0000' ? 400 : 403);
      }
    }
  });

  it('raw bodies and wrong content types on every form', async () => {
    let i = 0;
    for (const form of distinctForms()) {
      const editor = /^\/newsroom\/articles\/\d+$/.test(form.action);
      for (const body of editor
        ? rawBodies
        : shareOf(
            rawBodies.filter((b) => b.payload.length < 100_000),
            i++,
            5,
          )) {
        tried(body.payload);
        const headers = { ...w.session.headers(true), ...(body.contentType ? { 'content-type': body.contentType } : {}) };
        await expectAnswered(w.app, { method: 'POST', url: form.action, headers, payload: body.payload }, body.name);
      }
    }
  });
});

/** The form field a refusal names: "hero.alt: …" → heroAlt, "body.0.content.0.text: …" → body. */
function formFieldOf(message: string): string | undefined {
  const f = /^([\w.]+): /.exec(message.trim())?.[1];
  if (!f) return undefined;
  if (f.startsWith('body')) return 'body';
  if (f.startsWith('hero.')) return `hero${f[5]!.toUpperCase()}${f.slice(6)}`;
  return f;
}

function pageErrorMessage(html: string): string {
  return (
    /<p class="nr-notice nr-error" role="alert">([^]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]*>/g, '') ??
    /<div class="error-page"><h1>[^<]*<\/h1><p>([^<]*)<\/p>/.exec(html)?.[1] ??
    ''
  );
}
