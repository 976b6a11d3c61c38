// The load generator: a few concurrent editors drafting, saving, publishing, scheduling (a few seconds
// ahead) and uploading pictures through the JSON API, each write entered in the ledger when it is
// acknowledged, or as "maybe" when the kill cuts it off.
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Ledger, ArticleEntry } from './ledger.ts';

export class Api {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  request(method: string, path: string, body?: unknown): Promise<Response> {
    const form = body instanceof FormData;
    return fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.request('GET', path);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as T;
  }
}

const WORDS =
  'harbour council vote minister talks flood relief border summit market grain ferry strike budget court ruling café naïve Zürich 東京 déjà vu — “quoted”'.split(
    ' ',
  );

function text(rng: () => number, words: number) {
  return Array.from({ length: words }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(' ');
}

type Op = 'create' | 'save' | 'publish' | 'schedule' | 'upload';

export interface LoadOptions {
  sectionId: number;
  workers: number;
  label: string;
  rng: () => number;
}

/** Runs until the server goes away (every worker stops at its first cut-off request) or stop() is called. */
export function startLoad(api: Api, ledger: Ledger, o: LoadOptions) {
  let stopped = false;
  let n = 0;
  const rng = o.rng;
  const mediaIds = () => ledger.uploads.map((u) => u.id);

  function articleInput(tag: string) {
    const media = mediaIds();
    const heroId = media.length && rng() < 0.3 ? media[Math.floor(rng() * media.length)] : undefined;
    return {
      headline: `${o.label} ${tag}: ${text(rng, 6)}`,
      standfirst: text(rng, 14),
      body: Array.from({ length: 1 + Math.floor(rng() * 6) }, () => ({
        type: 'paragraph',
        content: [{ text: text(rng, 20 + Math.floor(rng() * 200)) }],
      })),
      primarySectionId: o.sectionId,
      tags: rng() < 0.5 ? [WORDS[Math.floor(rng() * 12)]!] : [],
      ...(heroId ? { hero: { mediaId: heroId, alt: `Picture ${heroId}`, caption: text(rng, 5), credit: 'Crash Desk' } } : {}),
    };
  }

  /** A network failure means the kill cut the request off: its outcome is unknown. */
  async function send(method: string, path: string, body?: unknown): Promise<Response | undefined> {
    try {
      return await api.request(method, path, body);
    } catch {
      return undefined;
    }
  }

  async function refused(res: Response, what: string) {
    ledger.refuse(res.status, what, await res.text().catch(() => ''));
  }

  async function create(owner: number): Promise<boolean> {
    const input = articleInput(`#${++n}`);
    const res = await send('POST', '/api/v1/articles', input);
    if (!res) {
      ledger.unknown.create++;
      return false;
    }
    if (res.status !== 201) {
      await refused(res, 'create');
      return true;
    }
    const { id, revision } = (await res.json()) as { id: number; revision: number };
    ledger.articles.set(id, {
      id,
      owner,
      revisions: new Map([[revision, input]]),
      revision,
      status: 'draft',
      publishAcked: false,
      scheduleAcked: false,
    });
    ledger.acked.create++;
    return true;
  }

  async function save(a: ArticleEntry): Promise<boolean> {
    const input = articleInput(`#${a.id} r${a.revision + 1}`);
    a.maybeSave = { revision: a.revision + 1, input };
    const res = await send('PUT', `/api/v1/articles/${a.id}`, { baseRevision: a.revision, article: input });
    if (!res) {
      ledger.unknown.save++;
      return false;
    }
    a.maybeSave = undefined;
    if (res.status !== 200) {
      await refused(res, 'save');
      return true;
    }
    const { revision } = (await res.json()) as { revision: number };
    a.revisions.set(revision, input);
    a.revision = revision;
    ledger.acked.save++;
    return true;
  }

  async function publish(a: ArticleEntry): Promise<boolean> {
    a.maybeStatus = { to: 'published' };
    const res = await send('POST', `/api/v1/articles/${a.id}/publish`, { note: 'crash test' });
    if (!res) {
      ledger.unknown.publish++;
      return false;
    }
    a.maybeStatus = undefined;
    if (res.status !== 200) {
      await refused(res, 'publish');
      return true;
    }
    a.status = 'published';
    a.publishAcked = true;
    ledger.acked.publish++;
    return true;
  }

  async function schedule(a: ArticleEntry): Promise<boolean> {
    const at = new Date(Date.now() + 1_000 + Math.floor(rng() * 3_000)).toISOString();
    a.maybeStatus = { to: 'scheduled', at };
    const res = await send('POST', `/api/v1/articles/${a.id}/schedule`, { at, note: 'crash test' });
    if (!res) {
      ledger.unknown.schedule++;
      return false;
    }
    a.maybeStatus = undefined;
    if (res.status !== 200) {
      await refused(res, 'schedule');
      return true;
    }
    a.status = 'scheduled';
    a.scheduledAt = at;
    a.scheduleAcked = true;
    ledger.acked.schedule++;
    return true;
  }

  async function upload(): Promise<boolean> {
    const width = 64 + Math.floor(rng() * 200);
    const height = 48 + Math.floor(rng() * 150);
    const seed = Math.floor(rng() * 2 ** 31);
    const bytes = await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: { r: seed % 256, g: (seed >> 8) % 256, b: (seed >> 16) % 256 },
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .png()
      .toBuffer();
    const alt = `crashpic ${o.label} ${++n} ${seed}`;
    const form = new FormData();
    form.append('alt', alt);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'picture.png');
    const res = await send('POST', '/api/v1/media', form);
    if (!res) {
      ledger.unknown.upload++;
      return false;
    }
    if (res.status !== 201) {
      await refused(res, 'upload');
      return true;
    }
    const m = (await res.json()) as { id: number; url: string };
    ledger.uploads.push({ id: m.id, url: m.url, alt, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), width, height });
    ledger.acked.upload++;
    return true;
  }

  async function worker(w: number) {
    const mine = (s?: ArticleEntry['status']) =>
      [...ledger.articles.values()].filter((a) => a.owner === w && !a.maybeSave && !a.maybeStatus && (!s || a.status === s));
    const any = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)];
    // Every round opens with one of each kind of write, so even a short round covers them all; then random.
    const opening: Op[] = ([['upload'], ['create', 'schedule'], ['create', 'publish'], ['create', 'save']] as Op[][])[w % 4]!;
    while (!stopped) {
      const drafts = mine('draft');
      const editable = drafts.concat(mine('published'));
      const r = rng();
      let op: Op = opening.shift() ?? (r >= 0.75 ? 'upload' : r < 0.25 ? 'create' : r < 0.5 ? 'save' : r < 0.6 ? 'publish' : 'schedule');
      if (op !== 'upload' && !drafts.length) op = 'create';
      const alive =
        op === 'upload'
          ? await upload()
          : op === 'create'
            ? await create(w)
            : op === 'save'
              ? await save(any(editable)!)
              : op === 'publish'
                ? await publish(any(drafts)!)
                : await schedule(any(drafts)!);
      if (!alive) return;
    }
  }

  const done = Promise.all(Array.from({ length: o.workers }, (_, w) => worker(w))).then(() => undefined);
  return {
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}
