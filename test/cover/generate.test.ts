import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoverInfo, generateCover } from '../../src/cover/index.js';
import { contrastRatio, paletteFor } from '../../src/cover/palette.js';
import { pngSize } from './png.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..');
const sha = (d: Uint8Array): string => createHash('sha256').update(d).digest('hex');

const info: CoverInfo = {
  title: 'The Salt Road',
  subtitle: 'A novella',
  authors: ['R. Amsel', 'K. Lindqvist'],
  series: { name: 'Coastlines', position: 2 },
};

describe('generateCover', () => {
  it('is a 1600×2560 PNG', async () => {
    const cover = await generateCover(info);
    expect(cover.mediaType).toBe('image/png');
    expect(cover.extension).toBe('png');
    expect(pngSize(cover.data)).toEqual({ width: 1600, height: 2560 });
    expect([cover.width, cover.height]).toEqual([1600, 2560]);
  });

  it('gives the same bytes twice and different bytes for another title', async () => {
    const a = await generateCover(info);
    const b = await generateCover({ ...info });
    const c = await generateCover({ ...info, title: 'The Salt Roads' });
    expect(sha(a.data)).toBe(sha(b.data));
    expect(sha(a.data)).not.toBe(sha(c.data));
    expect(paletteFor('The Salt Road')).not.toEqual(paletteFor('The Salt Roads'));
  });

  it('draws titles with markup characters and control characters', async () => {
    const cover = await generateCover({ title: 'Tom & Jerry <3 "quotes" \u0001', authors: ['A <b>'] });
    expect(pngSize(cover.data).width).toBe(1600);
  });

  it('keeps text at least 7:1 against the background for any title', () => {
    for (let i = 0; i < 500; i++) {
      const p = paletteFor(`title number ${i}`);
      expect(contrastRatio(p.text, p.background)).toBeGreaterThanOrEqual(7);
      expect(p.contrast).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('varies colours and patterns between works', () => {
    const palettes = Array.from({ length: 60 }, (_, i) => paletteFor(`Work ${i}`));
    expect(new Set(palettes.map((p) => p.background)).size).toBeGreaterThan(50);
    expect(new Set(palettes.map((p) => p.pattern)).size).toBe(5);
  });
});

describe('generateCover in other processes', () => {
  const outDir = path.join(repo, '.quire-cache', 'cover-test-build');
  beforeAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await run(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--outDir', outDir], { cwd: repo });
  }, 120_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('gives the same bytes in two processes with different time zones', async () => {
    const script = path.join(outDir, 'cover-hash.mjs');
    await writeFile(
      script,
      `import { createHash } from 'node:crypto';
       import { generateCover } from './cover/index.js';
       const c = await generateCover(JSON.parse(process.argv[2]));
       process.stdout.write(createHash('sha256').update(c.data).digest('hex'));`,
    );
    const child = (tz: string) => run(process.execPath, [script, JSON.stringify(info)], { env: { ...process.env, TZ: tz, LANG: 'C' }, cwd: repo });
    const [a, b] = await Promise.all([child('Pacific/Kiritimati'), child('America/Adak')]);
    const here = sha((await generateCover(info)).data);
    expect(a.stdout).toMatch(/^[0-9a-f]{64}$/);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(here);
  }, 60_000);
});
