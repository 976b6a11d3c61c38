// Column types that differ between the dialects, shared by every migration.
import type { Dialect } from '../db.ts';

export function columnTypes(dialect: Dialect) {
  return {
    /** Timestamps: timestamptz on PostgreSQL, ISO-8601 text on SQLite (db.ts makes both read as ISO strings). */
    ts: dialect === 'postgres' ? ('timestamptz' as const) : ('text' as const),
    id: dialect === 'postgres' ? ('serial' as const) : ('integer' as const),
    // SQLite's AUTOINCREMENT and PostgreSQL's sequences both guarantee an id is never reused.
    idCol: (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()),
  };
}
