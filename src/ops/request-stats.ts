// Request counts and durations kept as plain numbers and handed to Prometheus when it scrapes. prom-client
// hashes the label set on every inc() and observe(); on a page-cache hit, which is a few microseconds of
// work, that and the per-request close listener were about 8% of the hit's cost (measured with wrk). Here a
// request costs a Map lookup and two array writes, and the output is the same counter and histogram.
import type { Registry } from 'prom-client';

export const REQUESTS = 'masthead_http_requests_total';
export const DURATION = 'masthead_http_request_duration_seconds';
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Count {
  labels: { route: string; method: string; status: string };
  n: number;
}

interface Timing {
  /** Observations per bucket (not cumulative); the last slot is above the largest bound. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

/** The shape prom-client's own metrics give the registry (and the cluster aggregator), so ours mix with them. */
interface MetricValue {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

export class RequestStats {
  private readonly counts = new Map<string, Count>();
  private readonly timings = new Map<string, Timing>();

  record(route: string, method: string, status: string, seconds: number): void {
    const key = `${route} ${method} ${status}`;
    const count = this.counts.get(key);
    if (count) count.n++;
    else this.counts.set(key, { labels: { route, method, status }, n: 1 });
    let timing = this.timings.get(route);
    if (!timing) this.timings.set(route, (timing = { buckets: new Float64Array(DURATION_BUCKETS.length + 1), sum: 0, count: 0 }));
    let i = 0;
    while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]!) i++;
    timing.buckets[i]!++;
    timing.sum += seconds;
    timing.count++;
  }

  /** Adds the counter and the histogram to `registry`. */
  register(registry: Registry): void {
    const metric = (name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[]) => ({
      name,
      help,
      type,
      aggregator: 'sum' as const,
      get: async () => ({ name, help, type, aggregator: 'sum' as const, values: values() }),
      reset: () => {},
    });
    registry.registerMetric(
      metric(REQUESTS, 'HTTP requests answered, by route type, method and status class (aborted: the client left first).', 'counter', () =>
        [...this.counts.values()].map((c) => ({ labels: { ...c.labels }, value: c.n })),
      ) as never,
    );
    registry.registerMetric(
      metric(DURATION, 'Time from request to the last byte handed to the OS, by route type.', 'histogram', () =>
        [...this.timings].flatMap(([route, t]) => {
          let below = 0;
          const buckets: MetricValue[] = DURATION_BUCKETS.map((le, i) => ({
            labels: { le, route },
            value: (below += t.buckets[i]!),
            metricName: `${DURATION}_bucket`,
          }));
          return <MetricValue[]>[
            ...buckets,
            { labels: { le: '+Inf', route }, value: t.count, metricName: `${DURATION}_bucket` },
            { labels: { route }, value: t.sum, metricName: `${DURATION}_sum` },
            { labels: { route }, value: t.count, metricName: `${DURATION}_count` },
          ];
        }),
      ) as never,
    );
  }
}
