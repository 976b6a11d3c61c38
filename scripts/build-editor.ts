// Builds the newsroom body editor for the browser:
//   src/newsroom/editor/main.ts → public/build/editor.js (IIFE, minified, es2020)
//   src/newsroom/editor/editor.css → public/build/editor.css
// Run by scripts/build.ts (npm run build) and by the test set-up.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BuildEditorOptions {
  /** Project root; defaults to the repository this script lives in. */
  root?: string;
  /** Output directory; defaults to <root>/public/build. */
  outDir?: string;
}

async function sizeOf(file: string): Promise<BuiltFile> {
  const data = await readFile(file);
  return { file, bytes: data.byteLength, gzipBytes: gzipSync(data, { level: 9 }).byteLength };
}

/** Bundles the editor and copies its stylesheet; returns the sizes of what it wrote. */
export async function buildEditor(options: BuildEditorOptions = {}): Promise<BuiltFile[]> {
  const base = options.root ?? root;
  const outDir = options.outDir ?? path.join(base, 'public', 'build');
  const js = path.join(outDir, 'editor.js');
  const css = path.join(outDir, 'editor.css');
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: base,
    entryPoints: [path.join(base, 'src/newsroom/editor/main.ts')],
    outfile: js,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await copyFile(path.join(base, 'src/newsroom/editor/editor.css'), css);
  return Promise.all([sizeOf(js), sizeOf(css)]);
}
