/**
 * `quire send` as a user runs it: the built command, its exit codes and its
 * one-line errors, and what a reader holds when the copy is killed midway.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.js';
import { ciEnv, quire } from '../support/cli.js';
import { fakeLibrary, fakeReader, tmp } from './fake.js';

describe('quire send (the command)', () => {
  it('lists several mounted readers and exits 2; none mounted exits 2 with what to do', async () => {
    const lib = await fakeLibrary();
    const media = await tmp();
    const env = ciEnv({ QUIRE_MOUNTS: media });
    const none = await quire(['send', lib.stories, '--out', lib.out], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^quire: error: no e-reader is mounted \(looked in .*\): plug it in and let it mount, or name its folder with --to; a Kindle from 2024 on or a Scribe connects by MTP only and never mounts, so use Send to Kindle or quire serve \[no-reader\]$/m,
    );
    await fakeReader(media, 'KOBOeReader', 'kobo');
    await fakeReader(media, 'Kindle', 'kindle');
    const two = await quire(['send', lib.stories, '--out', lib.out], { env });
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^quire: error: 2 readers are mounted: Kobo at .*KOBOeReader; Kindle at .*Kindle; choose one with --to \[several-readers\]$/m);
    // Nothing was built or copied before the reader was settled.
    expect(await readdir(path.join(media, 'KOBOeReader'))).toEqual(['.kobo']);
    const one = await quire(['send', lib.stories, '--out', lib.out, '--to', path.join(media, 'KOBOeReader'), '--json'], { env });
    expect(one.code).toBe(0);
    const report = JSON.parse(one.stdout) as { ok: boolean; summary: { copied: number }; build: { ok: boolean } };
    expect(report).toMatchObject({ ok: true, summary: { copied: 2 }, build: { ok: true } });
  });

  it('refuses a --folder outside the reader’s book folder, and an unknown --device', async () => {
    const lib = await fakeLibrary();
    const reader = await tmp();
    const up = await quire(['send', lib.stories, '--out', lib.out, '--to', reader, '--folder', '../elsewhere']);
    expect(up.code).toBe(2);
    expect(up.stderr).toMatch(/--folder names a folder inside the reader's book folder/);
    const device = await quire(['send', lib.stories, '--to', reader, '--device', 'nook']);
    expect(device.code).toBe(2);
    expect(await readdir(reader)).toEqual([]);
  });

  it('killed midway, leaves the old book or the new one on the reader, never a broken one', async () => {
    const reader = await tmp();
    const module = path.join(repoRoot, 'dist', 'deliver', 'device-files.js');
    // Two versions of an 8 MB book, copied in turn under one name until the process is killed.
    const script = `
      const { copyInto } = await import(${JSON.stringify(module)});
      const a = Buffer.alloc(8 << 20, 65), b = Buffer.alloc(8 << 20, 66);
      await copyInto(${JSON.stringify(reader)}, 'book.epub', a);
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) await copyInto(${JSON.stringify(reader)}, 'book.epub', i % 2 ? a : b);`;
    const hashes = new Set([Buffer.alloc(8 << 20, 65), Buffer.alloc(8 << 20, 66)].map((x) => createHash('sha256').update(x).digest('hex')));
    for (const delay of [5, 23, 61, 97, 150]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const bytes = await readFile(path.join(reader, 'book.epub'));
      expect(hashes.has(createHash('sha256').update(bytes).digest('hex')), `killed after ${delay} ms`).toBe(true);
    }
    // What a killed copy leaves is only its own temporary file, which the next send clears.
    const left = (await readdir(reader)).filter((f) => f !== 'book.epub');
    for (const f of left) expect(f).toMatch(/^\.quire-\d+-\d+\.tmp$/);
    const { clearLeftovers } = (await import(module)) as { clearLeftovers: (dir: string) => Promise<void> };
    await clearLeftovers(reader);
    expect(await readdir(reader)).toEqual(['book.epub']);
  });
});
