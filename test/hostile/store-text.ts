// Stores each payload in every free-text field of one article through the API, and checks what happened:
// accepted → the API, the stored row and the revision snapshot all hold exactly what was sent (trimmed where the
// schema trims); refused → a 4xx naming one of the fields the payload was in, and the article unchanged. A
// refused field is then left out and the rest tried again, so every field that can hold the payload does.
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { checkAnswer, send, tried } from './harness.ts';
import { ARTICLE_TEXT_PATHS, getAt, pathName, richArticle, setAt, TRIMMED, type JsonPath } from './inventory.ts';
import { executableParts } from './page-safety.ts';
import type { World } from './world.ts';

const TEXT_PATHS: JsonPath[] = ARTICLE_TEXT_PATHS.map((p) => p.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));

/** Past every field's limit but the paragraph's: such a payload goes into the headline and a paragraph only. */
const ONE_FIELD_AT_A_TIME = 1_000;

export async function storeEveryPayload(
  w: World,
  articleId: number,
  payloads: string[],
  headers: Record<string, string>,
  options: { checkPage?: (payload: string) => boolean } = {},
): Promise<{ stored: number; refused: number }> {
  const url = `/api/v1/articles/${articleId}`;
  const current = async () => (await send(w.app, { method: 'GET', url, headers })).json() as { revision: number; article: unknown };
  let before = await current();
  let stored = 0;
  let refused = 0;

  async function save(fields: JsonPath[], payload: string): Promise<string | null> {
    let article: unknown = richArticle(w);
    for (const p of fields) article = setAt(article, p, payload);
    const opts: InjectOptions = {
      method: 'PUT',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ baseRevision: before.revision, article }),
    };
    const res = await send(w.app, opts);
    const note = `${JSON.stringify(payload.slice(0, 60))} in ${fields.length === 1 ? pathName(fields[0]!) : `${fields.length} fields`}`;
    checkAnswer(res, opts, note);
    const after = await current();
    if (res.statusCode >= 400) {
      refused++;
      expect(after, `a refused save changed the article (${note})`).toEqual(before);
      const field = String(res.json().error.field ?? '').replace(/^article\./, '');
      expect(fields.map(pathName), `the refusal names a field the payload was in (${note}): ${res.body.slice(0, 200)}`).toContain(field);
      return field;
    }
    stored++;
    expect(res.statusCode).toBe(200);
    expect(after.revision, note).toBe(before.revision + 1);
    for (const p of fields) {
      if (pathName(p) === 'tags.0') continue; // tags are one per slug: an existing tag keeps its first spelling
      const expected = TRIMMED.has(pathName(p)) ? payload.trim() : payload;
      expect(getAt(after.article, p), `stored ${pathName(p)} (${note})`).toBe(expected);
    }
    // What readers get is the row, not the snapshot: once a live article's held save is applied, it must hold the
    // same text.
    if (res.json().held) {
      const update = await send(w.app, {
        method: 'POST',
        url: `${url}/update`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ revision: after.revision }),
      });
      expect(update.statusCode, `update (${note}): ${update.body.slice(0, 200)}`).toBe(200);
    }
    const row = (await w.t.store.articles.byId(articleId))!;
    expect(row.headline, `row headline (${note})`).toBe(getAt(after.article, ['headline']));
    expect(row.standfirst, `row standfirst (${note})`).toBe(getAt(after.article, ['standfirst']));
    expect(JSON.parse(row.body), `row body (${note})`).toEqual(getAt(after.article, ['body']));
    expect(
      [row.hero_caption, row.hero_credit, row.hero_alt, row.seo_title, row.seo_description],
      `row hero and SEO fields (${note})`,
    ).toEqual(['hero.caption', 'hero.credit', 'hero.alt', 'seoTitle', 'seoDescription'].map((p) => getAt(after.article, p.split('.'))));
    if (options.checkPage?.(payload)) {
      const page = await send(w.app, { method: 'GET', url: `/newsroom/articles/${articleId}/preview`, headers });
      expect(page.statusCode).toBe(200);
      expect(executableParts(page.body), `the article page with ${note}`).toEqual([]);
    }
    before = after;
    return null;
  }

  for (const payload of payloads) {
    tried(payload);
    if (payload.length > ONE_FIELD_AT_A_TIME) {
      for (const p of [TEXT_PATHS[0]!, TEXT_PATHS[6]!]) await save([p], payload);
      continue;
    }
    let fields = TEXT_PATHS;
    while (fields.length) {
      const refusedField = await save(fields, payload);
      if (refusedField === null) break;
      fields = fields.filter((p) => pathName(p) !== refusedField);
    }
  }
  return { stored, refused };
}
