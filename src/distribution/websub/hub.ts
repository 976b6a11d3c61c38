// WebSub publisher side (W3C WebSub §7): tell the hub that a feed (a "topic") changed, so it fetches the feed and
// pushes it to subscribers. Each notice is a queued job (services/jobs.ts): a hub that is slow or down costs a
// retry with back-off, never a delay in publishing.
import type { JobHandler } from '../../services/jobs.ts';

export const WEBSUB_JOB = 'websub_ping';

/** One job per feed address: a burst of changes before the job runs becomes one notice. */
export const websubJobKey = (topic: string) => `websub:${topic}`;

/** How long the hub gets to answer before the attempt counts as failed. */
export const HUB_TIMEOUT_MS = 5_000;

/** POSTs hub.mode=publish&hub.url={topic}; throws unless the hub answers 2xx within the timeout. */
export async function notifyHub(hub: string, topic: string, timeoutMs = HUB_TIMEOUT_MS): Promise<void> {
  const res = await fetch(hub, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`WebSub hub answered ${res.status} for ${topic}`);
}

/** The job handler. With no hub configured (any more), a leftover notice is simply done. */
export function websubJobHandler(hub: string | undefined, timeoutMs = HUB_TIMEOUT_MS): JobHandler {
  return async (job) => {
    if (!hub) return;
    const topic = job.payload.topic;
    if (typeof topic !== 'string') throw new Error(`websub job ${job.key} has no topic`);
    await notifyHub(hub, topic, timeoutMs);
  };
}
