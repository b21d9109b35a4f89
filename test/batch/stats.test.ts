import { describe, expect, it } from 'vitest';
import { countWordsIn, groupThousands } from '../../src/stats.js';

// The regex the scan replaced, kept here as the reference it must agree with.
const REFERENCE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const reference = (s: string) => s.match(REFERENCE)?.length ?? 0;

describe('countWordsIn', () => {
  it('agrees with the word regex on awkward text', () => {
    const samples = [
      '',
      "don't stop — it's 3 o’clock",
      "'quoted' words'' and ''",
      'naïve café, Ærøskøbing; 東京 タワー 𝒜𝒷𝒸 emoji 😀 here',
      "end with apostrophe' and 'start",
      'a-b_c.d/e 12,000 1.5',
      "x'y'z ’’ a’’b",
    ];
    for (const s of samples) expect(countWordsIn(s), s).toBe(reference(s));
  });

  it('agrees with the word regex on random text', () => {
    const alphabet = ['a', 'Z', '9', 'é', '東', '𝒜', '😀', ' ', "'", '’', '-', '\n', '.'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      let s = '';
      for (let i = 0; i < 30; i++) s += alphabet[next() % alphabet.length];
      expect(countWordsIn(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
});

describe('groupThousands', () => {
  it('writes counts as en-US number formatting does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, 2 ** 53 - 1]) expect(groupThousands(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
