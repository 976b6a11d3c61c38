// Rows as the store reads them, turned into the read models of models.ts.
import type { User } from '../../store/users.ts';

/** A row of the newsroom's article lists (store/editorial.ts list). */
export interface DeskRow {
  id: number;
  headline: string;
  status: string;
  kind: string;
  revision: number;
  held_revision: number | null;
  section_name: string;
  created_by: number | null;
  created_by_name: string | null;
  modified_at: string;
  scheduled_at: string | null;
  first_published_at: string | null;
}

export const presentDeskRow = (r: DeskRow) => ({
  id: r.id,
  headline: r.headline,
  status: r.status,
  kind: r.kind,
  revision: r.revision,
  heldChanges: r.held_revision != null,
  sectionName: r.section_name,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  modifiedAt: r.modified_at,
  scheduledAt: r.scheduled_at,
  firstPublishedAt: r.first_published_at,
});

export const presentToken = (t: {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}) => ({
  id: t.id,
  name: t.name,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

/** Users carry no secrets in the store's model, but the read model names each field it shows anyway. */
export const presentUser = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  personId: u.personId,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
});

export const presentHistory = (h: {
  revisions: { number: number; snapshot: string; userId: number | null; userName: string | null; kind: string; createdAt: string }[];
  transitions: { from_status: string; to_status: string; note: string; at: string; user_name: string | null }[];
  corrections: { id: number; kind: string; note: string; created_at: string }[];
}) => ({
  revisions: h.revisions.map((r) => ({
    number: r.number,
    kind: r.kind,
    userId: r.userId,
    userName: r.userName,
    createdAt: r.createdAt,
    article: JSON.parse(r.snapshot) as Record<string, unknown>,
  })),
  transitions: h.transitions.map((t) => ({ from: t.from_status, to: t.to_status, note: t.note, at: t.at, userName: t.user_name })),
  corrections: h.corrections.map((c) => ({ id: c.id, kind: c.kind, note: c.note, createdAt: c.created_at })),
});

export const presentCollection = (c: {
  slug: string;
  name: string;
  entries: { article_id: number; position: number; starts_at: string | null; ends_at: string | null; headline: string; status: string }[];
}) => ({
  slug: c.slug,
  name: c.name,
  entries: c.entries.map((e) => ({
    articleId: e.article_id,
    position: e.position,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    headline: e.headline,
    status: e.status,
  })),
});
