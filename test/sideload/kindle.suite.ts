/**
 * The Send to Kindle rules quire guarantees (README, "Kindle and Kobo"),
 * checked on the bytes of every sample book, independently of src/render/kindle.ts.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderBook, type RenderedBook } from '../../src/render/index.js';
import { kindleProblems } from '../../src/render/kindle.js';
import { buildFile, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import type { SideloadBooks } from '../support/context.js';
import { renderShowcase, showcaseBook, SHOWCASE_IDENTIFIER, SHOWCASE_MODIFIED } from '../support/showcase.js';

/** Every Send to Kindle problem in an EPUB's bytes. */
function sendToKindleProblems(epub: Uint8Array): string[] {
  const files = unzipText(epub);
  const raw = unzipSync(epub);
  const problems: string[] = [];
  const opf = files.get('OEBPS/content.opf') ?? '';
  const langs = [...opf.matchAll(/<dc:language>([^<]*)</g)].map((m) => m[1]!);
  if (langs.length !== 1) problems.push(`${langs.length} dc:language elements`);
  for (const l of langs) {
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(l)[0];
    } catch {
      canonical = undefined;
    }
    if (!canonical || canonical === 'und' || canonical !== l) problems.push(`dc:language ${l}`);
  }
  const ids = new Map<string, { all: Set<string>; body: string | undefined }>();
  for (const [name, text] of files) {
    if (/\.(xhtml|opf|ncx)$/.test(name) || name === 'META-INF/container.xml') {
      if (!text.startsWith('<?xml version="1.0" encoding="utf-8"?>')) problems.push(`${name}: no XML declaration`);
    }
    const bytes = raw[name]!;
    if (/\.webp$/i.test(name) || (bytes.length > 12 && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP')) problems.push(`${name}: WebP`);
    if (name.endsWith('.xhtml')) {
      ids.set(name.replace(/^OEBPS\//, ''), {
        all: new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)),
        body: /<body\b[^>]*\sid="([^"]+)"/.exec(text)?.[1],
      });
    }
  }
  if (/media-type="image\/webp"/.test(opf)) problems.push('WebP in the manifest');
  for (const [doc, { body }] of ids) if (body) problems.push(`${doc}: <body id="${body}">`);
  for (const [name, text] of files) {
    if (!name.endsWith('.xhtml') && !name.endsWith('.ncx')) continue;
    const from = name.replace(/^OEBPS\//, '');
    for (const m of text.matchAll(/(?:href|src)="([^"#:]*)#([^"]*)"/g)) {
      const target = ids.get(m[1] || from);
      if (!target?.all.has(m[2]!) || target.body === m[2]) problems.push(`${from}: link to ${m[1]}#${m[2]} finds nothing`);
    }
  }
  return problems;
}

/** The Kindle rules on every book (validated by sideload.test.ts). */
export const kindleSuite = (books: SideloadBooks) =>
  describe('Kindle-safe by default', () => {
    it('every sample book, and its kepub, keeps every Send to Kindle rule', () => {
      const all: Array<[string, Uint8Array]> = [
        ['showcase', books.showcase.epub],
        ['showcase kepub', books.showcase.kepub],
        ...books.samples.flatMap(
          (b): Array<[string, Uint8Array]> => [
            [b.name, b.built.epub],
            [`${b.name} kepub`, b.built.kepub!],
          ],
        ),
      ];
      for (const [name, epub] of all) expect(sendToKindleProblems(epub), name).toEqual([]);
    });

    it('opens at the story: landmarks nav and EPUB 2 guide name cover, title page and start of text', () => {
      for (const b of books.samples) {
        const files = unzipText(b.built.epub);
        const nav = files.get('OEBPS/nav.xhtml')!;
        const landmarks = nav.slice(nav.indexOf('epub:type="landmarks"'));
        expect(landmarks).toContain('<a epub:type="cover" href="cover.xhtml">');
        expect(landmarks).toContain('<a epub:type="titlepage" href="titlepage.xhtml">');
        expect(landmarks).toContain('<a epub:type="bodymatter" href="chapter-001.xhtml">');
        const opf = files.get('OEBPS/content.opf')!;
        expect(opf).toContain('<reference type="cover" title="Cover" href="cover.xhtml"/>');
        expect(opf).toContain('<reference type="title-page" title="Title Page" href="titlepage.xhtml"/>');
        expect(opf).toContain('<reference type="text" title="Start" href="chapter-001.xhtml"/>');
        expect(opf).toContain('<meta name="cover" content="cover-image"/>');
      }
    });

    it.each(['C', 'und', 'english please', 'en_GB'])('turns --lang %j into a valid dc:language', async (lang) => {
      const built = await buildFile(await storyFile('Title: Lang\n\nChapter 1\n\nText.\n'), { meta: { language: lang } });
      expect(await validateEpub(built.epub)).toEqual([]);
      expect(sendToKindleProblems(built.epub)).toEqual([]);
      expect(unzipText(built.epub).get('OEBPS/content.opf')).toContain(lang === 'en_GB' ? '<dc:language>en-GB</dc:language>' : '<dc:language>en</dc:language>');
    });

    it('kindleProblems, run on every build, names each broken rule', () => {
      const good = renderShowcase('');
      expect(kindleProblems(good)).toEqual([]);
      const webp = new Uint8Array([...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')]);
      const broken: RenderedBook = {
        opf: good.opf.replace(/<dc:language>[^<]*</, '<dc:language>not a tag<'),
        files: [
          ...good.files.map((f) =>
            f.href === 'chapter-001.xhtml' && typeof f.data === 'string'
              ? { ...f, data: f.data.replace('<?xml version="1.0" encoding="utf-8"?>\n', '').replace('<body', '<body id="top"').replace('</section>', '<a href="#top">up</a></section>') }
              : f,
          ),
          { id: 'pic', href: 'pic.png', mediaType: 'image/png', data: webp },
        ],
      };
      const problems = kindleProblems(broken).join('\n');
      expect(problems).toMatch(/dc:language "not a tag"/);
      expect(problems).toMatch(/chapter-001\.xhtml: no XML declaration/);
      expect(problems).toMatch(/chapter-001\.xhtml: <body> has an id/);
      expect(problems).toMatch(/pic\.png: WebP image/);
      expect(problems).toMatch(/link to #top/);
      const book = showcaseBook();
      expect(kindleProblems(renderBook(book, { identifier: SHOWCASE_IDENTIFIER, modified: SHOWCASE_MODIFIED, css: '' }))).toEqual([]);
    });
  });
