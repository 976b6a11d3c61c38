// Pictures for demo content, painted locally with sharp from an SVG: no network and no third-party photos.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaVariant } from '../domain/model.ts';
import { cropVariants, renderCrop } from './crops.ts';
import { prng } from '../domain/random.ts';

export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const WIDTH = 1600;
const HEIGHT = 900;

const HEX = /^#[0-9a-f]{6}$/i;

function svgFor(palette: string[], seed: number): string {
  const colours = palette.filter((c) => HEX.test(c));
  while (colours.length < 3) colours.push(['#1f3b57', '#c8553d', '#f2d0a4'][colours.length]!);
  const rand = prng(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const c = colours[i % colours.length]!;
    const x = Math.round(rand() * WIDTH);
    const y = Math.round(rand() * HEIGHT);
    const r = Math.round(60 + rand() * 320);
    const o = (0.15 + rand() * 0.45).toFixed(2);
    shapes.push(
      i % 3 === 0
        ? `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" fill="${c}" opacity="${o}" transform="rotate(${Math.round(rand() * 60 - 30)} ${x} ${y})"/>`
        : `<circle cx="${x}" cy="${y}" r="${r}" fill="${c}" opacity="${o}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colours[0]}"/><stop offset="1" stop-color="${colours[1]}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

export interface GeneratedImage {
  originalFile: string;
  mime: string;
  width: number;
  height: number;
  variants: MediaVariant[];
}

/**
 * Paints a 16:9 picture and writes the JPEG original, WebP variants and the 16:9, 4:3 and 1:1 JPEG crops
 * (1200 px wide, for structured data and social cards) under `mediaDir/demo/`.
 */
export async function generateDemoImage(mediaDir: string, palette: string[], seedText: string): Promise<GeneratedImage> {
  const hash = crypto
    .createHash('sha256')
    .update(`${palette.join(',')}|${seedText}`)
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(mediaDir, 'demo');
  await fs.mkdir(dir, { recursive: true });
  const originalFile = `demo/${hash}.jpg`;
  const variants: MediaVariant[] = VARIANT_WIDTHS.map((width) => ({
    width,
    height: Math.round((width * HEIGHT) / WIDTH),
    format: 'webp',
    file: `demo/${hash}-${width}.webp`,
  }));
  const crops = cropVariants(`demo/${hash}`, WIDTH);
  // Painting is deterministic, so pictures already on disk (a re-seed, a shared test cache) are kept.
  const files = [originalFile, ...variants.map((v) => v.file), ...crops.map((c) => c.file)];
  const present = await Promise.all(
    files.map((f) =>
      fs.access(path.join(mediaDir, f)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!present.every(Boolean)) {
    const { data, info } = await sharp(Buffer.from(svgFor(palette, parseInt(hash.slice(0, 8), 16))))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    await Promise.all([
      writeAtomically(path.join(mediaDir, originalFile), raw().jpeg({ quality: 82 }).toBuffer()),
      ...variants.map((v) =>
        writeAtomically(path.join(mediaDir, v.file), raw().resize(v.width, v.height).webp({ quality: 78 }).toBuffer()),
      ),
      ...crops.map((c) => writeAtomically(path.join(mediaDir, c.file), renderCrop(raw(), c))),
    ]);
  }
  return { originalFile, mime: 'image/jpeg', width: WIDTH, height: HEIGHT, variants: [...variants, ...crops] };
}

/** Writes beside the target and renames, so a reader never sees a half-written picture. */
async function writeAtomically(file: string, bytes: Promise<Buffer>): Promise<void> {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, await bytes);
  await fs.rename(tmp, file);
}
