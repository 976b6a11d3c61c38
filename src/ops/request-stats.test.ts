// The request counter and histogram, kept as plain numbers, must read in Prometheus exactly as prom-client's
// own would: cumulative buckets, +Inf equal to the count, one series per label set.
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestStats } from './request-stats.ts';

describe('RequestStats', () => {
  it('exposes counts per label set and a cumulative histogram per route in the text format', async () => {
    const registry = new Registry();
    const stats = new RequestStats();
    stats.register(registry);
    stats.record('article', 'GET', '2xx', 0.0005);
    stats.record('article', 'GET', '2xx', 0.003);
    stats.record('article', 'GET', '4xx', 20);
    stats.record('home', 'HEAD', '2xx', 0.01);
    const lines = (await registry.metrics()).split('\n');
    expect(lines).toContain('# TYPE masthead_http_requests_total counter');
    expect(lines).toContain('masthead_http_requests_total{route="article",method="GET",status="2xx"} 2');
    expect(lines).toContain('masthead_http_requests_total{route="article",method="GET",status="4xx"} 1');
    expect(lines).toContain('masthead_http_requests_total{route="home",method="HEAD",status="2xx"} 1');
    expect(lines).toContain('# TYPE masthead_http_request_duration_seconds histogram');
    const bucket = (route: string, le: string) =>
      lines.find((l) => l.startsWith(`masthead_http_request_duration_seconds_bucket{le="${le}",route="${route}"} `))?.split(' ')[1];
    expect([
      bucket('article', '0.001'),
      bucket('article', '0.0025'),
      bucket('article', '0.005'),
      bucket('article', '10'),
      bucket('article', '+Inf'),
    ]).toEqual(['1', '1', '2', '2', '3']);
    expect(bucket('home', '0.005')).toBe('0');
    expect(bucket('home', '0.01')).toBe('1'); // a bound is inclusive, as in Prometheus
    expect(lines).toContain('masthead_http_request_duration_seconds_count{route="article"} 3');
    const sum = Number(lines.find((l) => l.startsWith('masthead_http_request_duration_seconds_sum{route="article"}'))?.split(' ')[1]);
    expect(sum).toBeCloseTo(20.0035, 6);
  });
});
