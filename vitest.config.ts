import { defineConfig } from 'vitest/config';

/** Suites that run whole a second time on PostgreSQL (their database comes from suiteTestDb in test/support/db.ts). */
const BOTH_DIALECTS = [
  'src/site/pages.test.ts',
  'src/site/queries.test.ts',
  'src/seo/pages.test.ts',
  'src/api/api.test.ts',
  'src/api/roles.test.ts',
  'src/api/finder.test.ts',
  'src/newsroom/dashboard.test.ts',
  'src/api/people.test.ts',
  'src/api/people-tags.test.ts',
  'src/api/pages.test.ts',
  'src/api/paging.test.ts',
  'src/api/media-library.test.ts',
  'src/distribution/feeds/feeds.test.ts',
  'src/distribution/sitemaps/http.test.ts',
  'src/distribution/tv/tv.test.ts',
  'src/cache/cache.test.ts',
  'src/cache/host-header.test.ts',
  'src/cache/accept-encoding.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/suite-summary.ts'],
    projects: [
      { extends: true, test: { name: 'main', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'postgres', include: BOTH_DIALECTS, env: { MASTHEAD_TEST_DIALECT: 'postgres' } } },
    ],
  },
});
