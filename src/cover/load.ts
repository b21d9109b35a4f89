/**
 * A cover image the work names: only from inside the allowed folders, only a
 * real image, and small enough for every reader.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import type { ErrorCode } from '../errors.js';
import { ioReason } from '../ioerror.js';
import { type ImageKind, sniffImage } from './sniff.js';
import type { CoverImage } from './types.js';

/** Longest side a cover may have; larger images are scaled down. */
export const MAX_COVER_SIDE = 2560;

export interface LoadCoverOptions {
  /** Folders the image may live in (the work's folder, the stories root, any a CLI flag adds). */
  allowedRoots: string[];
  /** The work file that names the image; a relative path is taken from its folder. */
  file: string;
  line?: number;
}

function fail(options: LoadCoverOptions, code: ErrorCode, message: string): never {
  const d: { code: ErrorCode; message: string; file: string; line?: number } = { code, message, file: options.file };
  if (options.line !== undefined) d.line = options.line;
  throw new QuireError(d);
}

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

async function realRoots(roots: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const r of roots) {
    const abs = path.resolve(r);
    out.push(abs);
    // A root that is itself a symlink is trusted as the place it points to.
    try {
      out.push(await realpath(abs));
    } catch {
      // a root that does not exist allows nothing more
    }
  }
  return out;
}

async function locate(p: string, options: LoadCoverOptions): Promise<string> {
  const wanted = path.resolve(path.dirname(path.resolve(options.file)), p);
  const roots = await realRoots(options.allowedRoots);
  const outside = (x: string): boolean => !roots.some((r) => inside(r, x));
  const allowed = options.allowedRoots.join(', ') || '(none)';
  if (outside(wanted)) fail(options, 'cover-outside-roots', `cover image "${p}" is outside the allowed folders (${allowed}); move it next to the story or allow its folder`);
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    fail(options, 'cover-not-found', `cover image "${p}" not found (looked for ${wanted})`);
  }
  if (outside(real)) fail(options, 'cover-outside-roots', `cover image "${p}" leads outside the allowed folders (${allowed}) through a symlink to ${real}`);
  const info = await stat(real);
  if (!info.isFile()) fail(options, 'cover-not-a-file', `cover image "${p}" is not a file`);
  return real;
}

async function convert(data: Buffer, kind: ImageKind): Promise<CoverImage> {
  // Loaded on first use (a tenth of a second): only a work with its own cover image needs it.
  const { default: sharp } = await import('sharp');
  let meta = await sharp(data).metadata();
  let input = sharp(data);
  if (kind === 'svg') {
    // A vector image is drawn at the largest size we keep, not at its nominal 72 dpi.
    const side = Math.max(meta.width ?? 0, meta.height ?? 0) || MAX_COVER_SIDE;
    input = sharp(data, { density: Math.min(72 * (MAX_COVER_SIDE / side), 10000) });
    meta = await input.metadata();
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!w || !h) throw new Error('no width or height');
  const tooBig = Math.max(w, h) > MAX_COVER_SIDE;
  if ((kind === 'jpeg' || kind === 'png') && !tooBig) {
    // Already fine: keep the author's bytes untouched.
    return kind === 'jpeg'
      ? { data: new Uint8Array(data), mediaType: 'image/jpeg', extension: 'jpg', width: w, height: h }
      : { data: new Uint8Array(data), mediaType: 'image/png', extension: 'png', width: w, height: h };
  }
  const resized = tooBig ? input.resize({ width: MAX_COVER_SIDE, height: MAX_COVER_SIDE, fit: 'inside' }) : input;
  // WebP, GIF and SVG become PNG: Kindle rejects WebP and most readers ignore an SVG cover.
  const out = kind === 'jpeg' ? await resized.jpeg({ quality: 90 }).toBuffer({ resolveWithObject: true }) : await resized.png().toBuffer({ resolveWithObject: true });
  const base = { data: new Uint8Array(out.data), width: out.info.width, height: out.info.height };
  return kind === 'jpeg' ? { ...base, mediaType: 'image/jpeg', extension: 'jpg' } : { ...base, mediaType: 'image/png', extension: 'png' };
}

/** A cover image the work names. */
export async function loadCover(p: string, options: LoadCoverOptions): Promise<CoverImage> {
  if (!p.trim()) fail(options, 'cover-not-found', 'cover image path is empty');
  const real = await locate(p, options);
  let data: Buffer;
  try {
    data = await readFile(real);
  } catch (err) {
    fail(options, 'cover-unreadable', `cover image "${p}" cannot be read: ${ioReason(err)}`);
  }
  if (data.length === 0) fail(options, 'cover-empty', `cover image "${p}" is an empty file`);
  const kind = sniffImage(data);
  if (!kind) fail(options, 'cover-not-an-image', `cover image "${p}" is not a JPEG, PNG, GIF, WebP or SVG image (its contents say otherwise, whatever its name)`);
  try {
    return { ...(await convert(data, kind)), source: real };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    fail(options, 'cover-unreadable', `cover image "${p}" looks like ${kind.toUpperCase()} but cannot be read: ${why}`);
  }
}
