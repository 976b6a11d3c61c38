// The soak run's setup and reporting (bench/soak.ts): an editor and token made before the start, the
// server's own metrics when it serves them, and the printed summary.
import { openDb } from '../src/store/db.ts';
import { createStore } from '../src/store/index.ts';
import { authService } from '../src/services/auth/auth.ts';
import { generatePassword } from '../src/services/auth/passwords.ts';
import type { SoakReport } from './soak.ts';

/** An editor with an API token, and where articles can go, made directly in the database before the start. */
export async function prepare(file: string) {
  const db = openDb({ kind: 'sqlite', file });
  try {
    const store = createStore(db);
    const auth = authService(store);
    const user = await auth.createUser({
      email: `soak.${Date.now()}@news.example`,
      name: 'Soak Editor',
      role: 'editor',
      password: generatePassword(),
    });
    const { token } = await auth.createApiToken(user.id, 'soak');
    const sections = await store.taxonomy.allSections();
    const leaves = sections.filter((s) => !sections.some((c) => c.parentId === s.id));
    return { token, sectionIds: leaves.map((s) => s.id), sectionPaths: sections.map((s) => s.path) };
  } finally {
    await db.close();
  }
}

export async function scrape(url: string): Promise<Record<string, number> | null> {
  try {
    const text = await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
    const sum = (re: RegExp) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
    return {
      pageCacheHitRatio: sum(/^masthead_page_cache_hit_ratio (\S+)$/gm),
      http5xx: sum(/^masthead_http_requests_total\{[^}]*status="5xx"[^}]*\} (\S+)$/gm),
      jobFailures: sum(/^masthead_job_failures_total (\S+)$/gm),
      dbWaiting: sum(/^masthead_db_connections\{state="waiting"\} (\S+)$/gm),
    };
  } catch {
    return null; // the server was started without a metrics listener
  }
}

export function summary(r: SoakReport): string[] {
  const rows = Object.entries(r.byRoute).map(
    ([route, s]) =>
      `${route.padEnd(10)} ${String(s.count).padStart(9)} ${String(s.errors).padStart(7)} ${s.p50.toFixed(2).padStart(9)} ${s.p99.toFixed(2).padStart(9)}`,
  );
  const m = r.memory;
  return [
    `${'route'.padEnd(10)} ${'requests'.padStart(9)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`,
    ...rows,
    '',
    `${r.requests} requests in ${r.seconds} s (${(r.requests / r.seconds).toFixed(0)}/s); ${r.published} published, ${r.edited} edited`,
    `errors: ${r.errors}${r.errors ? ` (NOT ZERO) e.g. ${r.errorSamples[0]}` : ''}`,
    `server RSS: ${m.startMb.toFixed(0)} MB at start, ${m.endMb.toFixed(0)} MB at end, ${m.secondHalfSlopeMbPerMin >= 0 ? '+' : ''}${m.secondHalfSlopeMbPerMin.toFixed(2)} MB/min over the second half (${m.samples.length} samples)`,
    r.serverMetrics
      ? `server metrics: ${Object.entries(r.serverMetrics)
          .map(([k, v]) => `${k} ${+v.toFixed(3)}`)
          .join(', ')}`
      : 'server metrics: not served',
  ];
}
