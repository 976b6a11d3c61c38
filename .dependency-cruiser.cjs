// The layers of src/, as docs/ARCHITECTURE.md draws them, checked on every `npm test` (npm run deps).
//   doors (site, newsroom, api, distribution) → services → domain, store, events, media
//   web/ is the toolkit every door may use; domain/ depends on nothing of ours but config and errors.
// Tests may reach anything; production code never reaches test/.
const DOORS = '(site|newsroom|api|distribution)';
const PROD = '^src/.*(?<!\\.test)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A module cycle makes load order matter and hides which side owns what.',
      severity: 'error',
      from: { path: PROD },
      to: { circular: true, viaOnly: { path: PROD } },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Test helpers live in test/ and *.test.ts files; the server never loads them.',
      severity: 'error',
      from: { path: PROD },
      to: { path: ['^test/', '\\.test\\.tsx?$'] },
    },
    {
      name: 'doors-do-not-cross',
      comment:
        'A door (site, newsroom, api, distribution) calls services and uses web/, never another door. The named ' +
        'exceptions are deliberate view reuse (docs/ARCHITECTURE.md): the article body in feeds, the article page ' +
        'as the newsroom preview, the site layout around the static mirror’s search page.',
      severity: 'error',
      from: { path: `^src/${DOORS}/`, pathNot: '\\.test\\.tsx?$' },
      to: {
        path: `^src/${DOORS}/`,
        pathNot: ['^src/$1/', '^src/site/views/(blocks|parts)\\.tsx$', '^src/site/views/(article|layout)\\.tsx$'],
      },
    },
    {
      name: 'view-reuse-is-named',
      comment: 'Only these door files reuse the reader site’s views.',
      severity: 'error',
      from: {
        path: `^src/${DOORS}/`,
        pathNot: [
          '^src/site/',
          '\\.test\\.tsx?$',
          '^src/distribution/feeds/content\\.tsx$',
          '^src/newsroom/editor-routes\\.tsx$', // the private preview renders the reader's article page
          '^src/distribution/export/search-page\\.tsx$',
        ],
      },
      to: { path: '^src/site/views/' },
    },
    {
      name: 'services-below-doors',
      comment: 'Services hold the rules and are called by doors; they know nothing of HTTP pages or of web/.',
      severity: 'error',
      from: { path: '^src/services/', pathNot: '\\.test\\.tsx?$' },
      to: { path: [`^src/${DOORS}/`, '^src/web/', '^src/http/', '^src/cache/', '^src/server/'] },
    },
    {
      name: 'store-below-services',
      comment: 'The store owns SQL; it serves services and never calls up.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: '\\.test\\.tsx?$' },
      to: { path: [`^src/${DOORS}/`, '^src/web/', '^src/http/', '^src/services/', '^src/cache/'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ is rules and types with no I/O: nothing of ours but config types and the error catalogue.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/config\\.ts$', '^src/errors\\.ts$'] },
    },
    {
      name: 'web-toolkit-is-shared',
      comment: 'web/ serves every door, so it may not depend on any one of them.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: [`^src/${DOORS}/`, '^src/services/'] },
    },
    {
      name: 'sql-lives-in-store',
      comment: 'Queries and connections belong to store/ (one Kysely code path for both dialects), LISTEN/NOTIFY included.',
      severity: 'error',
      from: { path: PROD, pathNot: '^src/store/' },
      to: { path: '^node_modules/(kysely|pg|better-sqlite3)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-opens-the-database',
      comment:
        'Connections are opened by store/open.ts (openMigratedStore: server and commands) or store/maintenance.ts (backups, as the database is); elsewhere only the Db type is named.',
      severity: 'error',
      from: { path: PROD, pathNot: '^src/store/' },
      to: { path: '^src/store/db\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'logger-is-a-leaf',
      comment: 'Everything logs; the logger imports nothing of ours.',
      severity: 'error',
      from: { path: '^src/ops/log\\.ts$' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^public/build/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
