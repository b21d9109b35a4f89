import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { checkSpace, MANIFEST, sha256, type Manifest } from '../../src/deliver/device-files.js';
import { findReaders, identify, MARKER_RULES } from '../../src/deliver/devices.js';
import { chooseReader } from '../../src/deliver/send-session.js';
import { QuireError, UsageError } from '../../src/diagnostics.js';
import { fakeCalibre, fakeLibrary, fakeReader, send, snapshot, tmp } from './fake.js';

const manifestOf = async (folder: string): Promise<Manifest> => JSON.parse(await readFile(path.join(folder, MANIFEST), 'utf8')) as Manifest;

describe('finding the reader', () => {
  it('tells each reader by the markers README documents', async () => {
    const media = await tmp();
    const kinds = { kobo: 'kobo', 'tolino-kobo': 'tolino', kindle: 'kindle', pocketbook: 'pocketbook', koreader: 'koreader' } as const;
    for (const [fake, kind] of Object.entries(kinds)) {
      const root = await fakeReader(media, fake, fake as keyof typeof kinds);
      expect((await identify(root))?.type.kind, fake).toBe(kind);
    }
    expect(await identify(await fakeReader(media, 'usb-stick', 'blank'))).toBeUndefined();
    // Every row names where its marker comes from.
    for (const rule of MARKER_RULES) expect(rule.source.length, rule.kind).toBeGreaterThan(20);
  });

  it('says when KOReader is installed beside the maker’s software', async () => {
    const media = await tmp();
    const kobo = await fakeReader(media, 'KOBOeReader', 'kobo');
    await writeFile(path.join(kobo, 'x'), '');
    await fakeReader(kobo, '.adds/koreader', 'blank');
    const reader = await identify(kobo);
    expect(reader?.type.kind).toBe('kobo');
    expect(reader?.koreader).toBe(true);
  });

  it('lists several mounted readers and exits 2 instead of guessing; none mounted is a usage error too', async () => {
    const media = await tmp();
    const mounts = { platform: 'linux' as const, user: 'nobody', override: [media] };
    await expect(chooseReader({ mounts })).rejects.toMatchObject({ diagnostic: { code: 'no-reader' } });
    await expect(chooseReader({ mounts })).rejects.toBeInstanceOf(UsageError);
    await fakeReader(media, 'KOBOeReader', 'kobo');
    expect((await chooseReader({ mounts })).type.kind).toBe('kobo');
    await fakeReader(media, 'Kindle', 'kindle');
    expect((await findReaders(mounts)).map((r) => r.type.kind)).toEqual(['kobo', 'kindle']);
    const error = await chooseReader({ mounts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).diagnostic.message).toMatch(/^2 readers are mounted: Kobo at .*KOBOeReader; Kindle at .*Kindle; choose one with --to$/);
    // --to settles it, and --device overrides what the markers say.
    const chosen = await chooseReader({ mounts, to: path.join(media, 'Kindle'), device: 'koreader' });
    expect(chosen.type.kind).toBe('koreader');
  });

  it('takes any folder named with --to as a generic reader, and a missing one as a reader that went away', async () => {
    const dir = await tmp();
    const mounts = { platform: 'linux' as const, user: 'nobody', override: [] };
    expect((await chooseReader({ mounts, to: dir })).type.kind).toBe('generic');
    const gone = await chooseReader({ mounts, to: path.join(dir, 'unplugged') }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(QuireError);
    expect((gone as QuireError).diagnostic.code).toBe('reader-gone');
  });
});

describe('quire send', () => {
  it('puts the right file in the right place on a Kobo, a Kindle and a generic reader, and a second run copies nothing', async () => {
    const lib = await fakeLibrary();
    const media = await tmp();
    const kobo = await fakeReader(media, 'KOBOeReader', 'kobo');
    const kindle = await fakeReader(media, 'Kindle', 'kindle');
    const generic = await fakeReader(media, 'usb', 'blank');
    const calibre = await fakeCalibre();
    const koboDb = await readFile(path.join(kobo, '.kobo/KoboReader.sqlite'));

    const k = await send([lib.stories], lib.out, { to: kobo });
    expect(k.stderr).not.toMatch(/error/);
    expect(k.code).toBe(0);
    expect((await readdir(path.join(kobo, 'quire'))).sort()).toEqual([MANIFEST, 'a-hard-frost.kepub.epub', 'the-harbour-light.kepub.epub']);
    expect(await readFile(path.join(kobo, '.kobo/KoboReader.sqlite'))).toEqual(koboDb);
    for (const f of ['a-hard-frost.kepub.epub', 'the-harbour-light.kepub.epub']) {
      const bytes = await readFile(path.join(kobo, 'quire', f));
      expect(bytes).toEqual(await readFile(path.join(lib.out, f)));
      expect(await validateEpub(bytes, f)).toEqual([]);
      expect([...unzipText(bytes).values()].join('')).toContain('koboSpan');
    }
    const km = await manifestOf(path.join(kobo, 'quire'));
    expect(km.books['the-harbour-light.kepub.epub']).toMatchObject({ source: path.join(lib.stories, 'harbour.txt'), format: 'kepub', title: 'The Harbour Light' });
    expect(km.books['the-harbour-light.kepub.epub']!.sha256).toBe(sha256(await readFile(path.join(kobo, 'quire/the-harbour-light.kepub.epub'))));

    const a = await send([lib.stories], lib.out, { to: kindle, bin: calibre });
    expect(a.code).toBe(0);
    expect((await readdir(path.join(kindle, 'documents/quire'))).sort()).toEqual([MANIFEST, 'a-hard-frost.azw3', 'the-harbour-light.azw3']);
    expect(await readFile(path.join(kindle, 'documents/My Clippings.txt'), 'utf8')).toBe('the reader’s own clippings');
    // The ASIN calibre is told (its uuid identifier) is the book's own identifier, and names the thumbnail.
    const epubOpf = [...unzipText(await readFile(path.join(lib.out, 'the-harbour-light.epub'))).entries()].find(([n]) => n.endsWith('.opf'))![1];
    const uuid = /urn:uuid:([0-9a-f-]{36})/.exec(epubOpf)![1]!;
    const azw3 = await readFile(path.join(kindle, 'documents/quire/the-harbour-light.azw3'), 'utf8');
    expect(azw3).toContain(`<dc:identifier opf:scheme="uuid" id="uuid_id">${uuid}</dc:identifier>`);
    const thumb = await readFile(path.join(kindle, `system/thumbnails/thumbnail_${uuid}_EBOK_portrait.jpg`));
    expect([...thumb.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await manifestOf(path.join(kindle, 'documents/quire'))).books['the-harbour-light.azw3']?.thumbnail?.path).toBe(`system/thumbnails/thumbnail_${uuid}_EBOK_portrait.jpg`);

    const g = await send([lib.stories], lib.out, { to: generic, json: true });
    expect(g.code).toBe(0);
    const report = JSON.parse(g.stdout) as { ok: boolean; reader: { kind: string; folder: string }; summary: { copied: number }; books: Array<{ status: string; file: string }> };
    expect(report).toMatchObject({ ok: true, reader: { kind: 'generic', folder: 'quire' }, summary: { copied: 2 } });
    expect(report.books.map((b) => b.file).sort()).toEqual(['quire/a-hard-frost.epub', 'quire/the-harbour-light.epub']);
    for (const f of ['a-hard-frost.epub', 'the-harbour-light.epub']) expect(await validateEpub(await readFile(path.join(generic, 'quire', f)), f)).toEqual([]);

    // Again: nothing changed, so nothing is copied and no file on any reader is touched.
    const before = { kobo: await snapshot(kobo), kindle: await snapshot(kindle), generic: await snapshot(generic) };
    const again = await send([lib.stories], lib.out, { to: kobo });
    expect(again.stdout).toMatch(/0 copied, 0 updated, 2 unchanged, 0 failed, 0 pruned in/);
    await send([lib.stories], lib.out, { to: kindle, bin: calibre });
    await send([lib.stories], lib.out, { to: generic });
    expect({ kobo: await snapshot(kobo), kindle: await snapshot(kindle), generic: await snapshot(generic) }).toEqual(before);
  });

  it('never touches a file it did not put there, even one with a book’s name: that book is refused', async () => {
    const lib = await fakeLibrary();
    const reader = await fakeReader(await tmp(), 'KOBOeReader', 'kobo');
    await fakeReader(reader, 'quire', 'blank');
    await writeFile(path.join(reader, 'quire/the-harbour-light.kepub.epub'), 'the user’s own copy');
    await writeFile(path.join(reader, 'quire/mine.epub'), 'another of the user’s books');
    const run = await send([lib.stories], lib.out, { to: reader });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /harbour\.txt: error: quire\/the-harbour-light\.kepub\.epub is on the reader already and quire did not put it there; it is left alone: rename or move it to send this book \[not-quires\]/,
    );
    expect(await readFile(path.join(reader, 'quire/the-harbour-light.kepub.epub'), 'utf8')).toBe('the user’s own copy');
    expect(await readFile(path.join(reader, 'quire/mine.epub'), 'utf8')).toBe('another of the user’s books');
    expect(existsSync(path.join(reader, 'quire/a-hard-frost.kepub.epub'))).toBe(true);
    expect(Object.keys((await manifestOf(path.join(reader, 'quire'))).books)).toEqual(['a-hard-frost.kepub.epub']);
  });

  it('replaces its own book when the story changes, keeping the file name when the title changes, and refuses one changed on the reader', async () => {
    const lib = await fakeLibrary();
    const reader = await fakeReader(await tmp(), 'reader', 'pocketbook');
    expect((await send([lib.stories], lib.out, { to: reader })).code).toBe(0);
    const story = path.join(lib.stories, 'harbour.txt');
    await writeFile(story, (await readFile(story, 'utf8')).replace('The Harbour Light', 'The Harbour Lamp'));
    const run = await send([lib.stories], lib.out, { to: reader });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^updated +quire\/the-harbour-light\.epub \(\d+ KB\)/m);
    // A reader keys its reading position by path: the renamed book keeps its old name there.
    expect((await readdir(path.join(reader, 'quire'))).sort()).toEqual([MANIFEST, 'a-hard-frost.epub', 'the-harbour-light.epub']);
    expect(unzipText(await readFile(path.join(reader, 'quire/the-harbour-light.epub'))).get('OEBPS/content.opf')).toContain('The Harbour Lamp');
    // Someone edits quire's copy on the reader: it is theirs now.
    await writeFile(path.join(reader, 'quire/the-harbour-light.epub'), 'edited on the reader');
    await writeFile(story, (await readFile(story, 'utf8')).replace('all night', 'all the night'));
    const refused = await send([lib.stories], lib.out, { to: reader });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/changed on the reader since quire copied it; it is left alone.*\[changed-on-reader\]/);
    expect(await readFile(path.join(reader, 'quire/the-harbour-light.epub'), 'utf8')).toBe('edited on the reader');
  });

  it('sends a book deleted on the reader again, under the name its title gives now', async () => {
    const lib = await fakeLibrary();
    const reader = await fakeReader(await tmp(), 'reader', 'pocketbook');
    await send([lib.stories], lib.out, { to: reader });
    const story = path.join(lib.stories, 'harbour.txt');
    await writeFile(story, (await readFile(story, 'utf8')).replace('The Harbour Light', 'The Harbour Lamp'));
    await rm(path.join(reader, 'quire/the-harbour-light.epub'));
    const run = await send([lib.stories], lib.out, { to: reader });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^copied +quire\/the-harbour-lamp\.epub/m);
    expect(Object.keys((await manifestOf(path.join(reader, 'quire'))).books).sort()).toEqual(['a-hard-frost.epub', 'the-harbour-lamp.epub']);
  });

  it('takes no file for its own when its manifest is damaged', async () => {
    const lib = await fakeLibrary();
    const reader = await fakeReader(await tmp(), 'reader', 'pocketbook');
    await send([lib.stories], lib.out, { to: reader });
    await writeFile(path.join(reader, 'quire', MANIFEST), '{ not json');
    const story = path.join(lib.stories, 'harbour.txt');
    await writeFile(story, `${await readFile(story, 'utf8')}\nMore.\n`);
    const before = await readFile(path.join(reader, 'quire/the-harbour-light.epub'));
    const run = await send([lib.stories], lib.out, { to: reader });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/warning: \.quire-manifest\.json is damaged, so quire takes no file here for its own/);
    expect(await readFile(path.join(reader, 'quire/the-harbour-light.epub'))).toEqual(before);
  });

  it('keeps the books of stories that are gone until --prune, which removes only quire’s own', async () => {
    const lib = await fakeLibrary();
    const media = await tmp();
    const kindle = await fakeReader(media, 'Kindle', 'kindle');
    const calibre = await fakeCalibre();
    await send([lib.stories], lib.out, { to: kindle, bin: calibre });
    await writeFile(path.join(kindle, 'documents/quire/mine.azw3'), 'not quire’s');
    const thumbs = await readdir(path.join(kindle, 'system/thumbnails'));
    expect(thumbs).toHaveLength(2);
    await rm(path.join(lib.stories, 'frost.md'));
    const kept = await send([lib.stories], lib.out, { to: kindle, bin: calibre });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/frost\.md: note: its story is gone; --prune removes documents\/quire\/a-hard-frost\.azw3 from the reader \[source-gone\]/);
    expect(existsSync(path.join(kindle, 'documents/quire/a-hard-frost.azw3'))).toBe(true);
    const dry = await send([lib.stories], lib.out, { to: kindle, bin: calibre, prune: true, dryRun: true });
    expect(dry.stdout).toMatch(/^would prune +documents\/quire\/a-hard-frost\.azw3/m);
    expect(existsSync(path.join(kindle, 'documents/quire/a-hard-frost.azw3'))).toBe(true);
    const pruned = await send([lib.stories], lib.out, { to: kindle, bin: calibre, prune: true });
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/^pruned +documents\/quire\/a-hard-frost\.azw3/m);
    expect((await readdir(path.join(kindle, 'documents/quire'))).sort()).toEqual([MANIFEST, 'mine.azw3', 'the-harbour-light.azw3']);
    expect(await readdir(path.join(kindle, 'system/thumbnails'))).toHaveLength(1);
    expect(await readFile(path.join(kindle, 'documents/My Clippings.txt'), 'utf8')).toBe('the reader’s own clippings');
  });

  it('--dry-run prints the plan and writes nothing on the reader', async () => {
    const lib = await fakeLibrary();
    const media = await tmp();
    const kobo = await fakeReader(media, 'KOBOeReader', 'kobo');
    const kindle = await fakeReader(media, 'Kindle', 'kindle');
    const before = { kobo: await snapshot(kobo), kindle: await snapshot(kindle) };
    const run = await send([lib.stories], lib.out, { to: kobo, dryRun: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^would send to Kobo at .*KOBOeReader, into quire\/$/m);
    expect(run.stdout).toMatch(/^would copy +quire\/the-harbour-light\.kepub\.epub \(\d+ KB\)/m);
    expect(run.stdout).toMatch(/2 to copy, 0 to update, 0 unchanged, 0 failed, 0 to prune \(\d+ KB\) in [\d.]+ s; nothing was written on the reader$/m);
    const k = await send([lib.stories], lib.out, { to: kindle, dryRun: true, bin: await fakeCalibre() });
    expect(k.code).toBe(0);
    expect(k.stdout).toMatch(/^would copy +documents\/quire\/the-harbour-light\.azw3 \(\d+ KB\), cover system\/thumbnails\/thumbnail_[0-9a-f-]{36}_EBOK_portrait\.jpg/m);
    expect({ kobo: await snapshot(kobo), kindle: await snapshot(kindle) }).toEqual(before);
  });

  it('without calibre, fails each Kindle book with one line naming the other routes, and writes nothing', async () => {
    const lib = await fakeLibrary();
    const kindle = await fakeReader(await tmp(), 'Kindle', 'kindle');
    const before = await snapshot(kindle);
    const run = await send([lib.stories], lib.out, { to: kindle });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.includes('[no-ebook-convert]'));
    expect(lines).toEqual([
      "quire: error: a Kindle reads AZW3, which quire makes with calibre's ebook-convert, and ebook-convert is not on PATH: install calibre, or send the EPUB with Amazon's Send to Kindle (https://www.amazon.com/sendtokindle), or run `quire serve` and download it in the Kindle's browser [no-ebook-convert]",
    ]);
    expect(run.stdout).toMatch(/0 copied, 0 updated, 0 unchanged, 2 failed/);
    expect(await snapshot(kindle)).toEqual(before);
  });

  it('--device decides over the markers, and --folder chooses the subfolder', async () => {
    const lib = await fakeLibrary();
    const dir = await tmp();
    const run = await send([lib.stories], lib.out, { to: dir, device: 'koreader', folder: 'books/fiction' });
    expect(run.code).toBe(0);
    expect((await readdir(path.join(dir, 'books/fiction'))).sort()).toEqual([MANIFEST, 'a-hard-frost.epub', 'the-harbour-light.epub']);
  });

  // Root writes through mode 0555, so this runs only as another user; a read-only mount (EROFS) takes the same path.
  it.skipIf(process.getuid?.() === 0)('a read-only reader is a clear error and nothing changes', async () => {
    const lib = await fakeLibrary();
    const reader = await fakeReader(await tmp(), 'KOBOeReader', 'kobo');
    await chmod(reader, 0o555);
    try {
      const before = await snapshot(reader);
      await expect(send([lib.stories], lib.out, { to: reader })).rejects.toMatchObject({ diagnostic: { code: 'reader-unwritable' } });
      expect(await snapshot(reader)).toEqual(before);
    } finally {
      await chmod(reader, 0o755);
    }
  });

  it('checks free space before copying anything', async () => {
    const dir = await tmp();
    await expect(checkSpace(dir, Number.MAX_SAFE_INTEGER)).rejects.toThrow(/^not enough free space on the reader: [\d.]+ MB needed, [\d.]+ MB free; nothing was copied$/);
    await expect(checkSpace(dir, 1)).resolves.toBeUndefined();
  });
});
