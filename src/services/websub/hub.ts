// WebSub publisher side (W3C WebSub §7): tell the hub that a feed (a "topic") changed, so it fetches the feed and
// pushes it to subscribers. Each notice is a queued job (services/jobs.ts): a hub that is slow or down costs a
// retry with back-off, never a delay in publishing.
import type { JobHandler } from '../jobs.ts';
import { NOTHING_ALLOWED, type AllowList } from '../../net/addresses.ts';
import { safeFetch } from '../../net/safe-fetch.ts';

export const WEBSUB_JOB = 'websub_ping';

/** One job per feed address: a burst of changes before the job runs becomes one notice. */
export const websubJobKey = (topic: string) => `websub:${topic}`;

/** How long the hub gets to answer before the attempt counts as failed. */
export const HUB_TIMEOUT_MS = 5_000;

export interface HubOptions {
  timeoutMs?: number;
  /** Private hosts the hub may be on (MASTHEAD_FETCH_ALLOW_HOSTS); a hub on the private network is refused otherwise. */
  allow?: AllowList;
}

/**
 * POSTs hub.mode=publish&hub.url={topic} through safeFetch (the hub address is configuration, but it is still a
 * server-side fetch and must not reach the private network unless allowed); throws unless the hub answers 2xx
 * within the timeout.
 */
export async function notifyHub(hub: string, topic: string, o: HubOptions = {}): Promise<void> {
  const res = await safeFetch(hub, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
    timeoutMs: o.timeoutMs ?? HUB_TIMEOUT_MS,
    allow: o.allow ?? NOTHING_ALLOWED,
    // A hub answers with a status; its body is never read.
    maxBytes: 64 * 1024,
  });
  if (!res.ok) throw new Error(`WebSub hub answered ${res.status} for ${topic}`);
}

/** The job handler. With no hub configured (any more), a leftover notice is simply done. */
export function websubJobHandler(hub: string | undefined, o: HubOptions = {}): JobHandler {
  return async (job) => {
    if (!hub) return;
    const topic = job.payload.topic;
    if (typeof topic !== 'string') throw new Error(`websub job ${job.key} has no topic`);
    await notifyHub(hub, topic, o);
  };
}
