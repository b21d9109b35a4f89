/**
 * Story files for the fuzz test, built from the conventions in
 * shared/corpus/README.md, plus noise. Each case carries its bytes and its
 * "story text": the words a reader must find in the book.
 *
 * What counts as story text: prose paragraphs, epigraph quotations and their
 * sources, author's notes and point-of-view names, because quire keeps all
 * of those in the book. Not counted: heading keywords and numbers
 * (`Chapter Twelve` may become `12`), front-matter fields and YAML (they
 * become metadata), scene-break and end-mark lines (they become structure),
 * and noise: a noise line may rightly be read as a heading, a break or a
 * field, and raw random bytes have no words to keep. For those cases the
 * build only has to fail cleanly or give a valid, safe book, and the prose
 * around the noise must still all be there.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';

export interface FuzzCase {
  bytes: Uint8Array;
  /** Words that must all reach the book. */
  story: string;
  /** What the case is, for the failure report. */
  label: string;
}

interface Piece {
  text: string;
  story: string;
}

const VOCAB = [
  'the',
  'night',
  'was',
  'cold',
  'and',
  'she',
  'walked',
  'home',
  'alone',
  'he',
  'said',
  'nothing',
  'rain',
  'window',
  'letter',
  'kunai',
  'village',
  'forest',
  'chapter',
  'part',
  'end',
  'fin',
  'title',
  'author',
  'note',
  'café',
  'naïve',
  'señor',
  'über',
  'Zoë',
  'façade',
  'déjà',
  'vu',
  'Ångström',
  'smörgåsbord',
  'I',
  'a',
  'o',
  'Sasuke',
  'Sakura',
  'Gaara',
  'Kankuro',
  'Naruto',
  'twelve',
  'XII',
  '12',
  '1990s',
  "don't",
  "O'Brien",
  "it's",
];

const word = fc.constantFrom(...VOCAB);

// A word dressed the way stories dress words: emphasis, quotes, trailing punctuation.
const dressed = fc
  .tuple(word, fc.constantFrom('', '', '', '*', '_', '"', "'", '“', '(', '--'), fc.constantFrom('', '', '', ',', '.', '!', '?', '...', '…', ';', ':', '—', '--', ' -'))
  .map(([w, wrap, tail]) => {
    const close = wrap === '“' ? '”' : wrap === '(' ? ')' : wrap === '--' ? '' : wrap;
    return `${wrap}${w}${close}${tail}`;
  });

const sentence = fc.array(dressed, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));

const paragraph: fc.Arbitrary<Piece> = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.constantFrom('', '', '    ', '\t', '\u00a0\u00a0')).map(([ss, wrap, indent]) => {
  const text = ss.join(' ');
  // Hard-wrapped at ~70 columns, as Project Gutenberg files are.
  // A wrapped line that starts `word:` reads as a front-matter field before the
  // first heading, which is what the conventions say it is: keep such breaks out.
  const body = wrap ? text.replace(/(.{40,70}?) (?![^\s:]+:)/g, '$1\n') : text;
  // A paragraph that opens `word:` before the first heading is a front-matter
  // field by the conventions, so generated prose never opens that way.
  // A paragraph that is one ornament letter between marks (`*o*`, `_x_`, `--o -`)
  // is a scene break by the conventions (fixture break-framed-single-letter).
  const ornament = /^[^\p{L}\p{N}]*[oO0xX]{1,2}[^\p{L}\p{N}]*$/u.test(body);
  const safe = /^\S+:/.test(body) || ornament ? `And ${body}` : body;
  return { text: `${indent}${safe}`, story: text };
});

const ROMAN = ['I', 'II', 'III', 'IV', 'IX', 'XII', 'XL'];
const heading: fc.Arbitrary<Piece> = fc
  .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom(...ROMAN), fc.array(word, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 11 }))
  .map(([n, r, ws, form]) => {
    const t = ws.join(' ');
    const forms = [
      `Chapter ${n}`,
      `Chapter ${n}: ${t}`,
      `Chapter ${n} - ${t}`,
      `CHAPTER ${r}.`,
      `Ch. ${n}`,
      `Chapter Twelve`,
      `Part One`,
      `Book ${r}`,
      'Prologue',
      'Epilogue',
      `Interlude`,
      `${n} of ${n + 1}`,
    ];
    return { text: forms[form] ?? 'Prologue', story: '' };
  });

const hugeHeading: fc.Arbitrary<Piece> = fc.integer({ min: 200, max: 3000 }).map((n) => ({ text: `Chapter 1: ${'Long '.repeat(n)}`, story: '' }));

const sceneBreak: fc.Arbitrary<Piece> = fc
  .constantFrom('* * *', '***', '~*~*~', '-----', '+++', '###', '§', 'oOo', 'OoOoO', 'xXx', 'xXxXx', '~o~', '[scene break]', '<hr>', '', '\n')
  .map((text) => ({ text, story: '' }));

const manyBreaks: fc.Arbitrary<Piece> = fc
  .tuple(fc.integer({ min: 500, max: 4000 }), fc.constantFrom('* * *', '***', '#', 'oOo'))
  .map(([n, b]) => ({ text: Array.from({ length: n }, () => b).join('\n\n'), story: '' }));

const note: fc.Arbitrary<Piece> = fc.tuple(fc.constantFrom('A/N:', 'AN:', "Author's Note:", 'Closing notes:', "Rosie's Notes:"), sentence).map(([label, s]) => ({ text: `${label} ${s}`, story: s }));

const epigraph: fc.Arbitrary<Piece> = fc
  // Sources are names: a source like `Gaara chapter twelve` reads as a `Title Ch. N` heading.
  .tuple(sentence, fc.constantFrom('~', '—', '--', '-'), fc.array(fc.constantFrom('Sasuke', 'Sakura', 'Marian', 'Wright', 'Bach', 'Zoë'), { minLength: 1, maxLength: 3 }))
  .map(([q, mark, who]) => ({ text: `"${q}"\n${mark} ${who.join(' ')}`, story: `${q} ${who.join(' ')}` }));

const pov: fc.Arbitrary<Piece> = fc.constantFrom('Sasuke', 'Sakura', 'Gaara').map((n) => ({ text: `*${n}*`, story: n }));

const endMark: fc.Arbitrary<Piece> = fc.constantFrom('THE END', '~*~*~ THE END ~*~*~', 'Fin', 'To be continued...', 'TBC').map((text) => ({ text, story: '' }));

const frontLine: fc.Arbitrary<Piece> = fc
  .tuple(fc.constantFrom('Title:', 'Author:', 'By', 'Summary:', 'Disclaimer:', 'Rating:', 'Warnings:', 'Pairing:', 'Characters:', 'Genre:', 'Fandom:', 'Tags:', 'Status:', 'Words:'), sentence)
  .map(([k, v]) => ({ text: `${k} ${v}`, story: '' }));

const yaml: fc.Arbitrary<Piece> = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('T', 'M', '"quoted: value"', '[a, b]', '{x: 1}', 'null', '|\n  block'))
  .map(([t, v]) => ({ text: `---\ntitle: ${JSON.stringify(t.join(' '))}\nrating: ${v}\n---`, story: '' }));

// Noise: any characters at all, markup-looking text, controls, lone surrogates.
const noiseLine: fc.Arbitrary<Piece> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        ']',
        '[',
        '!',
        '-',
        'script',
        'a href=',
        'javascript:',
        'url(',
        '@import',
        ';',
        '#',
        '*',
        '_',
        '~',
        '\u0000',
        '\ufeff',
        '\u00a0',
        '\r',
        '\ud800',
        '\u202e',
      ),
      maxLength: 40,
    }),
  )
  .map((text) => ({ text: text.replace(/\n/g, ' '), story: '' }));

const blankRun = fc.integer({ min: 1, max: 5 }).map((n) => '\n'.repeat(n));

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 12, arbitrary: paragraph },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: sceneBreak },
  { weight: 1, arbitrary: note },
  { weight: 1, arbitrary: epigraph },
  { weight: 1, arbitrary: pov },
  { weight: 1, arbitrary: endMark },
  { weight: 2, arbitrary: noiseLine },
);

const rare: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Piece[]>([]) },
  { weight: 1, arbitrary: hugeHeading.map((p) => [p]) },
  { weight: 1, arbitrary: manyBreaks.map((p) => [p]) },
);

/** A story in text: front matter, then pieces separated by runs of blank lines. */
export const storyText: fc.Arbitrary<{ text: string; story: string }> = fc
  .tuple(fc.option(yaml, { freq: 4 }), fc.array(frontLine, { maxLength: 4 }), fc.array(fc.tuple(piece, blankRun), { minLength: 0, maxLength: 30 }), rare, fc.constantFrom('\n', '\r\n', '\r'))
  .map(([y, front, body, extra, eol]) => {
    const parts: string[] = [];
    const story: string[] = [];
    if (y) parts.push(`${y.text}\n\n`);
    for (const f of front) parts.push(`${f.text}\n`);
    if (front.length) parts.push('\n');
    for (const [p, gap] of body) {
      parts.push(`${p.text}\n${gap}`);
      story.push(p.story);
    }
    for (const p of extra) parts.push(`${p.text}\n\n`);
    return { text: parts.join('').replace(/\n/g, eol), story: story.join(' ') };
  });

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array {
  if (encoding === 'utf-8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (encoding === 'utf-8-bom') return new Uint8Array(iconv.encode(text, 'utf-8', { addBOM: true }));
  if (encoding === 'windows-1252') return new Uint8Array(iconv.encode(text, 'windows-1252'));
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: true }));
}

/** Whether every character survives a round trip through the encoding (lone surrogates do not). */
const roundTrips = (text: string, enc: (typeof ENCODINGS)[number]): boolean =>
  enc === 'windows-1252' ? iconv.decode(Buffer.from(encode(text, enc)), enc) === text : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** Structured stories in any of the encodings, random byte soup, and stories with bytes spliced in. */
const anyCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(storyText, fc.constantFrom(...ENCODINGS)).map(([s, enc]): FuzzCase => {
      // Characters the encoding cannot hold become `?`; words made of them are not promised.
      const story = roundTrips(s.story, enc) ? s.story : '';
      return { bytes: encode(s.text, enc), story, label: `story in ${enc}` };
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes): FuzzCase => ({ bytes, story: '', label: 'random bytes' })) },
  {
    weight: 1,
    arbitrary: fc.tuple(storyText, fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat()).map(([s, junk, at]): FuzzCase => {
      const utf8 = Buffer.from(s.text, 'utf8');
      const cut = utf8.length ? at % utf8.length : 0;
      return { bytes: new Uint8Array(Buffer.concat([utf8.subarray(0, cut), junk, utf8.subarray(cut)])), story: '', label: 'story with bytes spliced in' };
    }),
  },
);

// A failing case prints as its label and text, not as thousands of byte values.
const show = (c: FuzzCase): string => `${c.label}, ${c.bytes.length} bytes: ${JSON.stringify(new TextDecoder().decode(c.bytes.subarray(0, 1500)).replace(/\0/g, ''))}`;

export const fuzzCase: fc.Arbitrary<FuzzCase> = anyCase.map((c) => Object.assign(c, { [fc.toStringMethod]: () => show(c) }));
