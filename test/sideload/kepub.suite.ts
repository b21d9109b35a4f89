import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseDocument, DomUtils } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { toKepub } from '../../src/index.js';
import { splitSentences } from '../../src/kepub/sentences.js';
import { koboSpans } from '../../src/kepub/spans.js';
import { cliPath, repoRoot, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import type { SideloadBooks } from '../support/context.js';
import { renderShowcase } from '../support/showcase.js';

const KOBO_ID = /^kobo\.(\d+)\.(\d+)$/;
const isKoboSpan = (n: AnyNode): n is Element => isTag(n) && n.name === 'span' && n.attribs.class === 'koboSpan';
const bodyOf = (xhtml: string): Element => DomUtils.findOne((e) => e.name === 'body', parseDocument(xhtml, { xmlMode: true }).children)!;

/** What a Kobo needs of one content document; returns the problems found. */
function koboProblems(original: string, kepub: string): string[] {
  const problems: string[] = [];
  const body = bodyOf(kepub);
  const [columns, ...rest] = body.children.filter(isTag);
  const inner = columns?.children.filter(isTag);
  if (rest.length || columns?.attribs.id !== 'book-columns' || inner?.length !== 1 || inner[0]!.attribs.id !== 'book-inner') problems.push('body is not div#book-columns > div#book-inner');
  // Only the line breaks around the wrappers are new.
  const text = (e: Element) => DomUtils.textContent(e).replace(/\s+/g, ' ').trim();
  if (text(body) !== text(bodyOf(original))) problems.push('the text changed');
  const spans = DomUtils.findAll(isKoboSpan, body.children);
  let last: [number, number] = [0, 0];
  for (const s of spans) {
    const m = KOBO_ID.exec(s.attribs.id ?? '');
    if (!m) {
      problems.push(`bad id ${s.attribs.id}`);
      continue;
    }
    const [n, k] = [Number(m[1]), Number(m[2])];
    // Ids run kobo.1.1, kobo.1.2, kobo.2.1 … in document order, with no gaps.
    const next = n === last[0] ? k === last[1] + 1 : n === last[0] + 1 && k === 1;
    if (!next) problems.push(`${s.attribs.id} after kobo.${last.join('.')}`);
    last = [n, k];
    if (DomUtils.findOne(isKoboSpan, s.children)) problems.push(`${s.attribs.id} holds another koboSpan`);
  }
  const unwrapped = DomUtils.filter((n) => isText(n) && n.data.trim() !== '', body.children).filter((t) => {
    for (let p = t.parent; p; p = p.parent) if (isTag(p) && (p.name === 'svg' || p.attribs.class === 'koboSpan')) return false;
    return true;
  });
  if (unwrapped.length) problems.push(`text outside koboSpans: ${unwrapped.map((t) => JSON.stringify((t as { data: string }).data)).join(', ')}`);
  return problems;
}

/** The kepub of every book (validated by sideload.test.ts) as a Kobo needs it. */
export const kepubSuite = (books: SideloadBooks) => {
  describe('splitSentences', () => {
    it.each([
      ['He left. She stayed.', ['He left. ', 'She stayed.']],
      ['“Three,” she said. “Yesterday there were eleven.”', ['“Three,” she said. ', '“Yesterday there were eleven.”']],
      ['Really?! Yes… fine.', ['Really?! ', 'Yes… ', 'fine.']],
      ['... and then nothing', ['... and then nothing']],
      ['"Go." He went.', ['"Go." ', 'He went.']],
      ['no end', ['no end']],
    ])('%j', (input, expected) => {
      expect(splitSentences(input)).toEqual(expected);
      expect(splitSentences(input).join('')).toBe(input);
    });
  });

  describe('koboSpans', () => {
    it('wraps text and images, leaves SVG and empty elements alone, keeps the prologue', () => {
      const doc = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T &amp; U</title></head><body>\n<p>A &lt;b&gt;. B.</p><p></p><figure><img src="a.png" alt=""/></figure><svg xmlns="http://www.w3.org/2000/svg"><title>Cover</title></svg>\n</body></html>\n`;
      expect(koboSpans(doc)).toBe(
        `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T &amp; U</title></head><body>\n<div id="book-columns"><div id="book-inner">\n` +
          `<p><span class="koboSpan" id="kobo.1.1">A &lt;b&gt;. </span><span class="koboSpan" id="kobo.1.2">B.</span></p><p></p>` +
          `<figure><span class="koboSpan" id="kobo.2.1"><img src="a.png" alt=""/></span></figure><svg xmlns="http://www.w3.org/2000/svg"><title>Cover</title></svg>\n</div></div>\n</body></html>\n`,
      );
    });
  });

  describe('kepub', () => {
    it('has Kobo spans and wrappers in every content document of every book', () => {
      const all: Array<[string, Uint8Array, Uint8Array]> = [
        ['showcase', books.showcase.kepub, books.showcase.epub],
        ...books.samples.map((b) => [b.name, b.built.kepub!, b.built.epub] as [string, Uint8Array, Uint8Array]),
      ];
      for (const [name, kepub, epub] of all) {
        const k = unzipText(kepub);
        const e = unzipText(epub);
        const opf = k.get('OEBPS/content.opf')!;
        expect(opf).toBe(e.get('OEBPS/content.opf'));
        expect(opf).toMatch(/<item id="cover-image" href="cover\.png" media-type="image\/png" properties="cover-image"\/>/);
        const docs = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => new RegExp(`<item id="${m[1]}" href="([^"]+)"`).exec(opf)![1]!);
        expect(docs.length).toBeGreaterThanOrEqual(3);
        for (const href of docs) {
          expect(koboProblems(e.get(`OEBPS/${href}`)!, k.get(`OEBPS/${href}`)!), `${name} ${href}`).toEqual([]);
        }
        // The check can fail: the plain EPUB's chapter has neither spans nor wrappers.
        expect(koboProblems(e.get('OEBPS/chapter-001.xhtml')!, e.get('OEBPS/chapter-001.xhtml')!)).toHaveLength(2);
        // The navigation document is not in the reading order and is left alone.
        expect(k.get('OEBPS/nav.xhtml')).toBe(e.get('OEBPS/nav.xhtml'));
      }
    });

    it('numbers a chapter the same way every time, one span per sentence', () => {
      const chapter = unzipText(books.showcase.kepub).get('OEBPS/chapter-001.xhtml')!;
      expect(chapter).toContain(
        '<h2><span class="chapter-label"><span class="koboSpan" id="kobo.1.1">Chapter 1</span></span> <span class="chapter-title"><span class="koboSpan" id="kobo.1.2">The Ford</span></span></h2>',
      );
      expect(chapter).toContain(
        '<p><span class="koboSpan" id="kobo.4.1">The river had risen in the night, and by morning the ford was a brown rope of water. </span><span class="koboSpan" id="kobo.4.2">Maud stood at the edge and counted the stones she could still see.</span></p>',
      );
      expect(chapter).toContain('<span class="koboSpan" id="kobo.6.2">He did not </span><em><span class="koboSpan" id="kobo.6.3">complain</span></em>');
      // Rendering and converting again gives the same ids: nothing depends on time or chance.
      expect(toKepub(renderShowcase('')).files).toEqual(toKepub(renderShowcase('')).files);
    });

    it('is written beside the EPUB by `quire build --kepub`', async () => {
      const out = await mkdtemp(path.join(os.tmpdir(), 'quire-kepub-'));
      const { stdout } = await promisify(execFile)(process.execPath, [cliPath, 'build', 'stories', '--out', out, '--kepub'], { cwd: repoRoot });
      const files = (await readdir(out)).filter((f) => f.endsWith('.epub')).sort();
      const epubs = files.filter((f) => !f.endsWith('.kepub.epub'));
      expect(files.filter((f) => f.endsWith('.kepub.epub'))).toEqual(epubs.map((f) => f.replace(/\.epub$/, '.kepub.epub')));
      expect(epubs.length).toBeGreaterThanOrEqual(3);
      expect(stdout).toContain(`built ${path.join(out, epubs[0]!)}`);
      for (const f of files) expect(await validateEpub(await readFile(path.join(out, f)), f)).toEqual([]);
    });
  });
};
