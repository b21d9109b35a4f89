import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciEnv, epubsIn, library, problemsIn, quire, tmp } from '../batch/helpers.js';
import type { BatchReport } from '../../src/batch/types.js';
import { cliPath } from '../support/build.js';

describe('quire build: exit codes', () => {
  it('exits 0 when every work built, 1 when any failed (the rest still built)', async () => {
    const dir = await tmp();
    await library(dir, 3);
    const out = path.join(dir, 'out');
    const ok = await quire(['build', dir, '--out', out]);
    expect(ok.code).toBe(0);
    expect(await epubsIn(out)).toEqual(['story-0.epub', 'story-1.epub', 'story-2.epub']);
    expect(await problemsIn(out)).toEqual({});

    await writeFile(path.join(dir, 's001.txt'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const bad = await quire(['build', dir, '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/s001\.txt:2: error: invalid YAML/);
    expect(bad.stdout).toMatch(/^failed .*s001\.txt$/m);
    expect(bad.stdout).toMatch(/2 skipped, 1 failed/);
  });

  it('exits 2 on bad usage: a bad --jobs, --shard or flag', async () => {
    for (const args of [['--jobs', '0'], ['--jobs', 'two'], ['--shard', '3/2'], ['--shard', 'half'], ['--no-such-flag'], ['--quiet', '--verbose']]) {
      const run = await quire(['build', 'stories', '--out', await tmp(), ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/quire: /);
    }
  });

  it('makes warnings fail with --strict', async () => {
    const dir = await tmp();
    // A language that is not a BCP 47 tag: quire warns, uses en, and builds anyway.
    await writeFile(path.join(dir, 'latin.txt'), '---\nlanguage: not a language!\n---\n\nChapter 1\n\nCoffee was served.\n');
    const out = path.join(dir, 'out');
    const loose = await quire(['build', dir, '--out', out]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/latin\.txt: warning: .*\[bad-language\]/);
    const strict = await quire(['build', dir, '--out', out, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/0 failed|1 failed/);
    expect(strict.stdout).toMatch(/1 failed/);
    expect(await problemsIn(out)).toEqual({});
  });
});

describe('quire build: the report', () => {
  it('prints one JSON document with --json and writes the same with --report', async () => {
    const dir = await tmp();
    await library(dir, 2);
    await writeFile(path.join(dir, 's002.txt'), '---\ntitle: [unclosed\n---\n\nText.\n');
    await writeFile(path.join(dir, 's000.yaml'), 'language: en-GB\n');
    const out = path.join(dir, 'out');
    const reportFile = path.join(dir, 'report.json');
    const run = await quire(['build', dir, '--out', out, '--json', '--report', reportFile]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as BatchReport;
    expect(JSON.parse(await readFile(reportFile, 'utf8'))).toEqual({
      ...doc,
      summary: { ...doc.summary, durationMs: expect.any(Number) },
      works: doc.works.map((w) => ({ ...w, durationMs: expect.any(Number) })),
    });
    expect(doc).toMatchObject({ quire: expect.stringMatching(/^\d+\.\d+\.\d+/), ok: false, summary: { total: 3, built: 2, skipped: 0, failed: 1, warnings: 0, durationMs: expect.any(Number) } });
    const [first, second, third] = doc.works;
    expect(first).toEqual({
      source: path.join(dir, 's000.txt'),
      sources: [path.join(dir, 's000.txt'), path.join(dir, 's000.yaml')],
      status: 'built',
      ok: true,
      output: path.join(out, 'story-0.epub'),
      kepub: null,
      title: 'Story 0',
      chapters: 2,
      words: expect.any(Number),
      durationMs: expect.any(Number),
      diagnostics: [],
      assets: [],
    });
    expect(first!.words).toBeGreaterThan(20);
    expect(second).toMatchObject({ status: 'built', output: path.join(out, 'story-1.epub') });
    expect(third).toMatchObject({ status: 'failed', ok: false, output: null, kepub: null, title: null, chapters: null, words: null });
    expect(third!.diagnostics).toEqual([{ severity: 'error', file: path.join(dir, 's002.txt'), line: 2, code: 'bad-yaml', message: expect.stringMatching(/invalid YAML/) }]);
    // stdout is the JSON alone; the per-work lines and the summary go to stderr.
    expect(run.stderr).toMatch(/2 built, 0 skipped, 1 failed/);
    expect(await problemsIn(out)).toEqual({});
  });
});

describe('quire build: output for logs', () => {
  it('prints one plain line per work and no escape codes when not on a terminal', async () => {
    const dir = await tmp();
    await library(dir, 3);
    const out = path.join(dir, 'out');
    for (const env of [ciEnv(), ciEnv({ CI: '' }), ciEnv({ NO_COLOR: '1' })]) {
      const run = await quire(['build', dir, '--out', out, '--force'], { env });
      expect(run.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- an ANSI colour code is what must not be there
      expect(run.stdout).not.toMatch(/\u001b\[/);
      expect(run.stderr).toBe('');
      expect(run.stdout.trim().split('\n')).toEqual([
        `built ${path.join(out, 'story-0.epub')} (2 chapters, 88 words)`,
        `built ${path.join(out, 'story-1.epub')} (2 chapters, 88 words)`,
        `built ${path.join(out, 'story-2.epub')} (2 chapters, 88 words)`,
        expect.stringMatching(/^3 built, 0 skipped, 0 failed, 0 warnings in \d+\.\d s$/),
      ]);
    }
    const quiet = await quire(['build', dir, '--out', out, '--force', '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const verbose = await quire(['build', dir, '--out', out, '--verbose']);
    expect(verbose.stdout).toMatch(/^skipped .*story-0\.epub \(2 chapters, 88 words\) in \d+ ms$/m);
    expect(await problemsIn(out)).toEqual({});
  });

  it('validates each book with --check and reports what EPUBCheck found', async () => {
    const dir = await tmp();
    await library(dir, 2);
    const out = path.join(dir, 'out');
    const run = await quire(['build', dir, '--out', out, '--check', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as BatchReport;
    expect(doc.works.map((w) => [w.status, w.diagnostics])).toEqual([
      ['built', []],
      ['built', []],
    ]);
    expect(await problemsIn(out)).toEqual({});
  });
});

describe('quire build | head', () => {
  it('stops quietly when the reader closes the pipe, with no stack trace (regression: EPIPE)', async () => {
    const dir = await tmp();
    await library(dir, 6);
    const child = spawn(process.execPath, [cliPath, 'build', dir, '--out', path.join(dir, 'out'), '--jobs', '1', '--verbose'], { env: ciEnv() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toMatch(/EPIPE/);
    expect(code).toBe(0);
  });
});
