import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir as sharedCorpusDir, corpusFiles } from '../support/build.js';
import type { Block, Book, Inline } from '../../src/model.js';
import { inlineText } from '../../src/model.js';
import { decodeText } from '../../src/read/decode.js';
import { applyTypography, smartenParts, smartenText } from '../../src/typography/index.js';

const span = { file: 's.txt', start: 1, end: 1 };
const t = (value: string): Inline => ({ type: 'text', value });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children, span });

function book(blocks: Block[]): Book {
  return {
    meta: { title: "Rock 'n' Roll", authors: [{ name: 'A' }], language: 'en', tags: [], fandoms: [], pairings: [], characters: [], genres: [], warnings: [] },
    imprint: [],
    front: [],
    chapters: [{ title: [t('"First" Things')], blocks, sections: [], span }],
    back: [],
    notes: [],
  };
}

describe('applyTypography', () => {
  it('runs a quote context across adjacent text nodes', () => {
    const input = book([para(t('"'), { type: 'emphasis', children: [t('Hi')] }, t('," she said--softly...'))]);
    const out = applyTypography(input);
    const p = out.chapters[0]?.blocks[0];
    expect(p).toEqual(para(t('“'), { type: 'emphasis', children: [t('Hi')] }, t(',” she said—softly…')));
  });

  it('keeps node boundaries when a rule spans them', () => {
    expect(smartenParts(['He said -', '- no', '."'])).toEqual(['He said—', 'no', '.”']);
    expect(smartenParts(['"', 'It', "'s", '"'])).toEqual(['“', 'It', '’s', '”']);
  });

  it('returns a new tree and leaves the input untouched', () => {
    const input = book([para(t('"A" -- b')), { type: 'sceneBreak', span }, para(t("'Tis"))]);
    const before = JSON.stringify(input);
    const out = applyTypography(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out).not.toBe(input);
    expect(out.meta.title).toBe('Rock ’n’ Roll');
    expect(inlineText(out.chapters[0]?.title ?? [])).toBe('“First” Things');
    expect(out.chapters[0]?.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.type))).toEqual(['“A”—b', 'sceneBreak', '’Tis']);
  });

  it('starts each paragraph with no quote open, so dialogue can run on', () => {
    const out = applyTypography(book([para(t('"The first part,')), para(t('"and the second."'))]));
    expect(out.chapters[0]?.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : ''))).toEqual(['“The first part,', '“and the second.”']);
  });

  it('treats a verse block as one run across its lines and leaves links and note refs alone', () => {
    const verse: Block = { type: 'verse', lines: [[t('"Roses are red,')], [t('violets are blue"')]], span };
    const link: Block = para({ type: 'link', url: 'http://x.org/a--b', children: [t('"x--y"')] }, { type: 'noteRef', id: 'n1', label: '1' });
    const out = applyTypography(book([verse, link]), { dashStyle: 'spaced-en' });
    expect(out.chapters[0]?.blocks).toEqual([
      { type: 'verse', lines: [[t('“Roses are red,')], [t('violets are blue”')]], span },
      para({ type: 'link', url: 'http://x.org/a--b', children: [t('“x – y”')] }, { type: 'noteRef', id: 'n1', label: '1' }),
    ]);
  });

  it('smartens nested blocks, epigraphs and notes', () => {
    const note: Block = { type: 'authorNote', children: [para(t("A/N: it's late"))], span };
    const epi: Block = { type: 'epigraph', quote: [[t('"Losing is')], [t('winning."')]], cite: [t('~ Someone')], span };
    const out = applyTypography(book([note, epi]));
    expect(out.chapters[0]?.blocks).toEqual([
      { type: 'authorNote', children: [para(t('A/N: it’s late'))], span },
      { type: 'epigraph', quote: [[t('“Losing is')], [t('winning.”')]], cite: [t('~ Someone')], span },
    ]);
  });
});

// The corpus is always beside the repo (CI puts ../shared there): missing, these tests fail.
const corpus = corpusFiles.map((f) => path.basename(f));
const corpusDir = sharedCorpusDir;

describe('typography over the corpus', () => {
  it.each(corpus)('%s: no straight quote survives on any line', async (name) => {
    const { text } = await decodeText(readFileSync(path.join(corpusDir, name)), name);
    const lines = text.split('\n');
    const left = lines.map((l, i) => [i + 1, smartenText(l)] as const).filter(([, l]) => /["']/.test(l));
    expect(left).toEqual([]);
    // Every line keeps its letters: typography changes punctuation only.
    const letters = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
    expect(lines.map((l) => letters(smartenText(l)))).toEqual(lines.map(letters));
  });
});
