// What the load generator sent and what the server acknowledged. A request cut off by the kill has an
// unknown outcome: it is kept as "maybe" until the next verification finds out whether it committed.
export type Status = 'draft' | 'scheduled' | 'published';

export interface ArticleEntry {
  id: number;
  /** The load worker that edits it (one editor per article, so saves never conflict with each other). */
  owner: number;
  /** Acknowledged revisions: number → the article input that was sent. */
  revisions: Map<number, unknown>;
  /** The latest acknowledged revision. */
  revision: number;
  status: Status;
  /** Publication time asked for, once a schedule was acknowledged (or may have been). */
  scheduledAt?: string;
  /** A save whose answer never came. */
  maybeSave?: { revision: number; input: unknown };
  /** A publish or schedule whose answer never came. */
  maybeStatus?: { to: 'published' | 'scheduled'; at?: string };
  /** An acknowledged publish or schedule, for counting what the final verification confirmed. */
  publishAcked: boolean;
  scheduleAcked: boolean;
}

export interface UploadEntry {
  id: number;
  url: string;
  alt: string;
  sha256: string;
  width: number;
  height: number;
}

export type WriteKind = 'create' | 'save' | 'publish' | 'schedule' | 'upload';

export class Ledger {
  readonly articles = new Map<number, ArticleEntry>();
  readonly uploads: UploadEntry[] = [];
  readonly acked: Record<WriteKind, number> = { create: 0, save: 0, publish: 0, schedule: 0, upload: 0 };
  /** Requests cut off by a kill, by kind. */
  readonly unknown: Record<WriteKind, number> = { create: 0, save: 0, publish: 0, schedule: 0, upload: 0 };
  /** Unknown outcomes that verification found committed. */
  unknownCommitted = 0;
  /** Answers that were neither a success nor a cut-off: status → count. */
  readonly refused = new Map<number, number>();

  ackedTotal() {
    return Object.values(this.acked).reduce((a, b) => a + b, 0);
  }

  /** A few refusals as answered, to tell a harness mistake from a server fault. */
  readonly refusedSamples: string[] = [];

  refuse(status: number, what: string, body: string) {
    this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
    if (this.refusedSamples.length < 10) this.refusedSamples.push(`${status} ${what}: ${body.slice(0, 300)}`);
  }
}
