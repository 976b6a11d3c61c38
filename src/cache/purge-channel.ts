// How a purge in one process reaches the page caches of the others. Worker processes of one machine hear it
// from the cluster primary, which waits for every worker to confirm before the purging request returns (so an
// unpublish that has returned is gone from every worker). Several machines on PostgreSQL hear it through
// LISTEN/NOTIFY, which needs no extra service. Both can run at once; a page purged twice is merely gone.
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import { postgresNotifyChannel } from '../store/notify.ts';

export interface PurgeChannel {
  /** Tells the other processes; resolves once they have purged, or after a bounded wait. */
  broadcast(keys: string[]): Promise<void>;
  /** What this process does when another one purges. */
  onPurge(purge: (keys: string[]) => void): void;
  close(): Promise<void>;
}

/** Messages between workers and the cluster primary (src/server/cluster.ts). */
export type PurgeMessage = { type: 'masthead:purge'; id: string; keys: string[] } | { type: 'masthead:purged'; id: string };

export const isPurgeMessage = (m: unknown): m is PurgeMessage =>
  typeof m === 'object' && m !== null && ((m as PurgeMessage).type === 'masthead:purge' || (m as PurgeMessage).type === 'masthead:purged');

/** The worker's side of the cluster channel. */
export function clusterPurgeChannel(waitMs = 500): PurgeChannel {
  const pending = new Map<string, () => void>();
  let purge: (keys: string[]) => void = () => {};
  const onMessage = (m: unknown) => {
    if (!isPurgeMessage(m)) return;
    if (m.type === 'masthead:purged') return pending.get(m.id)?.();
    purge(m.keys);
    process.send?.({ type: 'masthead:purged', id: m.id } satisfies PurgeMessage);
  };
  process.on('message', onMessage);
  return {
    broadcast(keys) {
      if (!cluster.isWorker || !process.send) return Promise.resolve();
      const id = crypto.randomUUID();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pending.delete(id);
          resolve();
        };
        // A worker that hangs must not hold up the newsroom: purges are best effort after this wait.
        const timer = setTimeout(done, waitMs);
        pending.set(id, done);
        process.send!({ type: 'masthead:purge', id, keys } satisfies PurgeMessage);
      });
    },
    onPurge(fn) {
      purge = fn;
    },
    async close() {
      process.off('message', onMessage);
      for (const done of pending.values()) done();
    },
  };
}

/** A key that empties the whole cache (sent when a precise list could not be delivered). */
export const PURGE_ALL = '*';

const PG_CHANNEL = 'masthead_purge';
/** NOTIFY payloads are limited to 8000 bytes; a longer key list becomes "purge everything". */
const MAX_PAYLOAD = 7900;

/**
 * Purges through PostgreSQL LISTEN/NOTIFY (store/notify.ts). Each process ignores its own notices by a random
 * sender id, and purges everything after a reconnection, since notices sent meanwhile were missed.
 */
export function postgresPurgeChannel(url: string, log: (msg: string) => void = () => {}): PurgeChannel {
  const everything = [PURGE_ALL];
  const sender = crypto.randomBytes(6).toString('hex');
  let purge: (keys: string[]) => void = () => {};
  const channel = postgresNotifyChannel(url, PG_CHANNEL, {
    message(payload) {
      const { from, keys } = JSON.parse(payload) as { from: string; keys: string[] };
      if (from !== sender) purge(keys);
    },
    reconnected: () => purge(everything),
    log,
  });
  return {
    async broadcast(keys) {
      let payload = JSON.stringify({ from: sender, keys });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ from: sender, keys: everything });
      await channel.send(payload);
    },
    onPurge(fn) {
      purge = fn;
    },
    close: () => channel.close(),
  };
}

/** Several channels as one. */
export function combinedPurgeChannel(channels: PurgeChannel[]): PurgeChannel {
  return {
    broadcast: async (keys) => void (await Promise.all(channels.map((c) => c.broadcast(keys)))),
    onPurge: (fn) => {
      for (const c of channels) c.onPurge(fn);
    },
    close: async () => void (await Promise.all(channels.map((c) => c.close()))),
  };
}
