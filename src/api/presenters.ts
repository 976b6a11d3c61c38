// What the API answers: read models in one naming style (camelCase), never the store's rows as they come.
/** A row of the newsroom's article lists (store/editorial.ts list). */
interface DeskRow {
  id: number;
  headline: string;
  status: string;
  revision: number;
  held_revision: number | null;
  section_name: string;
  created_by: number | null;
  created_by_name: string | null;
  modified_at: string;
  scheduled_at: string | null;
  first_published_at: string | null;
}

/** An article in the newsroom's lists. */
export const presentDeskRow = (r: DeskRow) => ({
  id: r.id,
  headline: r.headline,
  status: r.status,
  revision: r.revision,
  /** Saved changes to a published article that readers do not see yet. */
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
