// A cluster worker for src/ops/metrics.cluster.test.ts: an instrumented app on an in-memory database that
// answers one request, shares its registry with the primary, and says so.
import { sqliteTestDb } from './db.ts';
import { testApp } from './app.ts';
import { createMetricsRegistry, instrumentApp, shareMetricsWithPrimary } from '../../src/ops/metrics.ts';

const t = await sqliteTestDb();
const app = await testApp(t.store);
const registry = createMetricsRegistry();
instrumentApp(app, registry, { store: t.store, db: t.db });
shareMetricsWithPrimary(registry);
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const res = await fetch(`${base}/healthz`);
await res.arrayBuffer();
// The count is taken when the connection's response closes; give that event its turn.
await new Promise((r) => setTimeout(r, 50));
process.send!({ ready: res.status });
