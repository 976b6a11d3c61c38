// The audit log: every state change, with who and when. Written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface AuditEntry {
  id: number;
  userId: number | null;
  userName: string | null;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  ip: string;
  at: string;
}

export function auditQueries(db: Kysely<Database>) {
  return {
    async record(e: {
      userId: number | null;
      action: string;
      subject: string;
      details?: Record<string, unknown>;
      ip?: string;
      at: string;
    }) {
      await db
        .insertInto('audit_log')
        .values({
          user_id: e.userId,
          action: e.action,
          subject: e.subject,
          details: JSON.stringify(e.details ?? {}),
          ip: e.ip ?? '',
          at: e.at,
        })
        .execute();
    },
    async recent(limit: number, beforeId?: number): Promise<AuditEntry[]> {
      let q = db
        .selectFrom('audit_log as l')
        .leftJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.id', 'l.user_id', 'u.name as user_name', 'l.action', 'l.subject', 'l.details', 'l.ip', 'l.at'])
        .orderBy('l.id', 'desc')
        .limit(limit);
      if (beforeId !== undefined) q = q.where('l.id', '<', beforeId);
      return (await q.execute()).map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.user_name,
        action: r.action,
        subject: r.subject,
        details: JSON.parse(r.details) as Record<string, unknown>,
        ip: r.ip,
        at: r.at,
      }));
    },
  };
}
