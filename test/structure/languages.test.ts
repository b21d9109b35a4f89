// Every language fixture (test/fixtures/languages/<code>/) built as `quire build`
// would, with nothing but the story file, and judged against its truth: the
// title, authors and language read from its own lines, the table of contents a
// reader sees, its author's notes and scene breaks, its quotation marks.
import { describe, expect, it } from 'vitest';
import { buildFile, unzipText } from '../support/build.js';
import { languageFixtures } from '../support/languages.js';
import { validateEpub } from '../support/epubcheck.js';

const dc = (opf: string, tag: string) => [...opf.matchAll(new RegExp(`<dc:${tag}[^>]*>([^<]*)</dc:${tag}>`, 'g'))].map((m) => m[1]!);
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe.each(languageFixtures)('the $code fixture, built', ({ code, file, truth }) => {
  const built = buildFile(file);

  it('names the work, its authors and its language from its own lines', async () => {
    const files = unzipText((await built).epub);
    const opf = files.get('OEBPS/content.opf')!;
    expect(dc(opf, 'title').map(decode)).toEqual([truth.title]);
    expect(dc(opf, 'creator').map(decode)).toEqual(truth.authors);
    expect(dc(opf, 'language')).toEqual([truth.language]);
  });

  it('lists its chapters in the table of contents as a reader should see them', async () => {
    const nav = unzipText((await built).epub).get('OEBPS/nav.xhtml')!;
    const toc = [...nav.slice(0, nav.indexOf('</nav>')).matchAll(/<a href="chapter-[^"]*">([^<]*)<\/a>/g)].map((m) => decode(m[1]!));
    expect(toc).toEqual(truth.chapters);
  });

  it('keeps its notes, breaks and quotation marks, and none of its labels as story text', async () => {
    const work = await built;
    const files = unzipText(work.epub);
    const docs = [...files].filter(([n]) => /chapter-|front|back/.test(n)).map(([, x]) => x);
    const text = decode(docs.map((x) => x.replace(/<[^>]+>/g, ' ')).join('\n'));
    expect(docs.join('').match(/class="author-note"/g)?.length ?? 0).toBe(truth.authorNotes);
    expect(docs.join('').match(/<hr\/>/g)?.length ?? 0).toBe(truth.sceneBreaks);
    for (const s of truth.mustContain) expect(text, s).toContain(s);
    for (const s of truth.mustNotContain) expect(text, s).not.toContain(s);
    expect(await validateEpub(work.epub, `${code}.epub`)).toEqual([]);
  });
});
