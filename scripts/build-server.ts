// Builds the server for production: src/cli.ts → dist/cli.js, one ES module with a source map. Dependencies
// stay in node_modules (native ones must). Running the bundle with plain `node` skips tsx's compile of every
// source file at start-up (in each cluster worker too), which is most of the start-up time.
import { build } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BuildServerOptions {
  /** Project root (the directory holding src/). */
  root: string;
  /** The bundle to write; defaults to <root>/dist/cli.js. Beside it, so public/ resolves the same way as from src/. */
  outFile?: string;
}

export async function buildServer({
  root,
  outFile = path.join(root, 'dist', 'cli.js'),
}: BuildServerOptions): Promise<{ file: string; bytes: number }> {
  const { outputFiles } = await build({
    write: false,
    absWorkingDir: root,
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Written under a temporary name and renamed: a running server or a concurrent build never sees half a file.
  await mkdir(path.dirname(outFile), { recursive: true });
  for (const f of outputFiles) {
    const partial = `${f.path}.${process.pid}.partial`;
    await writeFile(partial, f.contents);
    await rename(partial, f.path);
  }
  return { file: outFile, bytes: outputFiles.find((f) => f.path === outFile)!.contents.length };
}
