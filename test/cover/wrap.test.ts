import { describe, expect, it } from 'vitest';
import { segmentWord, splitWord } from '../../src/cover/wrap.js';

// Words of every kind a title holds: the fast path must break them exactly as ICU's word boundaries do.
const WORDS = [
  'Twenty-Seven',
  'well--known',
  '-abc',
  'abc-',
  'A-1',
  '1/2',
  'and/or',
  'x—y',
  'x–y',
  'x‐y',
  'x‑y',
  'co-op’s',
  'e-mail:',
  'Jean-Luc,',
  'semi-(final)',
  'post-)',
  'a-.',
  'Пре-ступление',
  'Ἡ-Ὀδύσσεια',
  '😀-x',
  '🇫🇷-x',
  'naïve-e\u0301',
  'x-\u0301y',
  'a\u200d-b',
  'Pneumonoultramicroscopicsilicovolcanoconiosis',
  '魔道-祖师',
  '吾輩は猫',
  'ภาษา-ไทย',
  'عربي-حكايات',
  '--',
  '-',
  '',
];

describe('title word breaks', () => {
  for (const atHyphens of [false, true]) {
    it(`match ICU's word boundaries ${atHyphens ? 'with' : 'without'} breaks after hyphens`, () => {
      for (const word of WORDS) expect(splitWord(word, atHyphens), word).toEqual(segmentWord(word, atHyphens));
    });
  }

  it('breaks after hyphens and slashes only when asked, and never before closing punctuation', () => {
    expect(splitWord('Twenty-Seven', false)).toEqual(['Twenty-Seven']);
    expect(splitWord('Twenty-Seven', true)).toEqual(['Twenty-', 'Seven']);
    expect(splitWord('and/or', true)).toEqual(['and/', 'or']);
    expect(splitWord('post-)', true)).toEqual(['post-)']);
  });
});
