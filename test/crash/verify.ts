// After a restart: the database is sound, every acknowledged write is there exactly as sent, every write
// the kill cut off either happened entirely or not at all, scheduled articles are published once (never
// twice, never early, never skipped), and every picture file a media row names is complete.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import sharp from 'sharp';
import { articleInputSchema } from '../../src/services/newsroom/schema.ts';
import type { Api } from './load.ts';
import type { ArticleEntry, Ledger } from './ledger.ts';
import type { Target } from './target.ts';

/** How long after its time a scheduled article may still be unpublished (the scheduler polls every second). */
const SCHEDULE_GRACE_MS = 5_000;

interface Current {
  revision: number;
  status: string;
  article: unknown;
}
interface History {
  revisions: { number: number; article: unknown }[];
  transitions: { from: string; to: string; at: string }[];
}

export interface VerifyReport {
  /** What the whole-database check found (none: sound); also listed in problems. */
  dbProblems: string[];
  problems: string[];
  /** Acknowledged writes confirmed by this verification. */
  checkedWrites: number;
  articles: number;
  mediaRows: number;
  mediaFiles: number;
  /** Scheduled articles past their time (plus grace) and not yet published; final runs count them as problems. */
  late: ArticleEntry[];
  /** Overdue scheduled articles whose job a killed process had claimed: they wait for its lease to run out. */
  leased: number;
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const expected = (sent: unknown) => articleInputSchema.parse(sent);

export class Verifier {
  private readonly mediaSeen = new Set<number>();
  /** Revisions that came from cut-off saves found committed (not acknowledged writes). */
  private readonly promoted = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly target: Target,
    private readonly ledger: Ledger,
    private readonly mediaDir: string,
  ) {}

  async verify(o: { final: boolean; only?: ArticleEntry[] }): Promise<VerifyReport> {
    // The whole-database check first (integrity_check, or on PostgreSQL every row, constraint and index).
    const dbProblems = o.only ? [] : await this.target.check();
    const report: VerifyReport = {
      dbProblems,
      problems: [...dbProblems],
      checkedWrites: 0,
      articles: 0,
      mediaRows: 0,
      mediaFiles: 0,
      late: [],
      leased: 0,
    };
    const articles = o.only ?? [...this.ledger.articles.values()];
    await mapLimit(articles, 6, (a) => this.article(a, report, o.final));
    if (!o.only) await this.media(report, o.final);
    if (o.final) {
      for (const a of report.late) report.problems.push(`article ${a.id}: scheduled for ${a.scheduledAt} and still not published`);
      await this.mediaDirectory(report);
    }
    return report;
  }

  private async article(a: ArticleEntry, r: VerifyReport, final: boolean) {
    const problem = (msg: string) => r.problems.push(`article ${a.id}: ${msg}`);
    // History first, then the article: the scheduler may publish between the two reads (nothing else writes
    // while verifying), and a publish seen in the history is then always seen in the article too.
    let hist = await this.api.get<History>(`/api/v1/articles/${a.id}/history`);
    const cur = await this.api.get<Current>(`/api/v1/articles/${a.id}`);
    if (cur.status === 'published' && !hist.transitions.some((t) => t.to === 'published'))
      hist = await this.api.get<History>(`/api/v1/articles/${a.id}/history`);
    r.articles++;
    const stored = new Map(hist.revisions.map((rev) => [rev.number, rev.article]));

    // A save cut off by the kill committed entirely (the next revision, exactly as sent) or not at all.
    if (a.maybeSave) {
      const { revision, input } = a.maybeSave;
      a.maybeSave = undefined;
      if (cur.revision === revision && isDeepStrictEqual(stored.get(revision), expected(input))) {
        a.revisions.set(revision, input);
        a.revision = revision;
        this.promoted.add(`${a.id}:${revision}`);
        this.ledger.unknownCommitted++;
      }
    }
    for (const [n, sent] of a.revisions) {
      if (!stored.has(n)) problem(`acknowledged revision ${n} is missing`);
      else if (!isDeepStrictEqual(stored.get(n), expected(sent))) problem(`revision ${n} differs from what was sent`);
      else if (!this.promoted.has(`${a.id}:${n}`)) r.checkedWrites++;
    }
    const newest = stored.size ? Math.max(...stored.keys()) : 0;
    if (cur.revision !== a.revision || newest !== a.revision)
      problem(`at revision ${cur.revision} (history up to ${newest}), expected ${a.revision}`);
    else if (!isDeepStrictEqual(cur.article, expected(a.revisions.get(a.revision))))
      problem('the current content differs from the latest acknowledged save');

    const publishes = hist.transitions.filter((t) => t.to === 'published');
    if (publishes.length > 1) problem(`published ${publishes.length} times`);
    if ((cur.status === 'published') !== (publishes.length === 1))
      problem(`status ${cur.status} with ${publishes.length} publish transitions`);

    // A publish or schedule cut off by the kill either happened or did not.
    if (a.maybeStatus) {
      const m = a.maybeStatus;
      a.maybeStatus = undefined;
      if (m.to === 'published' && cur.status === 'published') {
        a.status = 'published';
        this.ledger.unknownCommitted++;
      } else if (m.to === 'scheduled' && (cur.status === 'scheduled' || cur.status === 'published')) {
        a.status = 'scheduled';
        a.scheduledAt = m.at;
        this.ledger.unknownCommitted++;
      }
    }
    if (a.status === 'scheduled') {
      if (cur.status === 'published') {
        if (publishes[0] && publishes[0].at < a.scheduledAt!) problem(`published at ${publishes[0].at}, before its time ${a.scheduledAt}`);
        a.status = 'published';
      } else if (cur.status !== 'scheduled') problem(`scheduled, but now ${cur.status}`);
      else if (final) r.late.push(a);
      else if (Date.now() > Date.parse(a.scheduledAt!) + SCHEDULE_GRACE_MS) {
        if (await this.leased(a.id)) r.leased++;
        else r.late.push(a);
      }
    } else if (cur.status !== a.status) problem(`expected ${a.status}, found ${cur.status}`);
    if (cur.status === 'published' && publishes.length === 1) {
      if (a.publishAcked) r.checkedWrites++;
      if (a.scheduleAcked) r.checkedWrites++;
    } else if (cur.status === 'scheduled' && a.scheduleAcked && !final) r.checkedWrites++;
  }

  /** Where a late article's publish job stands, for the log. */
  async jobOf(id: number): Promise<string> {
    const job = await this.target.db.kysely
      .selectFrom('jobs')
      .select(['state', 'run_at', 'locked_until', 'attempts', 'last_error'])
      .where('key', '=', `publish:${id}`)
      .executeTakeFirst();
    return job
      ? `job ${job.state}, run at ${job.run_at}, locked until ${job.locked_until ?? '-'}, ${job.attempts} attempts${job.last_error ? `, last error: ${job.last_error}` : ''}`
      : 'no job';
  }

  /** Whether the publish job is claimed by a process (perhaps the killed one) whose lease has not run out. */
  private async leased(id: number) {
    const job = await this.target.db.kysely
      .selectFrom('jobs')
      .select(['locked_until', 'state'])
      .where('key', '=', `publish:${id}`)
      .executeTakeFirst();
    return Boolean(job && job.state === 'pending' && job.locked_until && job.locked_until > new Date().toISOString());
  }

  /** Every file of every media row (all of them at the end; new rows after each restart) is served whole. */
  private async media(r: VerifyReport, final: boolean) {
    const rows = await this.target.store.media.search('', 1_000_000);
    const fresh = rows.filter((m) => final || !this.mediaSeen.has(m.id));
    await mapLimit(fresh, 6, async (m) => {
      const files = [{ file: m.file, width: m.width, height: m.height }, ...m.variants];
      for (const f of files) {
        const problem = await this.servedImage(`/media/${f.file}`, f.width, f.height);
        if (problem) r.problems.push(`media ${m.id}: ${problem}`);
        r.mediaFiles++;
      }
      this.mediaSeen.add(m.id);
      r.mediaRows++;
    });
    const byId = new Map(rows.map((m) => [m.id, m]));
    await mapLimit(this.ledger.uploads, 6, async (u) => {
      const m = byId.get(u.id);
      if (!m) return void r.problems.push(`media ${u.id}: acknowledged upload is missing`);
      if (m.alt !== u.alt || m.width !== u.width || m.height !== u.height)
        return void r.problems.push(`media ${u.id}: stored as ${m.alt} ${m.width}×${m.height}`);
      const original = await this.api.request('GET', `/media/${m.file}`);
      const sha = crypto
        .createHash('sha256')
        .update(Buffer.from(await original.arrayBuffer()))
        .digest('hex');
      if (sha !== u.sha256) return void r.problems.push(`media ${u.id}: the original differs from the uploaded bytes`);
      const problem = await this.servedImage(u.url);
      if (problem) return void r.problems.push(`media ${u.id}: the URL the API returned: ${problem}`);
      r.checkedWrites++;
    });
  }

  /** GETs a media URL and decodes the whole image; a truncated file fails to decode. */
  private async servedImage(url: string, width?: number, height?: number): Promise<string | undefined> {
    const res = await this.api.request('GET', url);
    if (res.status !== 200) return `${url}: ${res.status}`;
    return this.decode(Buffer.from(await res.arrayBuffer()), url, width, height);
  }

  private async decode(bytes: Buffer, name: string, width?: number, height?: number): Promise<string | undefined> {
    try {
      const { info } = await sharp(bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
      if ((width && info.width !== width) || (height && info.height !== height))
        return `${name}: decodes as ${info.width}×${info.height}, expected ${width}×${height}`;
    } catch (err) {
      const why = (err as Error).message.trim().split('\n').at(-1)!.slice(0, 160);
      return `${name}: does not decode (${why})`;
    }
  }

  /** No file under a final name in the media directory is incomplete, referenced or not. */
  private async mediaDirectory(r: VerifyReport) {
    const entries = await fs.readdir(this.mediaDir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith('.tmp')) continue;
      const file = path.join(e.parentPath, e.name);
      const problem = await this.decode(await fs.readFile(file), path.relative(this.mediaDir, file));
      if (problem) r.problems.push(`media directory: ${problem}`);
    }
  }
}
