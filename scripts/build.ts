// npm run build: the newsroom editor for browsers (public/build/) and the server bundle (dist/cli.js).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditor } from './build-editor.ts';
import { buildServer } from './build-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const started = performance.now();
try {
  const files = [...(await buildEditor({ root })), await buildServer({ root })];
  for (const f of files) console.log(`${path.relative(root, f.file).padEnd(26)} ${kb(f.bytes).padStart(10)}`);
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
