import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardKey, shardOf } from '../../src/batch/shard.js';
import { library, problemsIn, quire, story, tmp } from './helpers.js';
import type { BatchReport } from '../../src/batch/types.js';

describe('--shard I/N', () => {
  it('parses I/N and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', '1.5/3']) expect(parseShard(bad), bad).toBeUndefined();
  });

  it('puts a work in the same shard whatever else is in the library', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `stories/work-${i}.txt`);
    const before = new Map(keys.map((k) => [k, shardOf(k, 4)]));
    // The shard depends on the path alone: shuffling or adding works moves nothing.
    for (const k of [...keys].reverse()) expect(shardOf(k, 4)).toBe(before.get(k));
    const sizes = [1, 2, 3, 4].map((s) => [...before.values()].filter((v) => v === s).length);
    for (const n of sizes) expect(n).toBeGreaterThan(25);
    expect(shardKey({ path: path.join('a', 'b', 'c.txt'), root: 'a' })).toBe('b/c.txt');
  });

  it('covers every work exactly once across N CI jobs', async () => {
    const dir = await tmp();
    await library(dir, 20, (i) => `Work ${i}`, [1, 1]);
    // A second input beside the library (inside it, a folder would be one work).
    const more = await tmp();
    await writeFile(path.join(more, 'extra.txt'), story('Extra', 1, 1));
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const out = path.join(dir, `out-${i}`);
      const run = await quire(['build', dir, more, '--out', out, '--shard', `${i}/3`, '--json']);
      expect(run.code).toBe(0);
      const works = (JSON.parse(run.stdout) as BatchReport).works;
      expect(works.length).toBeGreaterThan(0);
      seen.push(...works.map((w) => path.basename(w.source)));
      expect(await problemsIn(out)).toEqual({});
    }
    const all = [...Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(3, '0')}.txt`), 'extra.txt'];
    expect([...seen].sort()).toEqual(all.sort());
  });

  it("shards that share one output folder keep each other's cache entries", async () => {
    const dir = await tmp();
    await library(dir, 6, (i) => `Work ${i}`, [1, 1]);
    const out = path.join(dir, 'out');
    const statuses = async (args: string[]) => {
      const run = await quire(['build', dir, '--out', out, ...args, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as BatchReport).works.map((w) => w.status);
    };
    const first = await statuses(['--shard', '1/2']);
    const second = await statuses(['--shard', '2/2']);
    expect(first.length + second.length).toBe(6);
    expect([...first, ...second].every((s) => s === 'built')).toBe(true);
    // Shard 1 again, then the whole library: nothing left to build.
    expect(await statuses(['--shard', '1/2'])).toEqual(first.map(() => 'skipped'));
    expect(await statuses([])).toEqual(Array(6).fill('skipped'));
    expect(await problemsIn(out)).toEqual({});
  });
});
