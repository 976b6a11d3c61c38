// Writing articles: create, save (with no lost updates), restore, history. Workflow lives in workflow.ts.
import { isDeepStrictEqual } from 'node:util';
import type { ArticleStatus } from '../../domain/article.ts';
import { can, type Actor, type ArticleFacts, type MediaFacts, type Operation } from '../../domain/permissions.ts';
import { slugify } from '../../domain/slug.ts';
import { AppError, invalidInput } from '../../errors.ts';
import type { EventBus } from '../../events/bus.ts';
import type { Queries, Store } from '../../store/index.ts';
import type { ArticleContent } from '../../store/editorial.ts';
import { articleInputSchema, restoreBody, saveArticleBody, type ArticleInput, type ArticleInputRaw } from './schema.ts';
import { parseWith } from '../page.ts';
import { unstorableText } from '../../domain/text.ts';

export interface SaveOptions {
  /** Autosaves are revisions too, marked so the history can fold them. */
  autosave?: boolean;
  /**
   * Save only when the input differs from the current revision (a "save and publish" of an unchanged story must
   * not add an empty revision, nor hold an identical copy of a live article).
   */
  onlyIfChanged?: boolean;
}

export function parseArticleInput(raw: unknown): ArticleInput {
  const parsed = articleInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  return parsed.data;
}

/** Refuses text the database cannot keep as sent (domain/text.ts); the newsroom's body arrives as JSON inside a form field, past the HTTP guard. */
function storable(input: ArticleInput): ArticleInput {
  const bad = unstorableText(input);
  if (bad) throw new AppError('INVALID_INPUT', `${bad.field}: ${bad.problem}`, { field: bad.field });
  return input;
}

/** Whether `input` is what the article's current revision already holds (compared in its parsed, stored form). */
async function sameAsCurrent(tx: Queries, id: number, revision: number, input: ArticleInput): Promise<boolean> {
  const rev = await tx.editorial.revision(id, revision);
  const current = rev ? parseArticleInput(JSON.parse(rev.snapshot)) : await inputFromRow(tx, id);
  return isDeepStrictEqual(current, input);
}

/** Loads what permission checks need, or ARTICLE_NOT_FOUND. */
export async function articleFacts(store: Queries, id: number) {
  const state = await store.editorial.editorialState(id);
  if (!state) throw new AppError('ARTICLE_NOT_FOUND');
  return { ...state, status: state.status as ArticleStatus, createdBy: state.created_by };
}

export function authorize(actor: Actor, op: Operation, facts?: ArticleFacts | MediaFacts) {
  if (!can(actor, op, facts)) throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${op.replace('.', ' → ')} here.`);
}

/** Checks references (section, authors, media); throws INVALID_INPUT naming the field. */
async function checkReferences(tx: Queries, input: ArticleInput): Promise<void> {
  const sections = new Set((await tx.taxonomy.allSections()).map((s) => s.id));
  if (!sections.has(input.primarySectionId))
    throw new AppError('INVALID_INPUT', 'primarySectionId: no such section', { field: 'primarySectionId' });
  const badExtra = input.extraSectionIds.find((s) => !sections.has(s));
  if (badExtra) throw new AppError('INVALID_INPUT', `extraSectionIds: no section ${badExtra}`, { field: 'extraSectionIds' });
  const people = await tx.taxonomy.peopleByIds(input.authorIds);
  const badAuthor = input.authorIds.find((a) => !people.has(a));
  if (badAuthor) throw new AppError('INVALID_INPUT', `authorIds: no author ${badAuthor}`, { field: 'authorIds' });
  const mediaIds = [
    ...(input.hero ? [input.hero.mediaId] : []),
    ...(input.video?.posterMediaId ? [input.video.posterMediaId] : []),
    ...input.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])),
  ];
  const media = await tx.media.byIds(mediaIds);
  const badMedia = mediaIds.find((m) => !media.has(m));
  if (badMedia)
    throw new AppError('INVALID_INPUT', `${input.hero?.mediaId === badMedia ? 'hero.mediaId' : 'body'}: no image ${badMedia}`, {
      field: 'hero',
    });
}

/**
 * An author merged into another since this input was written (an older revision, a form left open) stands for
 * the author it became, once, in its place in the byline order.
 */
async function currentAuthors(tx: Queries, ids: number[]): Promise<number[]> {
  const known = await tx.taxonomy.peopleByIds(ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return ids;
  const into = await tx.profiles.mergedInto(missing);
  return [...new Set(ids.map((id) => into.get(id) ?? id))];
}

/** Checks references and resolves tag names to ids, creating new tags: the content as the row stores it. */
export async function toContent(tx: Queries, raw: ArticleInput): Promise<ArticleContent> {
  const input = { ...raw, authorIds: await currentAuthors(tx, raw.authorIds) };
  await checkReferences(tx, input);
  const tagIds: number[] = [];
  for (const name of input.tags) tagIds.push(await tx.taxonomy.ensureTag(slugify(name, 60), name));
  return {
    slug: input.slug || slugify(input.headline),
    headline: input.headline,
    standfirst: input.standfirst,
    body: input.body,
    kind: input.kind,
    primarySectionId: input.primarySectionId,
    extraSectionIds: input.extraSectionIds,
    authorIds: input.authorIds,
    tagIds,
    hero: input.hero,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    video: input.video,
  };
}

/**
 * Makes the latest revision the content readers see (a published article's held edits, or those held when it
 * was unpublished and is published again). False when the article moved past `revision` meanwhile.
 */
export async function applyLatestRevision(
  tx: Queries,
  id: number,
  revision: number,
  now: string,
  extra: { updatedAt?: string } = {},
): Promise<boolean> {
  const rev = await tx.editorial.revision(id, revision);
  if (!rev) throw new AppError('NOT_FOUND', `There is no revision ${revision} of this article.`);
  return tx.editorial.applyContent(id, await toContent(tx, parseArticleInput(JSON.parse(rev.snapshot))), revision, now, extra);
}

export async function inputFromRow(store: Queries, id: number): Promise<ArticleInput> {
  const [row, authors, tags, sectionIds] = await Promise.all([
    store.articles.byId(id),
    store.articles.authorsOf(id),
    store.articles.tagsOf(id),
    store.editorial.sectionIdsOf(id),
  ]);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND');
  return parseArticleInput({
    headline: row.headline,
    standfirst: row.standfirst,
    slug: row.slug,
    body: JSON.parse(row.body),
    kind: row.kind,
    primarySectionId: row.primary_section_id,
    extraSectionIds: sectionIds.filter((s) => s !== row.primary_section_id),
    tags: tags.map((t) => t.name),
    authorIds: authors.map((a) => a.id),
    hero: row.media_id ? { mediaId: row.media_id, caption: row.hero_caption, credit: row.hero_credit, alt: row.hero_alt || 'Image' } : null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    video: row.video ? JSON.parse(row.video) : null,
  });
}

/** The conflict error carries the newer version so the editor can show both and let the user choose. */
export async function conflict(tx: Queries, id: number, currentRevision: number): Promise<AppError> {
  const latest = await tx.editorial.revision(id, currentRevision);
  return new AppError('REVISION_CONFLICT', undefined, {
    currentRevision,
    savedBy: latest?.userName ?? null,
    savedAt: latest?.createdAt ?? null,
    theirs: latest ? JSON.parse(latest.snapshot) : null,
  });
}

export function contentService(store: Store, events: EventBus, clock: () => Date = () => new Date()) {
  const now = () => clock().toISOString();

  /**
   * Saves a new revision. On a published article the revision is held back: readers keep the published version
   * until an editor applies the changes (update) or discards them, so half-typed autosaves never go live.
   */
  /** save(), for an input already parsed with articleInputSchema. */
  async function saveParsed(
    actor: Actor,
    id: number,
    parsed: ArticleInput,
    baseRevision: number,
    options: SaveOptions & { kind?: string } = {},
  ) {
    const input = storable(parsed);
    const result = await store.transaction(async (tx) => {
      const facts = await articleFacts(tx, id);
      authorize(actor, 'article.edit', facts);
      if (facts.revision !== baseRevision) throw await conflict(tx, id, facts.revision);
      if (options.onlyIfChanged && (await sameAsCurrent(tx, id, facts.revision, input)))
        return { revision: facts.revision, status: facts.status, held: facts.held_revision !== null, unchanged: true };
      const held = facts.status === 'published';
      let revision: number | null;
      if (held) {
        await checkReferences(tx, input);
        revision = await tx.editorial.holdRevision(id, baseRevision, now());
      } else {
        revision = await tx.editorial.updateContent(id, await toContent(tx, input), baseRevision, now());
      }
      if (revision === null) throw await conflict(tx, id, (await articleFacts(tx, id)).revision);
      const kind = options.kind ?? (options.autosave ? 'autosave' : 'save');
      await tx.editorial.addRevision({ articleId: id, number: revision, snapshot: input, userId: actor.id, kind, now: now() });
      await tx.audit.record({
        userId: actor.id,
        action: `article.${kind}`,
        subject: `article:${id}`,
        details: { revision, ...(held && { held }) },
        at: now(),
      });
      return { revision, status: facts.status, held, unchanged: false };
    });
    // Held edits change nothing readers see, so nothing public is told (no purge, no feed ping).
    if (!result.held && !result.unchanged) await events.emit('article.updated', { articleId: id, status: result.status });
    return { revision: result.revision, held: result.held, unchanged: result.unchanged };
  }

  async function save(
    actor: Actor,
    id: number,
    raw: ArticleInputRaw | unknown,
    baseRevision: number,
    options: SaveOptions & { kind?: string } = {},
  ) {
    return saveParsed(actor, id, parseArticleInput(raw), baseRevision, options);
  }

  return {
    async create(actor: Actor, raw: ArticleInputRaw | unknown): Promise<{ id: number; revision: number }> {
      authorize(actor, 'article.create');
      const input = storable(parseArticleInput(raw));
      return store.transaction(async (tx) => {
        const id = await tx.editorial.createDraft(await toContent(tx, input), actor.id, now());
        await tx.editorial.addRevision({ articleId: id, number: 1, snapshot: input, userId: actor.id, kind: 'create', now: now() });
        await tx.audit.record({ userId: actor.id, action: 'article.created', subject: `article:${id}`, at: now() });
        return { id, revision: 1 };
      });
    },

    save,

    /** A save as the API sends it: { baseRevision, article, autosave }, parsed here in one pass. */
    async saveRequest(actor: Actor, id: number, raw: unknown) {
      const body = parseWith(saveArticleBody, raw);
      return saveParsed(actor, id, body.article, body.baseRevision, { autosave: body.autosave });
    },

    /** A restore as the API sends it: { revision, baseRevision }. */
    async restoreRequest(actor: Actor, id: number, raw: unknown) {
      const { revision, baseRevision } = parseWith(restoreBody, raw);
      return this.restore(actor, id, revision, baseRevision);
    },

    /** Brings back an old revision as a new one; nothing in the history is removed. */
    async restore(actor: Actor, id: number, number: number, baseRevision: number) {
      const old = await store.editorial.revision(id, number);
      if (!old) throw new AppError('NOT_FOUND', `There is no revision ${number} of this article.`);
      authorize(actor, 'article.restore', await articleFacts(store, id));
      return save(actor, id, JSON.parse(old.snapshot), baseRevision, { kind: 'restore' });
    },

    /** The editable form of an article at its current revision. */
    async current(
      actor: Actor,
      id: number,
    ): Promise<{ input: ArticleInput; revision: number; status: ArticleStatus; facts: Awaited<ReturnType<typeof articleFacts>> }> {
      const facts = await articleFacts(store, id);
      authorize(actor, 'article.view', facts);
      const rev = await store.editorial.revision(id, facts.revision);
      // Articles that arrived without a revision (demo content, imports) are read from their row.
      const input = rev ? parseArticleInput(JSON.parse(rev.snapshot)) : await inputFromRow(store, id);
      return { input, revision: facts.revision, status: facts.status, facts };
    },

    async history(actor: Actor, id: number) {
      authorize(actor, 'article.view', await articleFacts(store, id));
      const [revisions, transitions, corrections] = await Promise.all([
        store.editorial.revisions(id),
        store.editorial.transitions(id),
        store.editorial.corrections(id),
      ]);
      return { revisions, transitions, corrections };
    },
  };
}

export type ContentService = ReturnType<typeof contentService>;
