// The masthead command: serve (default), migrate, seed. Every command shares the same config and services.
import { buildApp } from './app.ts';
import { serve } from './server/serve.ts';
import { openStore } from './boot.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { openMigratedStore } from './store/open.ts';
import { progressReporter } from './progress.ts';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { exportSite } from './distribution/export/exporter.ts';
import { searchUnavailablePage } from './distribution/export/search-page.tsx';
import { siteFromConfig } from './web/context.ts';
import { generateCorpus } from './corpus/generate.ts';
import { AppError } from './errors.ts';
import { authService } from './services/auth/auth.ts';
import { generatePassword } from './services/auth/passwords.ts';
import { exportContentCommand, importContentCommand } from './portable/cli.ts';
import { backupCommand, restoreCommand } from './ops/backup.ts';

const USAGE = `Usage: masthead <command>

Commands:
  serve [--workers N]
            start the site (migrates, and loads demo content into an empty database) in N processes
            (default: one per CPU core; 1 serves in a single process)
  migrate   bring the database schema up to date
  seed      load the demo content into an empty database
  corpus --articles N
            add N synthetic articles (ten years of archive) for benchmarks; never for a real newsroom
  export --out DIR --origin URL [--base-path /sub]
            write the public site as static files for a mirror served at URL (incremental)
  export-content --out DIR
            write all content, history, media and users (never passwords) as documented files
            (docs/CONTENT-FORMAT.md), to move to another Masthead or anywhere else
  import-content --from DIR
            load such an export into an empty database; imported users have no password until one is set
  users add --email E --name N --role writer|editor|admin [--password P]
            create a newsroom user; without --password one is generated and shown once
  users set-password --email E [--password P] [--revoke-tokens]
            set a user's password (e.g. after import-content) and end their sessions;
            with --revoke-tokens also revoke their API tokens (do so when the account may have been misused)
  backup --out FILE
            a consistent copy of the database while the site runs (pictures: copy MEDIA_DIR after it)
  restore FILE
            load a backup into the empty database that DATABASE_URL names (refuses a non-empty one)

Configuration comes from environment variables; see README.md.`;

async function usersCommand(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'revoke-tokens': { type: 'boolean', default: false },
    },
  });
  if (positionals[0] !== 'add' && positionals[0] !== 'set-password') {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const { db, store } = await openMigratedStore(config.database, 'command');
  try {
    const auth = authService(store);
    const password = values.password ?? generatePassword();
    if (positionals[0] === 'set-password') {
      const revokeTokens = values['revoke-tokens'];
      const { user, tokensRevoked } = await auth.setPassword(values.email ?? '', password, null, { revokeTokens });
      console.log(`Set a new password for ${user.name} <${user.email}>; their sessions were ended.`);
      if (revokeTokens) console.log(`${tokensRevoked} API ${tokensRevoked === 1 ? 'token was' : 'tokens were'} revoked.`);
    } else {
      const user = await auth.createUser({ email: values.email ?? '', name: values.name ?? '', role: values.role ?? '', password });
      console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
    }
    if (!values.password) console.log(`Password (shown once, store it safely): ${password}`);
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`Could not ${positionals[0] === 'add' ? 'create the user' : 'set the password'}: ${err.message}`);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await db.close();
  }
}

async function exportCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, origin: { type: 'string' }, 'base-path': { type: 'string', default: '' } },
  });
  const basePath = (values['base-path'] ?? '').replace(/\/+$/, '');
  if (!values.out || !values.origin || !URL.canParse(values.origin) || (basePath && !/^\/[A-Za-z0-9._~/-]+$/.test(basePath))) {
    console.error('Usage: masthead export --out DIR --origin https://mirror.example [--base-path /sub]');
    process.exitCode = 2;
    return;
  }
  const origin = new URL(values.origin).origin;
  if (origin !== config.origin && !config.mirrors.includes(origin)) {
    console.error(
      `${origin} is not one of this site's addresses. Add it to MASTHEAD_MIRRORS so the site answers for it and readers are told about it.`,
    );
    process.exitCode = 2;
    return;
  }
  const { store, db } = await openStore(config);
  // The crawl makes hundreds of requests; per-request log lines would drown the progress.
  const app = await buildApp({ config: { ...config, logLevel: 'warn' }, store });
  try {
    const site = siteFromConfig(config);
    const report = await exportSite({
      app,
      outDir: path.resolve(values.out),
      host: new URL(origin).host,
      basePath,
      searchPage: searchUnavailablePage({ ...site, nav: (await app.services.reader.sections()).roots() }),
      onProgress: progressReporter('Exporting'),
      warn: (line) => console.warn(line),
    });
    console.log(
      `Exported ${report.files} files to ${values.out}: ${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed.`,
    );
  } finally {
    await app.close();
    await db.close();
  }
}

async function corpusCommand(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { articles: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const n = Number(values.articles);
  if (!Number.isSafeInteger(n) || n < 1 || n > 10_000_000) {
    console.error('Usage: masthead corpus --articles N   (1 to 10,000,000)');
    process.exitCode = 2;
    return;
  }
  const { db, store } = await openMigratedStore(config.database, 'bulk');
  try {
    const started = Date.now();
    const report = await generateCorpus(store, {
      articles: n,
      seed: Number(values.seed) || 1,
      onProgress: progressReporter('Generating articles'),
    });
    console.log(`Added ${report.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]) {
  const command = argv[0] ?? 'serve';
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: argv.slice(1), options: { workers: { type: 'string' } } });
      const workers = values.workers === undefined ? config.workers : Number(values.workers);
      if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) {
        console.error('Usage: masthead serve [--workers N]   (1 to 256; default MASTHEAD_WORKERS or one per core)');
        process.exitCode = 2;
        return;
      }
      await serve({ ...config, workers });
      return;
    }
    case 'migrate': {
      const { db, applied } = await openMigratedStore(config.database, 'command');
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      return db.close();
    }
    case 'seed': {
      const { db, store } = await openMigratedStore(config.database, 'command');
      if (!(await store.isEmpty())) {
        console.error('The database already has content; the demo is only loaded into an empty database.');
        process.exitCode = 1;
      } else {
        const report = await seedDemo(store, config.mediaDir, new Date(), progressReporter('Painting demo pictures'));
        console.log(`Loaded ${report.articles} articles.`);
      }
      return db.close();
    }
    case 'users':
      return usersCommand(config, argv.slice(1));
    case 'export':
      return exportCommand(config, argv.slice(1));
    case 'export-content':
      return exportContentCommand(config, argv.slice(1));
    case 'import-content':
      return importContentCommand(config, argv.slice(1));
    case 'corpus':
      return corpusCommand(config, argv.slice(1));
    case 'backup':
      return backupCommand(config, argv.slice(1));
    case 'restore':
      return restoreCommand(config, argv.slice(1));
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(err);
  process.exit(1);
});
