// A vitest reporter that ends the run with counts per suite (PostgreSQL and browser included), so a reader of
// CI output can see that those suites ran rather than being skipped, and a final "N passed, N failed" line.
import type { Reporter, TestModule } from 'vitest/node';

function suiteOf(moduleId: string, fullName: string, project: string): string {
  if (moduleId.includes('/test/browser/')) return 'browser (chromium)';
  if (project === 'postgres' || /\bpostgres\b/.test(fullName)) return 'on postgresql';
  if (/\bsqlite\b/.test(fullName)) return 'on sqlite';
  if (
    ['/src/site/', '/src/newsroom/newsroom', '/src/api/', '/src/distribution/', '/src/http/', '/src/seo/'].some((p) => moduleId.includes(p))
  )
    return 'http (site, newsroom, api, feeds)';
  return 'unit and services';
}

export default class SuiteSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const key = suiteOf(m.moduleId, test.fullName, m.project.name);
        const c = counts.get(key) ?? { passed: 0, failed: 0, skipped: 0 };
        const state = test.result().state;
        if (state === 'passed') c.passed++;
        else if (state === 'failed') c.failed++;
        else c.skipped++;
        counts.set(key, c);
      }
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    console.log('\nSuites:');
    for (const [name, c] of [...counts].sort()) {
      console.log(`  ${name.padEnd(28)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  }
}
