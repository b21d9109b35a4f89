import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireError } from '../../src/diagnostics.js';
import { loadCover } from '../../src/cover/index.js';
import { sniffImage } from '../../src/cover/sniff.js';
import { pngSize } from './png.js';

let base: string;
let root: string;
let story: string;

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'quire-cover-'));
  root = path.join(base, 'stories');
  await mkdir(path.join(root, 'art'), { recursive: true });
  story = path.join(root, 'story.md');
  await writeFile(story, '# A story\n');
  await solid(300, 480)
    .jpeg()
    .toFile(path.join(root, 'art', 'c.jpg'));
  await solid(300, 480)
    .png()
    .toFile(path.join(root, 'art', 'c.png'));
  await solid(300, 480)
    .gif()
    .toFile(path.join(root, 'art', 'c.gif'));
  await solid(300, 480)
    .webp()
    .toFile(path.join(root, 'art', 'c.webp'));
  await writeFile(
    path.join(root, 'art', 'c.svg'),
    '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="160"><rect width="100" height="160" fill="#284"/></svg>',
  );
  await solid(4000, 3000)
    .jpeg()
    .toFile(path.join(root, 'art', 'huge.jpg'));
  await solid(3000, 4000)
    .webp()
    .toFile(path.join(root, 'art', 'huge.webp'));
  await writeFile(path.join(root, 'cover.jpg'), 'this is a text file, not a JPEG\n');
  await writeFile(path.join(root, 'empty.png'), '');
  await writeFile(path.join(root, 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  await solid(50, 80).png().toFile(path.join(base, 'outside.png'));
  await symlink(path.join(base, 'outside.png'), path.join(root, 'sneaky.png'));
  await symlink(path.join(root, 'art', 'c.png'), path.join(root, 'alias.png'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const opts = () => ({ allowedRoots: [root], file: story, line: 3 });

async function rejection(p: string): Promise<QuireError> {
  const err = await loadCover(p, opts()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QuireError);
  const q = err as QuireError;
  expect(q.diagnostic.file).toBe(story);
  expect(q.diagnostic.line).toBe(3);
  expect(q.message).toContain(p);
  return q;
}

describe('loadCover', () => {
  it('keeps a JPEG as JPEG, byte for byte', async () => {
    const c = await loadCover('art/c.jpg', opts());
    expect(c).toMatchObject({ mediaType: 'image/jpeg', extension: 'jpg', width: 300, height: 480 });
    expect(Buffer.from(c.data).equals(await readFile(path.join(root, 'art', 'c.jpg')))).toBe(true);
  });

  it('keeps a PNG as PNG', async () => {
    const c = await loadCover('art/c.png', opts());
    expect(c).toMatchObject({ mediaType: 'image/png', extension: 'png', width: 300, height: 480 });
    expect(pngSize(c.data)).toEqual({ width: 300, height: 480 });
  });

  for (const ext of ['gif', 'webp'])
    it(`converts ${ext.toUpperCase()} to PNG`, async () => {
      const c = await loadCover(`art/c.${ext}`, opts());
      expect(c).toMatchObject({ mediaType: 'image/png', extension: 'png' });
      expect(pngSize(c.data)).toEqual({ width: 300, height: 480 });
    });

  it('draws SVG to a PNG at full size', async () => {
    const c = await loadCover('art/c.svg', opts());
    expect(c.mediaType).toBe('image/png');
    expect(pngSize(c.data)).toEqual({ width: 1600, height: 2560 });
  });

  it('scales a 4000 px image down to 2560 on its longest side', async () => {
    const jpg = await loadCover('art/huge.jpg', opts());
    expect(jpg).toMatchObject({ mediaType: 'image/jpeg', width: 2560, height: 1920 });
    expect((await sharp(jpg.data).metadata()).width).toBe(2560);
    const webp = await loadCover('art/huge.webp', opts());
    expect(pngSize(webp.data)).toEqual({ width: 1920, height: 2560 });
  });

  it('accepts an absolute path inside a root and a symlink that stays inside', async () => {
    expect((await loadCover(path.join(root, 'art', 'c.png'), opts())).width).toBe(300);
    expect((await loadCover('alias.png', opts())).width).toBe(300);
  });

  it('rejects a path that climbs out of the roots', async () => {
    const e = await rejection('../../etc/passwd');
    expect(e.diagnostic.code).toBe('cover-outside-roots');
    expect(e.message).toMatch(/outside the allowed folders/);
  });

  it('rejects an absolute path outside the roots', async () => {
    expect((await rejection(path.join(base, 'outside.png'))).diagnostic.code).toBe('cover-outside-roots');
  });

  it('rejects a symlink that points out of the roots', async () => {
    const e = await rejection('sneaky.png');
    expect(e.diagnostic.code).toBe('cover-outside-roots');
    expect(e.message).toMatch(/symlink/);
  });

  it('rejects a text file named cover.jpg', async () => {
    const e = await rejection('cover.jpg');
    expect(e.diagnostic.code).toBe('cover-not-an-image');
    expect(e.message).toMatch(/not a JPEG, PNG, GIF, WebP or SVG/);
  });

  it('rejects a missing file, an empty file, a broken PNG and a folder', async () => {
    expect((await rejection('art/nope.png')).diagnostic.code).toBe('cover-not-found');
    expect((await rejection('empty.png')).diagnostic.code).toBe('cover-empty');
    expect((await rejection('broken.png')).diagnostic.code).toBe('cover-unreadable');
    expect((await rejection('art')).diagnostic.code).toBe('cover-not-a-file');
  });
});

describe('sniffImage', () => {
  it('knows images by their bytes, not their names', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffImage(enc('\uFEFF  <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg viewBox="0 0 1 1"/>'))).toBe('svg');
    expect(sniffImage(enc('<html><svg/></html>'))).toBeUndefined();
    expect(sniffImage(enc('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });
});
