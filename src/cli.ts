// The masthead command: serve (default), migrate, seed. Every command shares the same config and services.
import { buildApp } from './app.ts';
import { openStore } from './boot.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { openDb } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { createStore } from './store/index.ts';
import { progressReporter } from './progress.ts';

const USAGE = `Usage: masthead <command>

Commands:
  serve     start the site (migrates, and loads demo content into an empty database)
  migrate   bring the database schema up to date
  seed      load the demo content into an empty database

Configuration comes from environment variables; see README.md.`;

async function serve(config: Config) {
  const { store, db } = await openStore(config);
  const app = await buildApp({ config, store });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`${config.siteName} is running at http://localhost:${config.port} (public origin ${config.origin}).`);
}

async function main(argv: string[]) {
  const command = argv[0] ?? 'serve';
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const db = openDb(config.database);
      const applied = await migrate(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      return db.close();
    }
    case 'seed': {
      const db = openDb(config.database);
      await migrate(db);
      const store = createStore(db);
      if (!(await store.isEmpty())) {
        console.error('The database already has content; the demo is only loaded into an empty database.');
        process.exitCode = 1;
      } else {
        const report = await seedDemo(store, config.mediaDir, new Date(), progressReporter('Painting demo pictures'));
        console.log(`Loaded ${report.articles} articles.`);
      }
      return db.close();
    }
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
