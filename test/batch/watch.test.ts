import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { library, problemsIn, spawnQuire, story, tmp, waitForOutput } from './helpers.js';

describe('--watch', () => {
  it('rebuilds a work when its file changes, and only that work', async () => {
    const dir = await tmp();
    await library(dir, 2);
    const out = path.join(dir, 'out');
    const child = spawnQuire(['build', dir, '--out', out, '--watch']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const ready = waitForOutput(child, /watching/, 20_000, 'stderr');
      await waitForOutput(child, /2 built, 0 skipped/, 20_000);
      await ready;
      const next = waitForOutput(child, /1 built, 1 skipped/, 20_000);
      await writeFile(path.join(dir, 's001.txt'), story('Story One Revised'));
      const seen = await next;
      expect(seen).toMatch(/^built .*story-one-revised\.epub/m);
      expect(seen).toMatch(/^skipped .*story-0\.epub/m);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(await problemsIn(out)).toEqual({});
  }, 60_000);
});
