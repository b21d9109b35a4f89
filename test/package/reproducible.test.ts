import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliPath, corpusFiles, repoRoot } from '../support/build.js';

const run = promisify(execFile);

async function buildIn(tz: string): Promise<Map<string, string>> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'quire-repro-'));
  await run(process.execPath, [cliPath, 'build', 'stories', ...corpusFiles, '--out', out], {
    cwd: repoRoot,
    env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: '' },
  });
  const hashes = new Map<string, string>();
  // The books; the cache beside them records when each source was read.
  for (const name of (await readdir(out)).filter((n) => n.endsWith('.epub')).sort()) {
    hashes.set(
      name,
      createHash('sha256')
        .update(await readFile(path.join(out, name)))
        .digest('hex'),
    );
  }
  return hashes;
}

describe('reproducible builds', () => {
  it('gives byte-identical EPUBs in different processes and time zones', async () => {
    const [a, b, c] = await Promise.all([buildIn('UTC'), buildIn('Pacific/Kiritimati'), buildIn('America/St_Johns')]);
    expect(a.size).toBeGreaterThanOrEqual(6);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});
