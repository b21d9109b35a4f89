import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { build, QuireError } from '../../src/index.js';
import { slugify } from '../../src/outname.js';
import { buildFile, storyFile } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { expectCleanFailure, quire, tmpDir } from '../support/hostile.js';

const story = (title: string, body = 'Some text.') => `Title: ${title}\n\nChapter 1\n\n${body}\n`;

describe('output names never leave --out', () => {
  const TITLES: Array<[string, RegExp]> = [
    ['../../x', /^x$/],
    ['..\\..\\windows\\system32', /^windows-system32$/],
    ['/etc/passwd', /^etc-passwd$/],
    ['CON', /^con-book$/],
    ['nul', /^nul-book$/],
    ['LPT1', /^lpt1-book$/],
    ['A'.repeat(300), /^a{80}$/],
    ['?!...///***', /^fallback-name$/],
    ['🐉🔥✨', /^fallback-name$/],
    ['.', /^fallback-name$/],
    ['', /^fallback-name$/],
  ];
  for (const [title, want] of TITLES) {
    it(`names a work titled ${JSON.stringify(title.slice(0, 20))} safely`, () => {
      expect(slugify(title, 'Fallback Name')).toMatch(want);
    });
  }

  it('falls back to "book" when the file name is as bare as the title', () => {
    expect(slugify('🐉', '🔥')).toBe('book');
  });

  it('writes every hostile title inside --out, as distinct valid books', async () => {
    const dir = await tmpDir();
    const src = path.join(dir, 'stories');
    await mkdir(src);
    const titles = ['../../escape', 'CON', 'x'.repeat(300), '!!!', '🐉🔥', '..'];
    for (const [i, t] of titles.entries()) await writeFile(path.join(src, `s${i}.txt`), story(t));
    const out = path.join(dir, 'out');
    const report = await build([src], { out, sourceDateEpoch: 1_700_000_000 });
    expect(report.ok).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['out', 'stories']);
    const names = (await readdir(out)).filter((n) => n.endsWith('.epub')).sort();
    expect(names).toEqual(['con-book.epub', 'escape.epub', 's3.epub', 's4.epub', 's5.epub', `${'x'.repeat(80)}.epub`].sort());
    for (const w of report.works) expect(path.dirname(w.output!)).toBe(out);
  });
});

describe('the file system', () => {
  it('ends cleanly on symlink loops in an input folder', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'real.txt'), story('Real'));
    await symlink('.', path.join(dir, 'loop'));
    await symlink('self.txt', path.join(dir, 'self.txt'));
    await symlink('b.txt', path.join(dir, 'a.txt'));
    await symlink('a.txt', path.join(dir, 'b.txt'));
    const out = path.join(dir, 'out');
    const run = await quire(['build', dir, '--out', out]);
    expectCleanFailure(run, path.join(dir, 'self.txt'), /too many symbolic links/);
    expectCleanFailure(run, path.join(dir, 'a.txt'), /ELOOP/);
    expect(run.stdout).toMatch(/1 built, 0 skipped, 3 failed/);
    expect((await readdir(out)).filter((n) => n.endsWith('.epub'))).toEqual(['real.epub']);
  });

  it('gives one clear line and exit 1 when the output folder cannot be made', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 's.txt'), story('S'));
    await writeFile(path.join(dir, 'blocker'), 'a file, not a folder');
    for (const out of [path.join(dir, 'blocker'), path.join(dir, 'blocker', 'sub')]) {
      const run = await quire(['build', path.join(dir, 's.txt'), '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        new RegExp(`^${out}: error: cannot create the output folder: (a file of that name is in the way|a file stands where a folder is needed|\\S+ is a file, not a folder)`),
      );
    }
  });

  it('gives a clear error, not an internal one, when a book cannot be written', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 's.txt'), story('Blocked'));
    const out = path.join(dir, 'out');
    await mkdir(path.join(out, 'blocked.epub'), { recursive: true }); // a folder where the book goes
    await writeFile(path.join(out, 'blocked.epub', 'keep'), '');
    const report = await build([path.join(dir, 's.txt')], { out });
    expect(report.works[0]?.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'unwritable-out', message: expect.stringMatching(/^cannot write the book: /) });
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('never modifies a source: same bytes and same mtime after a build', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'a.txt'), `---\ntitle: A\ncover: a.png\n---\n\nChapter 1\n\n"Quotes" -- and...\n`);
    await writeFile(path.join(dir, 'a.yaml'), 'author: Someone\n');
    await writeFile(
      path.join(dir, 'a.png'),
      await sharp({ create: { width: 60, height: 90, channels: 3, background: '#123456' } })
        .png()
        .toBuffer(),
    );
    await writeFile(path.join(dir, 'b.txt'), Buffer.from('Caf\xe9 cr\xe8me, windows-1252 \x93quoted\x94\r\n', 'latin1'));
    const fingerprint = async () => {
      const out: string[] = [];
      for (const name of (await readdir(dir)).sort()) {
        if (name === 'out') continue;
        const file = path.join(dir, name);
        const info = await stat(file);
        out.push(
          `${name} ${createHash('sha256')
            .update(await readFile(file))
            .digest('hex')} ${info.mtimeMs} ${info.mode}`,
        );
      }
      return out;
    };
    const before = await fingerprint();
    const run = await quire(['build', dir, '--out', path.join(dir, 'out')]);
    expect(run.code).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('a cover path in front matter stays inside the allowed folders (build level)', () => {
  const png = () =>
    sharp({ create: { width: 60, height: 90, channels: 3, background: '#654321' } })
      .png()
      .toBuffer();
  const withCover = (cover: string) => `---\ntitle: Covered\ncover: ${cover}\n---\n\nChapter 1\n\nText.\n`;

  it('refuses an absolute path outside the roots', async () => {
    const outside = await tmpDir();
    await writeFile(path.join(outside, 'secret.png'), await png());
    const error = await buildFile(await storyFile(withCover(path.join(outside, 'secret.png')))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    expect((error as QuireError).diagnostic.code).toBe('cover-outside-roots');
  });

  it('refuses a symlink inside the work folder that points out of it', async () => {
    const outside = await tmpDir();
    await writeFile(path.join(outside, 'secret.png'), await png());
    const file = await storyFile(withCover('cover.png'));
    await symlink(path.join(outside, 'secret.png'), path.join(path.dirname(file), 'cover.png'));
    const error = await buildFile(file).catch((e: unknown) => e);
    expect((error as QuireError).diagnostic?.code).toBe('cover-outside-roots');
    expect((error as QuireError).message).toMatch(/through a symlink/);
  });

  it('refuses a symlinked folder that points out, and /etc/passwd by absolute path', async () => {
    const outside = await tmpDir();
    await writeFile(path.join(outside, 'secret.png'), await png());
    const file = await storyFile(withCover('art/secret.png'));
    await symlink(outside, path.join(path.dirname(file), 'art'));
    expect(((await buildFile(file).catch((e: unknown) => e)) as QuireError).diagnostic?.code).toBe('cover-outside-roots');
    const etc = await storyFile(withCover('/etc/passwd'));
    expect(((await buildFile(etc).catch((e: unknown) => e)) as QuireError).diagnostic?.code).toBe('cover-outside-roots');
  });

  it('still takes a symlink that stays inside the work folder', async () => {
    const file = await storyFile(withCover('cover.png'));
    await writeFile(path.join(path.dirname(file), 'real.png'), await png());
    await symlink('real.png', path.join(path.dirname(file), 'cover.png'));
    const built = await buildFile(file);
    expect(await validateEpub(built.epub)).toEqual([]);
  });
});
