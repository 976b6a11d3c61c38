// Files that appear whole or not at all: written under a temporary name beside the destination, flushed,
// then renamed into place, and the directory flushed so the new name itself survives a power loss.
import fs from 'node:fs';
import path from 'node:path';

/** A failure an operator can act on: the message says what to do; the command exits with status 1. */
export class OpsError extends Error {
  override name = 'OpsError';
}

export function fsyncPath(p: string) {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs `write(tmp)`, then moves tmp to `dest` durably; tmp is removed if anything fails. */
export async function writeDurably<T>(dest: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.partial`);
  try {
    const result = await write(tmp);
    fsyncPath(tmp);
    fs.renameSync(tmp, dest);
    fsyncPath(path.dirname(dest));
    return result;
  } finally {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

export function fileSize(p: string): string {
  const bytes = fs.statSync(p).size;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The first bytes of a file, to tell a SQLite database from a pg_dump archive. */
export function magic(p: string, n = 16): Buffer {
  const fd = fs.openSync(p, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
export const isSqliteFile = (p: string) => magic(p).toString('latin1') === 'SQLite format 3\0';
export const isPgDump = (p: string) => magic(p, 5).toString('latin1') === 'PGDMP';
