import { describe, expect, it } from 'vitest';
import { naturalSort, numberWordsToDigits } from '../../src/read/order.js';

describe('natural order of chapter files', () => {
  it('puts ch2 before ch10 and Chapter Two before Chapter Ten', () => {
    expect(naturalSort(['ch10.txt', 'ch2.txt', 'ch1.txt'])).toEqual(['ch1.txt', 'ch2.txt', 'ch10.txt']);
    expect(naturalSort(['Chapter Ten.md', 'Chapter Two.md', 'Chapter Eleven.md', 'Chapter One.md'])).toEqual(['Chapter One.md', 'Chapter Two.md', 'Chapter Ten.md', 'Chapter Eleven.md']);
  });
  it('reads compound and ordinal number words, and leaves other words alone', () => {
    expect(numberWordsToDigits('Chapter Twenty-One')).toBe('Chapter 21');
    expect(numberWordsToDigits('the-eighth-day')).toBe('the-8-day');
    expect(numberWordsToDigits('Part One Hundred and Five')).toBe('Part 105');
    expect(numberWordsToDigits('Someone often went with tenderness')).toBe('Someone often went with tenderness');
  });
});
