import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, loadConfig } from '../../src/batch/config.js';
import { epubsIn, library, problemsIn, quire, tmp } from './helpers.js';
import type { BatchReport } from '../../src/batch/types.js';

describe('config file', () => {
  it('is found upward from the working directory, with paths relative to the file', async () => {
    const root = await tmp();
    await mkdir(path.join(root, 'a', 'b'), { recursive: true });
    await writeFile(path.join(root, 'quire.config.yaml'), 'out: books\ninputs: [stories]\njobs: 1\n');
    expect(findConfig(path.join(root, 'a', 'b'))).toBe(path.join(root, 'quire.config.yaml'));
    expect(await loadConfig(path.join(root, 'quire.config.yaml'))).toEqual({ options: { out: path.join(root, 'books'), jobs: 1 }, inputs: [path.join(root, 'stories')] });
  });

  it('sets every option, and CLI flags win over it', async () => {
    const root = await tmp();
    await mkdir(path.join(root, 'stories'));
    await mkdir(path.join(root, 'sub'));
    await library(path.join(root, 'stories'), 2);
    await writeFile(path.join(root, 'quire.config.json'), JSON.stringify({ inputs: ['stories'], out: 'books', author: ['Config Author'], jobs: 1, json: true }));
    const fromConfig = await quire(['build'], { cwd: path.join(root, 'sub') });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    const doc = JSON.parse(fromConfig.stdout) as BatchReport;
    expect(doc.works.map((w) => w.output)).toEqual([path.join(root, 'books', 'story-0.epub'), path.join(root, 'books', 'story-1.epub')]);
    expect(await problemsIn(path.join(root, 'books'))).toEqual({});

    const flags = await quire(['build', '--out', path.join(root, 'flag-out'), '--no-json', '--title', 'Flag Title'], { cwd: path.join(root, 'sub') });
    expect(flags.code, flags.stderr).toBe(0);
    expect(flags.stdout).toMatch(/^built .*flag-out\/flag-title\.epub/m);
    expect(await epubsIn(path.join(root, 'flag-out'))).toEqual(['flag-title-2.epub', 'flag-title.epub']);
    expect(await problemsIn(path.join(root, 'flag-out'))).toEqual({});
  });

  it('rejects an unknown option in the config file as a usage error', async () => {
    const root = await tmp();
    await writeFile(path.join(root, 'quire.config.yaml'), 'outt: books\n');
    const run = await quire(['build'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/outt/);
  });
});
