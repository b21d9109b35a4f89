import { describe, expect, it } from 'vitest';
import { TABLES, matchByline, matchEndMark, matchField, matchHeading, matchNoteLabel, matchTrailingByline, parseNumber } from '../../src/lang/index.js';
import { CASES } from './cases.js';

describe('every listed language has a table and cases', () => {
  it('covers the 16 languages of issue 19', () => {
    expect(TABLES.map((t) => t.code).sort()).toEqual(['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'vi', 'zh']);
    expect(Object.keys(CASES).sort()).toEqual(TABLES.map((t) => t.code).sort());
  });
});

for (const [lang, c] of Object.entries(CASES)) {
  describe(`${lang}`, () => {
    it('reads its headings, in its own language and among all', () => {
      for (const [line, [kind, value]] of Object.entries(c.headings)) {
        for (const langs of [[lang], undefined]) {
          const m = matchHeading(line, langs);
          expect(m, `${line} (${langs ?? 'all'})`).not.toBeNull();
          expect([m!.kind, m!.number?.value ?? null], line).toEqual([kind, value]);
        }
        expect(matchHeading(line, [lang])!.lang, line).toBe(lang === 'ja' && /^第/.test(line) ? 'ja' : lang);
      }
    });
    it('never reads a sentence that starts with a heading word as a heading', () => {
      for (const line of c.notHeadings) {
        expect(matchHeading(line, [lang]), line).toBeNull();
        expect(matchHeading(line), line).toBeNull();
      }
    });
    it('reads front-matter fields', () => {
      for (const [line, [key, value]] of Object.entries(c.fields)) {
        const m = matchField(line, [lang]);
        expect(m && [m.key, m.value, m.lang], line).toEqual([key, value, lang]);
      }
    });
    it("reads author's-note labels", () => {
      for (const line of c.notes) expect(matchNoteLabel(line, [lang]), line).not.toBeNull();
    });
    it('reads end marks', () => {
      for (const line of c.endMarks) expect(matchEndMark(line, [lang])?.lang, line).toBe(lang);
    });
    it('names its own table for its labels and marks, after English', () => {
      // English first: a label or mark English does not have is found in this table, not given to the first.
      const own = (match: (l: string, langs: string[]) => { lang: string } | null, lines: readonly string[]) => lines.filter((l) => !match(l, ['en']));
      for (const line of own(matchNoteLabel, c.notes)) expect(matchNoteLabel(line, ['en', lang])?.lang, line).toBe(lang);
      for (const line of own(matchEndMark, c.endMarks)) expect(matchEndMark(line, ['en', lang])?.lang, line).toBe(lang);
    });
    it('reads bylines', () => {
      for (const [line, names] of Object.entries(c.bylines)) expect(matchByline(line, [lang])?.names, line).toEqual(names);
    });
  });
}

describe('parseNumber', () => {
  it.each([
    ['12', undefined, 12],
    ['１２', undefined, 12],
    ['XIV', undefined, 14],
    ['一○○', undefined, 100],
    ['一百零三', undefined, 103],
    ['两百', undefined, 200],
    ['廿一', undefined, 21],
    ['Twenty-Seven', 'en', 27],
    ['premier', 'fr', 1],
    ['Erstes', 'de', 1],
    ['двадцать первая', 'ru', 21],
    ['pierwsza', 'pl', 1],
    ['Birinci', 'tr', 1],
    ['Một', 'vi', 1],
    ['quatre-vingt-dix-neuf', 'fr', 99],
    ['ventitré', 'it', 23],
    ['tweeëntwintig', 'nl', 22],
    ['soixante et onzième', 'fr', 71],
    ['zweiundvierzigstes', 'de', 42],
    ['KIRK İKİNCİ', 'tr', 42],
    ['ketiga puluh dua', 'id', 32],
    ['ba mươi lăm', 'vi', 35],
    ['삼십이', 'ko', 32],
    ['trigésima segunda', 'es', 32],
    ['seventy-third', 'en', 73],
    ['сорок пятая', 'ru', 45],
    ["п'ятдесят перша", 'uk', 51],
    ['trinta e dois', 'pt', 32],
  ] as const)('%s (%s) is %d', (token, lang, value) => {
    expect(parseNumber(token, lang)).toBe(value);
  });
  it('takes roman numerals only in capitals and words only whole', () => {
    expect(parseNumber('mix')).toBeUndefined();
    expect(parseNumber('civic')).toBeUndefined();
    expect(parseNumber('twentyseven', 'en')).toBeUndefined();
  });
  it('knows every number from 1 to 100 in every language with number words', () => {
    for (const t of TABLES) {
      if (!t.numbers.cardinal) continue;
      const seen = new Set<number>();
      for (const w of [t.numbers.cardinal.units, t.numbers.cardinal.teens, t.numbers.cardinal.tens].flat()) {
        const v = parseNumber(w.split('|')[0]!, t.code);
        if (v !== undefined) seen.add(v);
      }
      expect(seen.size, t.code).toBe(27);
    }
  });
});

describe('matchers stay linear', () => {
  it('answer on long and hostile lines at once', () => {
    const lines = ['Chapter ' + 'one '.repeat(5000), 'A/N' + ' -'.repeat(20000), 'By ' + 'Name '.repeat(10000), '第' + '一'.repeat(50000) + '章', '~'.repeat(100000)];
    const start = performance.now();
    for (const l of lines) {
      matchHeading(l);
      matchNoteLabel(l);
      matchByline(l);
      matchTrailingByline(l);
      matchEndMark(l);
      matchField(l);
    }
    expect(performance.now() - start).toBeLessThan(500);
  });
});
