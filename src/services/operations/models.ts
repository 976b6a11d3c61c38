// The read models operations answer, as zod schemas: one naming style (camelCase), documented in OpenAPI, and
// the presenter too: parsing an answer with its model drops whatever the model does not declare.
import { z } from 'zod';
import { ROLES } from '../../domain/permissions.ts';
import { MAX_ID } from '../../domain/urls.ts';

const id = z.number().int().positive();
const time = z.string().describe('ISO 8601 time');

/** An item named by its number in the address (/…/:id). */
export const idKey = z.coerce.number().int().positive().max(MAX_ID);
/** A collection named by its slug (/collections/:slug). */
export const slugKey = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const ok = z.object({ ok: z.literal(true) });
export const created = z.object({ id });

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  personId: id.nullable(),
  createdAt: time,
  disabledAt: time.nullable(),
});

/** An article in the newsroom's lists. */
export const deskItem = z.object({
  id,
  headline: z.string(),
  status: z.string(),
  kind: z.string(),
  revision: z.number().int(),
  /** Saved changes to a published article that readers do not see yet. */
  heldChanges: z.boolean(),
  sectionName: z.string(),
  createdBy: id.nullable(),
  createdByName: z.string().nullable(),
  modifiedAt: time,
  scheduledAt: time.nullable(),
  firstPublishedAt: time.nullable(),
});

/** An author: the name, title and bio their bylines and page show; the slug is the page's address. */
export const person = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  bio: z.string(),
  /** The photo, a picture of the media library. */
  photoMediaId: id.nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});

/** A tag with its description (shown on its page) and how many articles of any status carry it. */
export const tag = z.object({ id, slug: z.string(), name: z.string(), description: z.string(), articleCount: z.number().int() });

export const token = z.object({ id, name: z.string(), createdAt: time, lastUsedAt: time.nullable(), revokedAt: time.nullable() });

export const media = z.object({
  id,
  url: z.string(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** The focal point the 16:9, 4:3 and 1:1 crops centre on, fractions of the width and height from the top left. */
  focusX: z.number(),
  focusY: z.number(),
});

const picture = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });

/** A picture found in the library, saying whether the asker may change its text; the thumbnail is its smallest copy. */
export const mediaFound = media.extend({ editable: z.boolean(), thumbnail: picture });

/** One picture with its crops and where it is used: articles of any status (newest first) and authors' photos. */
export const mediaItem = mediaFound.extend({
  /** A larger copy (at most 960 px wide) for a page of its own. */
  preview: picture,
  crops: z.array(picture.extend({ ratio: z.enum(['16x9', '4x3', '1x1']) })),
  usedIn: z.object({
    articles: z.array(z.object({ id, headline: z.string(), status: z.string() })),
    people: z.array(z.object({ id, name: z.string(), slug: z.string() })),
  }),
});

export const auditEntry = z.object({
  id,
  userId: id.nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string(),
  at: time,
});

export const history = z.object({
  revisions: z.array(
    z.object({
      number: z.number().int(),
      kind: z.string(),
      userId: id.nullable(),
      userName: z.string().nullable(),
      createdAt: time,
      /** The article as saved in this revision. */
      article: z.record(z.string(), z.unknown()),
    }),
  ),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), note: z.string(), at: time, userName: z.string().nullable() })),
  corrections: z.array(z.object({ id, kind: z.string(), note: z.string(), createdAt: time })),
});

export const collection = z.object({
  slug: z.string(),
  name: z.string(),
  entries: z.array(
    z.object({
      articleId: id,
      position: z.number().int(),
      startsAt: time.nullable(),
      endsAt: time.nullable(),
      headline: z.string(),
      status: z.string(),
    }),
  ),
});

/** A page of a list: the items, and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last') });
