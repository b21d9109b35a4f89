import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { quire as run } from '../support/cli.js';

const quire = (args: string[], cwd = repoRoot) => run(args, { cwd, env: process.env });

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'quire-cli-'));

describe('quire build', () => {
  it('builds every story in stories/ into one valid EPUB each, as npm start does', async () => {
    const out = await tmp();
    const run = await quire(['build', 'stories', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Every story file at the top is a work, and so is every folder (a folder work's files are its chapters).
    const entries = await readdir(path.join(repoRoot, 'stories'), { withFileTypes: true });
    const stories = entries.filter((e) => e.isDirectory() || /\.(txt|md|markdown|html?|xhtml)$/.test(e.name));
    const books = (await readdir(out)).filter((f) => f.endsWith('.epub'));
    expect(books).toHaveLength(stories.length);
    for (const b of books) expect(await validateEpub(await readFile(path.join(out, b)), b)).toEqual([]);
  });

  it('keeps building after a bad story, names its file and line, and exits 1', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'a-good.txt'), 'Title: Good\n\nChapter 1\n\nIt was fine.\n');
    await writeFile(path.join(dir, 'b-bad.txt'), '---\ntitle: [unclosed\n---\n\nText.\n');
    await writeFile(path.join(dir, 'c-good.txt'), 'Title: Also Good\n\nChapter 1\n\nStill fine.\n');
    const out = path.join(dir, 'out');
    const run = await quire(['build', dir, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/b-bad\.txt:\d+: error: invalid YAML/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await readdir(out)).filter((f) => f.endsWith('.epub')).sort()).toEqual(['also-good.epub', 'good.epub']);
  });

  it('ends a failure no work catches in one line and exit 1, not a stack trace', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'story.txt'), 'Title: Slow\n\nChapter 1\n\nText.\n');
    // A module preloaded into the process fails in a callback of its own, as a native module's start-up might.
    for (const fail of ['throw new Error("bang from a callback")', 'Promise.reject(new Error("bang from a promise"))']) {
      // It fails as soon as quire is listening, while the build is still under way.
      const code = `const t = setInterval(() => { if (process.listenerCount('uncaughtException')) { clearInterval(t); ${fail}; } }, 1); t.unref()`;
      const env = { ...process.env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(code)}` };
      const r = await run(['build', dir, '--out', path.join(dir, 'out')], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^quire: error: internal error \(a bug in quire; please report it\): bang from a (callback|promise) \[internal\]$/m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 on bad usage', async () => {
    const run = await quire(['build', '--no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^quire: error: unknown option --no-such-flag \[bad-usage\]$/m);
  });

  it('prints help and version', async () => {
    const help = await quire(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/quire build/);
    const version = await quire(['--version']);
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('lets --title, --author and --lang win over the story', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 's'));
    await writeFile(path.join(dir, 's', 'x.txt'), 'Title: From The File\nAuthor: File Author\n\nChapter 1\n\nWords.\n');
    const out = path.join(dir, 'out');
    const run = await quire(['build', path.join(dir, 's'), '--out', out, '--title', 'Flag Title', '--author', 'Flag Author', '--lang', 'fr']);
    expect(run.code).toBe(0);
    const epub = await readFile(path.join(out, 'flag-title.epub'));
    expect(await validateEpub(epub)).toEqual([]);
    const opf = unzipText(epub).get('OEBPS/content.opf') ?? '';
    expect(opf).toContain('<dc:title id="title">Flag Title</dc:title>');
    expect(opf).toContain('>Flag Author</dc:creator>');
    expect(opf).not.toContain('File Author');
    expect(opf).toContain('<dc:language>fr</dc:language>');
  });

  it('gives two works with the same title distinct, safe file names', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'one.txt'), 'Title: ../../Same: Name?\n\nText one.\n');
    await writeFile(path.join(dir, 'two.txt'), 'Title: ../../Same: Name?\n\nText two.\n');
    const out = path.join(dir, 'out');
    expect((await quire(['build', dir, '--out', out])).code).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.epub')).sort()).toEqual(['same-name-2.epub', 'same-name.epub']);
  });
});
