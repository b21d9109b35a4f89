import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusDir as sharedCorpusDir, corpusFiles } from '../support/build.js';
import { decodeText } from '../../src/read/decode.js';

const codes = (d: { code: string; line?: number }[]): string[] => d.map((x) => `${x.code}@${x.line ?? '-'}`);

describe('decodeText: encodings', () => {
  it('reads Windows-1252 curly quotes, dashes and accents', async () => {
    const source = '\u201cCaf\u00e9?\u201d she asked \u2014 na\u00efvely.\r\nIt\u2019s 5\u20ac\u2026\r\n';
    const bytes = iconv.encode(source, 'windows-1252');
    expect(bytes.length).toBe(source.length); // one byte per character: really single-byte
    const r = await decodeText(bytes, 'w.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('\u201cCaf\u00e9?\u201d she asked \u2014 na\u00efvely.\nIt\u2019s 5\u20ac\u2026\n');
    expect(codes(r.diagnostics)).toEqual(['legacy-encoding@-', 'line-endings-normalized@-']);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const source = 'He said, \u201cNo.\u201d\nZo\u00eb \ud83d\ude00\n';
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const bytes = iconv.encode(source, enc, { addBOM: true });
      const r = await decodeText(bytes, 'u.txt');
      expect(r.encoding).toBe(enc);
      expect(r.text).toBe(source);
      expect(r.diagnostics).toEqual([]);
    }
  });

  it('strips a UTF-8 BOM and normalizes CRLF and lone CR', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('One\r\nTwo\rThree\n', 'utf8')]);
    const r = await decodeText(bytes, 'b.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('One\nTwo\nThree\n');
    expect(r.diagnostics).toMatchObject([{ code: 'line-endings-normalized', message: expect.stringContaining('2 CR') }]);
  });

  it('prefers UTF-8 whenever the bytes are valid UTF-8', async () => {
    // "Ã©" is valid both ways; as UTF-8 it is the two letters, and they stay.
    const r = await decodeText(Buffer.from('S\u00c3O PAULO e \u00c3 vista\n', 'utf8'), 'p.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('S\u00c3O PAULO e \u00c3 vista\n');
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a mostly-UTF-8 file with a few Windows-1252 bytes pasted in', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Caf\u00e9 one\u2026\nna\u00efve two\n', 'utf8'),
      Buffer.from([0x93, 0x48, 0x69, 0x94, 0x0a]), // “Hi” in Windows-1252
    ]);
    const r = await decodeText(bytes, 'm.txt');
    expect(r.encoding).toBe('utf-8+windows-1252');
    expect(r.text).toBe('Caf\u00e9 one\u2026\nna\u00efve two\n\u201cHi\u201d\n');
    expect(codes(r.diagnostics)).toEqual(['legacy-encoding@-', 'mixed-encoding@3']);
  });

  it('drops bytes Windows-1252 leaves undefined and says where', async () => {
    const bytes = Buffer.from([0x41, 0x0a, 0x42, 0x81, 0x43, 0x93, 0x0a]);
    const r = await decodeText(bytes, 'x.txt');
    expect(r.text).toBe('A\nBC\u201c\n');
    expect(codes(r.diagnostics)).toContain('undefined-byte@2');
  });
});

describe('decodeText: repairs', () => {
  it('repairs partly mojibaked UTF-8 and reports each damaged line once', async () => {
    const damaged =
      'Clean line, caf\u00e9.\n' + // fine UTF-8
      '\u00e2\u20ac\u0153Hi,\u00e2\u20ac\u009d she said. It\u00e2\u20ac\u2122s caf\u00c3\u00a9.\n' + // mojibake (with a Latin-1 C1 for 0x9D)
      'Fine again \u2014 really.\n' +
      'Double: it\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s\n';
    const r = await decodeText(Buffer.from(damaged, 'utf8'), 'mo.txt');
    expect(r.text).toBe('Clean line, caf\u00e9.\n\u201cHi,\u201d she said. It\u2019s caf\u00e9.\nFine again \u2014 really.\nDouble: it\u2019s\n');
    const moji = r.diagnostics.filter((d) => d.code === 'mojibake-repaired');
    expect(moji.map((d) => d.line)).toEqual([2, 4]);
    expect(moji[0]).toMatchObject({ severity: 'warning', file: 'mo.txt', message: expect.stringContaining('4 mojibake') });
  });

  it('restores a closing quote whose last byte a decoder dropped', async () => {
    const r = await decodeText(Buffer.from('\u00e2\u20ac\u0153Go,\u00e2\u20ac she said.\n', 'utf8'), 'd.txt');
    expect(r.text).toBe('\u201cGo,\u201d she said.\n');
    expect(r.diagnostics).toMatchObject([{ code: 'mojibake-repaired', line: 1, message: expect.stringContaining('2 mojibake') }]);
  });

  it('restores a closing quote whose last byte a decoder marked as lost (U+FFFD)', async () => {
    const r = await decodeText(Buffer.from('\u00e2\u20ac\u0153No,\u00e2\u20ac\ufffd he said. \u00e2\u20ac\u0153Go,\u00e2\u20ac\ufffd she said.\n', 'utf8'), 'r.txt');
    expect(r.text).toBe('\u201cNo,\u201d he said. \u201cGo,\u201d she said.\n');
    expect(r.diagnostics.filter((d) => d.code === 'mojibake-repaired')).toMatchObject([{ line: 1, message: expect.stringContaining('4 mojibake') }]);
  });

  it('reads UTF-32 with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode('It\u2019s \ud83d\ude00\n', 'utf-32le')]);
    const r = await decodeText(bytes, 'u32.txt');
    expect(r.encoding).toBe('utf-32le');
    expect(r.text).toBe('It\u2019s \ud83d\ude00\n');
  });

  it('reads UTF-16 LE whose text starts with a NUL, though its first four bytes look like a UTF-32 mark', async () => {
    // FF FE 00 00 then `]` as 5D 00 0A 00: no UTF-32 code point (fuzz seed 4000056 lost every word).
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('\0]\n\nThe forest was cold.\n', 'utf-16le')]);
    const r = await decodeText(bytes, 'u16.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toContain('The forest was cold.');
  });

  it('leaves real accented text alone even beside mojibake', async () => {
    const r = await decodeText(Buffer.from('N\u00c3O \u00c3 toa. It\u00e2\u20ac\u2122s.\n\u00c9\u2026 voil\u00e0\n', 'utf8'), 'pt.txt');
    // "É…" spells U+0245 in UTF-8, but a letter before an ellipsis is likelier: kept.
    expect(r.text).toBe('N\u00c3O \u00c3 toa. It\u2019s.\n\u00c9\u2026 voil\u00e0\n');
  });

  it('removes what XML forbids and reports it per line', async () => {
    const s = 'ok\u0000 one\u0007\u0008\nfine\nlone \ud800 surrogate \uffff\tkept tab\f\n';
    const u = await decodeText(iconv.encode(s, 'utf-16le', { addBOM: true }), 'c.txt');
    expect(u.text).toBe('ok one\nfine\nlone  surrogate \tkept tab\n');
    const forb = u.diagnostics.filter((d) => d.code === 'forbidden-character');
    expect(forb.map((d) => [d.line, d.message.match(/\d+/)?.[0]])).toEqual([
      [1, '3'],
      [3, '3'],
    ]);
  });

  it('maps C1 controls from a Latin-1 decoder to Windows-1252 punctuation', async () => {
    const r = await decodeText(Buffer.from('\u0093Yes\u0094 \u0097 no\n', 'utf8'), 'l.txt');
    expect(r.text).toBe('\u201cYes\u201d \u2014 no\n');
    expect(codes(r.diagnostics)).toEqual(['c1-control-mapped@1']);
  });

  it('handles non-breaking spaces by position and meaning', async () => {
    const s = ['\u00a0\u00a0Indented line.\u00a0', 'Two\u00a0words and\u00a0\u00a0more.', 'Quoi\u00a0! \u00ab\u00a0Oui\u00a0\u00bb, dit-il\u00a0; 5\u00a0km et 10\u00a0%.'].join('\n');
    const r = await decodeText(Buffer.from(s, 'utf8'), 'n.txt');
    expect(r.text).toBe(['Indented line.', 'Two words and  more.', 'Quoi\u00a0! \u00ab\u00a0Oui\u00a0\u00bb, dit-il\u00a0; 5\u00a0km et 10\u00a0%.'].join('\n'));
    expect(codes(r.diagnostics)).toEqual(['nbsp-removed@1', 'nbsp-replaced@2']);
    expect(r.diagnostics[0]?.message).toContain('3 non-breaking spaces');
  });

  it('normalizes to NFC and reports the line', async () => {
    const r = await decodeText(Buffer.from('a\nCafe\u0301\n', 'utf8'), 'nfc.txt');
    expect(r.text).toBe('a\nCaf\u00e9\n');
    expect(codes(r.diagnostics)).toEqual(['normalized-nfc@2']);
  });

  it('warns about replacement characters already in UTF-8 text', async () => {
    const r = await decodeText(Buffer.from('x\ny \ufffd\ufffd\n', 'utf8'), 'r.txt');
    expect(r.text).toBe('x\ny \ufffd\ufffd\n');
    expect(codes(r.diagnostics)).toEqual(['replacement-character@2']);
  });
});

// The corpus is always beside the repo (CI puts ../shared there): missing, these tests fail.
const corpus = corpusFiles.map((f) => path.basename(f));
const corpusDir = sharedCorpusDir;

describe('decodeText: corpus', () => {
  it.each(corpus)('%s decodes as UTF-8 with no replacement characters', async (name) => {
    const r = await decodeText(readFileSync(path.join(corpusDir, name)), name);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).not.toContain('\ufffd');
    expect(r.text.length).toBeGreaterThan(10000);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('decodeText: other single-byte encodings', () => {
  it('reads ISO-8859-1 text as Windows-1252, its superset', async () => {
    const r = await decodeText(iconv.encode('Zo\u00eb and Ren\u00e9e ate cr\u00e8me br\u00fbl\u00e9e at the caf\u00e9.\n', 'latin1'), 'l1.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Zo\u00eb and Ren\u00e9e ate cr\u00e8me br\u00fbl\u00e9e at the caf\u00e9.\n');
  });

  it('keeps chardet\u2019s pick for clearly non-Latin text', async () => {
    const source =
      '\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u043f\u0440\u0438\u0434\u0451\u0442 \u0437\u0430\u0432\u0442\u0440\u0430 \u0443\u0442\u0440\u043e\u043c, \u0438 \u043e\u043d\u0430 \u0435\u043c\u0443 \u043f\u043e\u0432\u0435\u0440\u0438\u043b\u0430.\n'.repeat(
        4,
      );
    const r = await decodeText(iconv.encode(source, 'windows-1251'), 'ru.txt');
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toBe(source);
  });
});
