// Streaming files for the portable format: JSON Lines written and read a line at a time with a running
// SHA-256, and file copies that hash what they copy. Nothing here holds a whole file in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';

export interface Digest {
  sha256: string;
  bytes: number;
}

/** Appends one JSON value per line, waiting for the disk when the stream's buffer is full. */
export class JsonlWriter {
  private readonly out: fs.WriteStream;
  private readonly hash = crypto.createHash('sha256');
  private bytes = 0;
  records = 0;

  constructor(file: string) {
    this.out = fs.createWriteStream(file, { flags: 'wx' });
  }

  async write(value: unknown): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    this.hash.update(line);
    this.bytes += line.length;
    this.records++;
    if (!this.out.write(line)) await once(this.out, 'drain');
  }

  async close(): Promise<Digest> {
    this.out.end();
    await once(this.out, 'finish');
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/** Reads a JSON Lines file line by line; `digest()` is the hash of every byte read, once the lines are done. */
export class JsonlReader {
  private readonly hash = crypto.createHash('sha256');
  private bytes = 0;

  constructor(private readonly file: string) {}

  async *lines(): AsyncGenerator<Line> {
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let number = 0;
    for await (const chunk of fs.createReadStream(this.file)) {
      const buf = chunk as Buffer;
      this.hash.update(buf);
      this.bytes += buf.length;
      const parts = (carry + decoder.write(buf)).split('\n');
      carry = parts.pop()!;
      for (const text of parts) yield { number: ++number, text: text.replace(/\r$/, '') };
    }
    carry += decoder.end();
    if (carry !== '') yield { number: ++number, text: carry.replace(/\r$/, '') };
  }

  digest(): Digest {
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

/**
 * Copies `from` to `to` (creating folders), hashing the bytes on the way. The copy is written beside the target
 * and renamed only when `accept` approves the digest, so a refused file never appears under its name.
 */
export async function copyHashed(from: string, to: string, accept: (d: Digest) => void = () => {}): Promise<Digest> {
  await fsp.mkdir(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`;
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(tmp, { flags: 'wx' }));
    const digest = { sha256: hash.digest('hex'), bytes };
    accept(digest);
    await fsp.rename(tmp, to);
    return digest;
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** The digest of a file, or null when there is none. */
export async function hashFile(file: string): Promise<Digest | null> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Throttles progress to one report per `every` steps (and the last), so a terminal bar is not redrawn 100,000 times. */
export function throttled(onProgress: (done: number, total: number) => void, total: number, every = 250) {
  let done = 0;
  let reported = -1;
  const report = () => {
    reported = done;
    onProgress(done, total);
  };
  return {
    step() {
      done++;
      if (done % every === 0 || done === total) report();
    },
    /** Reports the end, whatever the count came to. */
    finish() {
      if (reported !== done || done !== total) {
        total = done;
        report();
      }
    },
  };
}
