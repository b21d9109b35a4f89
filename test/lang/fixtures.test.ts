/**
 * The language fixtures (`test/fixtures/languages/<code>/`), judged on what
 * this part of quire decides: the language detected from the story, the
 * lines the language tables read (fields, headings, notes, end mark), the
 * quotation marks typography sets, and a book built in that language (its
 * labels, its marks, EPUBCheck). How structure detection uses the tables is
 * judged by test/structure/languages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Book, Block } from '../../src/model.js';
import { languageFor, matchEndMark, matchField, matchHeading, matchNoteLabel } from '../../src/lang/index.js';
import { detectLanguage } from '../../src/lang/detect.js';
import { applyTypography, smartenText } from '../../src/typography/index.js';
import { buildFile, unzipText } from '../support/build.js';
import { languageFixtures } from '../support/languages.js';
import { validateEpub } from '../support/epubcheck.js';

const fixtures = languageFixtures;

const span = { file: 'story.txt', start: 1, end: 1 };
/** The story's paragraphs as the tables read them: no fields, headings, labels or end marks. */
function body(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (matchField(line, [lang]) || matchHeading(line, [lang]) || matchEndMark(line, [lang]) || /^[*\s]+$/.test(line)) continue;
    const note = matchNoteLabel(line, [lang]);
    out.push(note ? note.rest : line);
  }
  return out;
}

describe.each(fixtures)('$code fixture', ({ code, file, text, truth }) => {
  it('is in the language its truth names, and long enough to be a story', async () => {
    expect(truth.language).toBe(code);
    expect((await detectLanguage(text))?.tag.split('-')[0]).toBe(code);
    const dense = /^(zh|ja|ko)$/.test(code);
    expect(dense ? text.length : text.split(/\s+/).length).toBeGreaterThanOrEqual(dense ? 450 : 300);
  });

  it('opens with fields in its language that give the title and author', () => {
    const fields = text
      .split('\n')
      .map((l) => matchField(l, [code]))
      .filter((f) => f !== null);
    expect(fields.map((f) => f.key)).toEqual(['title', 'author', 'summary']);
    expect(smartenText(fields[0]!.value, { language: code })).toBe(truth.title);
    expect([fields[1]!.value]).toEqual(truth.authors);
  });

  it('has the headings, notes and end mark its truth lists', () => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const headings = lines.map((l) => ({ l, m: matchHeading(l, [code]) })).filter((h) => h.m !== null);
    // Each heading line's heading form opens the TOC entry a reader sees for it.
    const forms = headings.map((h) => h.l.slice(0, h.l.length - h.m!.rest.length).trim());
    expect(forms.length).toBe(truth.chapters.length);
    forms.forEach((f, i) => expect(truth.chapters[i], f).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    expect(lines.filter((l) => matchNoteLabel(l, [code])).length).toBe(truth.authorNotes);
    expect(matchEndMark(lines.at(-1)!, [code])?.lang).toBe(code);
  });

  it("is set in its language's quotation marks", () => {
    const paragraphs: Block[] = body(text, code).map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p }], span }));
    const book: Book = {
      meta: { title: '', authors: [], language: code, tags: [], fandoms: [], pairings: [], characters: [], genres: [], warnings: [] },
      imprint: [],
      front: [],
      back: [],
      notes: [],
      chapters: [{ title: [], blocks: paragraphs, sections: [], span }],
    };
    const out = applyTypography(book, { language: code })
      .chapters[0]!.blocks.map((b) => (b.type === 'paragraph' ? b.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : ''))
      .join('\n');
    for (const s of truth.mustContain) expect(out, s).toContain(s);
    for (const s of truth.mustNotContain) expect(out, s).not.toContain(s);
  });

  it('builds a valid book whose own words are in its language', async () => {
    const built = await buildFile(file, { meta: { language: code } });
    expect(await validateEpub(built.epub, `${code}.epub`)).toEqual([]);
    const files = unzipText(built.epub);
    const labels = languageFor(code).labels;
    const nav = files.get('OEBPS/nav.xhtml') ?? [...files.entries()].find(([k]) => k.endsWith('nav.xhtml'))![1];
    expect(nav).toContain(`<h2>${smartenText(labels.contents, { language: code })}</h2>`);
    expect(nav).toContain(`xml:lang="${code}"`);
    const chapters = [...files.entries()]
      .filter(([k]) => /chapter-\d+\.xhtml$/.test(k))
      .map(([, v]) => v)
      .join('\n');
    const shown = chapters
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const s of truth.mustContain) expect(shown, s).toContain(s);
  });
});
