// The portable content format (docs/CONTENT-FORMAT.md): what each file holds, as zod schemas that the
// importer checks every record against. Field names are the format's own (camelCase), not column names, so
// the format can outlive the schema.
import { z } from 'zod';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../domain/article.ts';
import { bodySchema } from '../domain/blocks.ts';
import { personLinksSchema } from '../domain/people.ts';
import { PAGE_ROLES, PAGE_STATUSES } from '../domain/pages.ts';
import { CROP_RATIOS } from '../domain/model.ts';
import { ROLES } from '../domain/permissions.ts';
import { videoSchema } from '../domain/video.ts';
import { PUBLISH_JOB, publishJobKey } from '../services/newsroom/workflow.ts';

export const FORMAT = 'masthead-content';
export const VERSION = 1;

/** The record files of version 1, in import order (every reference points to a file before it). */
export const FILES = [
  'sections.jsonl',
  'people.jsonl',
  'tags.jsonl',
  'media.jsonl',
  'users.jsonl',
  'pages.jsonl',
  'articles.jsonl',
  'collections.jsonl',
  'revisions.jsonl',
  'transitions.jsonl',
  'corrections.jsonl',
  'scheduled-jobs.jsonl',
  'audit-log.jsonl',
] as const;
export type FileName = (typeof FILES)[number];

/** Where the media files are kept inside an export, under their path relative to MEDIA_DIR. */
export const MEDIA_FOLDER = 'media';

// Ids are PostgreSQL `integer`s.
const id = z.number().int().min(1).max(2_147_483_647);
const int = z.number().int().min(-2_147_483_648).max(2_147_483_647);
/** Any ISO-8601 time with a zone; stored (and exported) as UTC with milliseconds, the form both dialects compare correctly. */
const ts = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const jsonObject = z.record(z.string(), z.json());
const unique = (xs: number[]) => new Set(xs).size === xs.length;

/**
 * A path relative to MEDIA_DIR: plain names joined by "/", no "..", no leading "/" or "\". The importer writes
 * files at these paths, so an archive must not be able to name a place outside the media directory.
 */
export const mediaPath = z
  .string()
  .max(500)
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/,
    'must be a relative path of plain names (letters, digits, . _ -) joined by /',
  );

/**
 * A JSON value that must satisfy `schema` but is kept exactly as written: the importer stores the value it
 * read, not zod's output (which would drop unknown keys and fill defaults), so nothing is lost on the way.
 */
function conforms(schema: z.ZodType) {
  return z.json().superRefine((value, ctx) => {
    const r = schema.safeParse(value);
    if (!r.success)
      for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
  });
}

const variantSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(['jpeg', 'webp', 'avif', 'png', 'gif']),
  file: mediaPath,
  crop: z.enum(CROP_RATIOS).optional(),
});

export const sectionRecord = z.strictObject({
  id,
  parentId: id.nullable(),
  slug: z.string().min(1),
  path: z.string().min(1),
  name: z.string(),
  description: z.string(),
  position: int,
  /** Old paths that redirect here (after renames and moves). */
  redirects: z.array(z.string().min(1)),
});

export const personRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  name: z.string(),
  title: z.string(),
  bio: z.string(),
  /** A picture of media.jsonl (not checked: pictures come later in the import; a missing one shows no photo). */
  photoMediaId: id.nullable(),
  links: personLinksSchema,
  /** Old addresses that lead here; mergedId is the author merged away under it, if any. */
  redirects: z.array(z.strictObject({ slug: z.string().min(1), mergedId: id.nullable() })),
});

export const tagRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  name: z.string(),
  description: z.string(),
  /** Old addresses (after renames and merges) that lead here. */
  redirects: z.array(z.string().min(1)),
});

const mediaFile = z.union([
  z.strictObject({
    path: mediaPath,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
    bytes: z.number().int().min(0),
  }),
  // A file the source database names but its media directory did not have; the export says so instead of failing.
  z.strictObject({ path: mediaPath, missing: z.literal(true) }),
]);
export type MediaFileEntry = z.infer<typeof mediaFile>;

export const mediaRecord = z
  .strictObject({
    id,
    originalFile: mediaPath,
    mime: z.string().min(1),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    variants: conforms(z.array(variantSchema)),
    createdAt: ts,
    /** The user who uploaded it (writers may describe only their own pictures); absent in older exports. */
    uploadedBy: id.nullable().default(null),
    /** The focal point the crops centre on, fractions of width and height; absent in older exports (the middle). */
    focusX: z.number().min(0).max(1).default(0.5),
    focusY: z.number().min(0).max(1).default(0.5),
    files: z.array(mediaFile),
  })
  .superRefine((m, ctx) => {
    // `files` lists exactly the files the row names (the original and every variant), each once.
    const named = new Set([m.originalFile, ...(m.variants as { file: string }[]).map((v) => v.file)]);
    const listed = m.files.map((f) => f.path);
    if (new Set(listed).size !== listed.length) ctx.addIssue({ code: 'custom', message: 'lists a file twice', path: ['files'] });
    for (const p of named) if (!listed.includes(p)) ctx.addIssue({ code: 'custom', message: `does not list ${p}`, path: ['files'] });
    for (const p of listed)
      if (!named.has(p))
        ctx.addIssue({ code: 'custom', message: `lists ${p}, which is neither the original nor a variant`, path: ['files'] });
  });

export const userRecord = z.strictObject({
  id,
  email: z.string().min(1),
  name: z.string(),
  role: z.enum(ROLES),
  personId: id.nullable(),
  createdAt: ts,
  disabledAt: ts.nullable(),
});

export const pageRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  title: z.string(),
  summary: z.string(),
  body: conforms(bodySchema),
  /** The well-known page it is (at most one page per role), or null. */
  role: z.enum(PAGE_ROLES).nullable(),
  status: z.enum(PAGE_STATUSES),
  inFooter: z.boolean(),
  position: int,
  createdAt: ts,
  updatedAt: ts,
  publishedAt: ts.nullable(),
  createdBy: id.nullable(),
});

export const articleRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  headline: z.string(),
  standfirst: z.string(),
  body: conforms(bodySchema),
  kind: z.enum(ARTICLE_KINDS),
  status: z.enum(ARTICLE_STATUSES),
  primarySectionId: id,
  /** Every section the article is filed in, the primary one included, ascending. */
  sectionIds: z.array(id).refine(unique, 'names a section twice'),
  /** Bylines in order. */
  authorIds: z.array(id).refine(unique, 'names an author twice'),
  tagIds: z.array(id).refine(unique, 'names a tag twice'),
  heroMediaId: id.nullable(),
  heroCaption: z.string(),
  heroCredit: z.string(),
  heroAlt: z.string(),
  seoTitle: z.string(),
  seoDescription: z.string(),
  video: z.union([z.null(), conforms(videoSchema)]),
  firstPublishedAt: ts.nullable(),
  updatedAt: ts.nullable(),
  modifiedAt: ts,
  createdAt: ts,
  scheduledAt: ts.nullable(),
  createdBy: id.nullable(),
  revision: z.number().int().min(1),
  /** A newer revision held back from readers until an editor applies it (the row holds the published one). */
  heldRevision: z.number().int().min(1).nullable().default(null),
});

export const collectionRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  name: z.string(),
  /** Entries in curated order. */
  items: z
    .array(z.strictObject({ articleId: id, startsAt: ts.nullable(), endsAt: ts.nullable() }))
    .refine((items) => unique(items.map((i) => i.articleId)), 'names an article twice'),
});

export const revisionRecord = z.strictObject({
  id,
  articleId: id,
  number: z.number().int().min(1),
  snapshot: jsonObject,
  userId: id.nullable(),
  kind: z.string().min(1),
  createdAt: ts,
});

export const transitionRecord = z.strictObject({
  id,
  articleId: id,
  fromStatus: z.enum(ARTICLE_STATUSES),
  toStatus: z.enum(ARTICLE_STATUSES),
  userId: id.nullable(),
  note: z.string(),
  at: ts,
});

export const correctionRecord = z.strictObject({
  id,
  articleId: id,
  kind: z.enum(['correction', 'clarification']),
  note: z.string(),
  userId: id.nullable(),
  createdAt: ts,
});

export const scheduledJobRecord = z
  .strictObject({
    id,
    kind: z.literal(PUBLISH_JOB),
    key: z.string(),
    payload: z.strictObject({ articleId: id }),
    runAt: ts,
    attempts: z.number().int().min(0),
    lastError: z.string().nullable(),
    createdAt: ts,
  })
  .refine((j) => j.key === publishJobKey(j.payload.articleId), { message: 'key must be publish:{payload.articleId}', path: ['key'] });

export const auditRecord = z.strictObject({
  id,
  userId: id.nullable(),
  action: z.string().min(1),
  subject: z.string(),
  details: z.json(),
  ip: z.string(),
  at: ts,
});

export const RECORDS = {
  'sections.jsonl': sectionRecord,
  'people.jsonl': personRecord,
  'tags.jsonl': tagRecord,
  'media.jsonl': mediaRecord,
  'users.jsonl': userRecord,
  'pages.jsonl': pageRecord,
  'articles.jsonl': articleRecord,
  'collections.jsonl': collectionRecord,
  'revisions.jsonl': revisionRecord,
  'transitions.jsonl': transitionRecord,
  'corrections.jsonl': correctionRecord,
  'scheduled-jobs.jsonl': scheduledJobRecord,
  'audit-log.jsonl': auditRecord,
} satisfies Record<FileName, z.ZodType>;

export type RecordOf<F extends FileName> = z.output<(typeof RECORDS)[F]>;

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  files: z.array(
    z.strictObject({
      name: z.enum(FILES),
      records: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  media: z.strictObject({ files: z.number().int().min(0), bytes: z.number().int().min(0), missing: z.number().int().min(0) }),
  /**
   * The highest id each table ever handed out (its sequence), so ids stay never-reused after a move: a deleted
   * token's or job's id named in the audit log is not given to something new.
   */
  lastIds: z.record(z.string(), z.number().int().min(0)),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A refusal with a message meant for the person running the command (it names the file and line when there is one). */
export class PortableError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? ` line ${line}` : ''}: ${message}` : message);
    this.name = 'PortableError';
  }
}
