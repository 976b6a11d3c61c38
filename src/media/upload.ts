// Uploaded pictures: the type is read from the bytes (never the name or the declared type), size and pixel
// limits stop decompression bombs, the original is kept, and responsive variants and fixed-ratio crops are
// written with sharp.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaVariant } from '../domain/model.ts';
import { AppError } from '../errors.ts';
import { cropVariants, renderCrop } from './crops.ts';

export const UPLOAD_LIMITS = {
  bytes: 25 * 1024 * 1024,
  /** Decoded pixels; a small file that claims huge dimensions is refused before decoding. */
  pixels: 50_000_000,
  widths: [480, 960, 1600],
};

const ACCEPTED: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  heif: { mime: 'image/avif', ext: 'avif' }, // sharp reports AVIF as heif
};

export interface StoredImage {
  originalFile: string;
  mime: string;
  width: number;
  height: number;
  variants: MediaVariant[];
}

// A file appears under its final name only complete and on disk: written to a temporary name, flushed,
// then renamed, so a crash or power loss mid-upload never leaves a half-written picture to be served (a
// stray *.tmp at worst). The database row naming the files is committed after storeUpload returns.
export async function writeAtomically(file: string, bytes: Buffer) {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Flushes a directory, which makes the names created or renamed in it durable. */
export async function syncDir(dir: string) {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function storeUpload(mediaDir: string, bytes: Buffer): Promise<StoredImage> {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'file: the file is empty', { field: 'file' });
  if (bytes.length > UPLOAD_LIMITS.bytes)
    throw new AppError('INVALID_INPUT', `file: larger than ${UPLOAD_LIMITS.bytes / 1024 / 1024} MB`, { field: 'file' });
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: UPLOAD_LIMITS.pixels }).metadata();
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) {
      throw new AppError('INVALID_INPUT', `file: more than the ${UPLOAD_LIMITS.pixels / 1e6} megapixel limit`, { field: 'file' });
    }
    throw new AppError('INVALID_INPUT', 'file: not an image we can read (JPEG, PNG, WebP, AVIF or GIF)', { field: 'file' });
  }
  const kind = meta.format ? ACCEPTED[meta.format] : undefined;
  if (!kind)
    throw new AppError('INVALID_INPUT', `file: ${meta.format ?? 'this'} files are not accepted; use JPEG, PNG, WebP, AVIF or GIF`, {
      field: 'file',
    });
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height || width * height > UPLOAD_LIMITS.pixels) {
    throw new AppError('INVALID_INPUT', `file: ${width}×${height} pixels is more than the ${UPLOAD_LIMITS.pixels / 1e6} megapixel limit`, {
      field: 'file',
    });
  }
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const dir = path.join(mediaDir, 'uploads', hash.slice(0, 2));
  const created = await fs.mkdir(dir, { recursive: true });
  const rel = (name: string) => path.posix.join('uploads', hash.slice(0, 2), name);
  const originalFile = rel(`${hash}.${kind.ext}`);
  await writeAtomically(path.join(mediaDir, originalFile), bytes);
  const variants: MediaVariant[] = [];
  try {
    const source = () => sharp(bytes, { limitInputPixels: UPLOAD_LIMITS.pixels }).rotate();
    for (const w of UPLOAD_LIMITS.widths.filter((x) => x < width).concat(width <= 1600 ? [width] : [])) {
      const h = Math.round((height * w) / width);
      for (const format of ['avif', 'webp', 'jpeg'] as const) {
        const file = rel(`${hash}-${w}.${format === 'jpeg' ? 'jpg' : format}`);
        const resized = source().resize(w);
        const out =
          format === 'avif'
            ? await resized.avif({ quality: 55, effort: 2 }).toBuffer()
            : format === 'webp'
              ? await resized.webp({ quality: 78 }).toBuffer()
              : await resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer();
        await writeAtomically(path.join(mediaDir, file), out);
        variants.push({ width: w, height: h, format, file });
      }
    }
    // Fixed-ratio JPEG crops for structured data and social cards (see crops.ts).
    for (const crop of cropVariants(rel(hash), width)) {
      await writeAtomically(path.join(mediaDir, crop.file), await renderCrop(source(), crop));
      variants.push(crop);
    }
  } catch {
    throw new AppError('INVALID_INPUT', 'file: the image could not be decoded', { field: 'file' });
  }
  await syncDir(dir);
  if (created) for (let d = path.dirname(dir); d.startsWith(mediaDir); d = path.dirname(d)) await syncDir(d);
  return { originalFile, mime: kind.mime, width, height, variants };
}
