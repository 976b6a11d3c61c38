// The concurrent writer of backup.test.ts, in a process of its own so that it really writes while the
// backup runs: inserts articles (one transaction each, with a section and a tag) into DATABASE_URL until
// SIGTERM, printing its count every ten.
import { loadConfig } from '../../src/config.ts';
import { openDb } from '../../src/store/db.ts';
import { createStore } from '../../src/store/index.ts';
import { makeArticle } from './factories.ts';

const sectionId = Number(process.argv[2]);
const db = openDb(loadConfig().database);
const store = createStore(db);
let stopping = false;
const stop = () => (stopping = true);
process.on('SIGTERM', stop);
// Never outlive the test: stop when the parent goes away (stdin closes) and after two minutes in any case.
process.stdin.on('close', stop).resume();
setTimeout(stop, 120_000).unref();
let n = 0;
while (!stopping) {
  n++;
  await makeArticle(store, { sectionId, headline: `Written during the backup ${n}`, tags: [`topic ${n % 5}`] });
  if (n % 10 === 0) process.stdout.write(`${n}\n`);
  // better-sqlite3 answers synchronously, so without this the loop would run on microtasks alone and the
  // event loop would never deliver SIGTERM or the stdin close.
  await new Promise((resolve) => setImmediate(resolve));
}
await db.close();
process.stdout.write(`stopped after ${n}\n`);
process.exit(0); // stdin, still open, would keep the process alive
