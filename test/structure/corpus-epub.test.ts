/**
 * The built EPUBs of the three corpus files, judged as a reader sees them
 * (through the shared outline tool), against the structure that
 * ../shared/corpus/README.md describes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, corpusDir, outline, type Outline, type OutlineDoc } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

async function read(name: string): Promise<Outline> {
  const built = await buildFile(path.join(corpusDir, name));
  expect(await validateEpub(built.epub, name)).toEqual([]);
  return outline(built.epub);
}
const doc = (o: Outline, href: string): OutlineDoc => {
  const d = o.docs.find((x) => x.href === href);
  if (!d) throw new Error(`no ${href} in the spine`);
  return d;
};
const scenes = (d: OutlineDoc): number[] =>
  d.rawBody
    .replace(/<h2>[\s\S]*?<\/h2>/, '')
    .split(/<hr\/>/)
    .map((part) => (part.match(/<p[\s>]/g) ?? []).length);

describe('corpus EPUBs match their true structure', () => {
  it('losing-battles-ch12.txt', async () => {
    const o = await read('losing-battles-ch12.txt');
    expect(o.title).toEqual(['Losing Battles']);
    expect(o.toc).toEqual([
      { depth: 1, title: 'Title Page' },
      { depth: 1, title: 'Author’s Notes' },
      { depth: 1, title: 'Chapter 12: Second Chances' },
      { depth: 2, title: 'Battle 28' },
      { depth: 2, title: 'Battle 29' },
    ]);
    const front = doc(o, 'front.xhtml');
    expect(front.authorNotes).toBe(1);
    expect(front.authorNoteFull[0]).toMatch(/^Before I begin .* I give you the last chapter\.$/);
    const ch = doc(o, 'chapter-001.xhtml');
    expect(ch.headings).toEqual(['Chapter 12 Second Chances', 'Battle 28', 'Battle 29']);
    expect(ch.epigraphs).toBe(2);
    expect(ch.rawBody).toContain('<cite>Marian Wright Edelman</cite>');
    expect(ch.rawBody).toContain('<cite>Richard Bach</cite>');
    expect(ch.pov).toBe(2);
    expect(ch.endMarks).toBe(1);
    expect(ch.breaks).toBe(0);
    expect(ch.authorNotes).toBe(0);
    expect(ch.storyParagraphs).toBe(99 + 50);
    // The glued paragraph is split: the story paragraph ends with its own quote.
    expect(ch.storyText).toContain('“Everything will be okay.”');
    expect(ch.storyText).not.toContain('okay.”“');
    const sections = ch.rawBody.split('<section id="section-');
    expect((sections[1]?.match(/<p[\s>]/g) ?? []).length).toBe(1 + 99 + 2); // pov, paragraphs, epigraph quote + cite
    expect(sections[2]).toMatch(/^2">\s*<h3>Battle 29<\/h3>\s*<p class="pov">/);
  });

  it('chapter-twenty-seven.txt', async () => {
    const o = await read('chapter-twenty-seven.txt');
    const ch = doc(o, 'chapter-001.xhtml');
    expect(ch.headings).toEqual(['Chapter Twenty Seven']);
    expect(o.toc.map((t) => t.title)).toEqual(['Title Page', 'Chapter Twenty Seven']);
    expect(ch.breaks).toBe(2);
    expect(scenes(ch)).toEqual([7, 64, 116]);
    expect(ch.authorNotes).toBe(0);
  });

  it('deux-of-deux.txt', async () => {
    const o = await read('deux-of-deux.txt');
    expect(o.title).toEqual(['Deux of Deux']);
    expect(o.description[0]).toMatch(/^Two years ago, .*and her heart\.$/);
    expect(o.subject).toEqual(['SasuSaku']);
    expect(doc(o, 'front.xhtml').authorNoteFull).toEqual(['Disclaimer: I do not own Naruto.']);
    const ch = doc(o, 'chapter-001.xhtml');
    expect(ch.headings).toEqual(['Deux of Deux']);
    expect(ch.storyParagraphs).toBe(76);
    expect(ch.breaks).toBe(0);
    expect(ch.authorNotes).toBe(0);
    const back = doc(o, 'back.xhtml');
    expect(back.authorNotes).toBe(2);
    expect(back.authorNoteFull[0]).toMatch(/^Rosie’s Notes: /);
    expect(back.authorNoteFull[1]).toMatch(/^Rosie’s Notes II: /);
  });
});
