/**
 * Plain-text emphasis: `*word*`, `_word_` and `/word/` become emphasis,
 * `**word**` strong, `***word***` both. Only where a human reader would not
 * hesitate: the opening mark follows a space, the start or opening
 * punctuation and is followed by a non-space; the closing mark mirrors that.
 * So `2*3*4`, `snake_case_name`, `and/or`, `1/2`, `12/05/2020` and anything
 * inside a URL or an email address stay text. The result is a list of
 * inline nodes; text is never turned into markup.
 */
import type { Inline } from '../../model.js';

interface Mark {
  delim: string;
  wrap: (children: Inline[]) => Inline;
}

const em = (children: Inline[]): Inline => ({ type: 'emphasis', children });
const strong = (children: Inline[]): Inline => ({ type: 'strong', children });

/** Longest first, so `**` is not read as two `*`. */
const MARKS: Mark[] = [
  { delim: '***', wrap: (c) => strong([em(c)]) },
  { delim: '**', wrap: strong },
  { delim: '*', wrap: em },
  { delim: '_', wrap: em },
  { delim: '/', wrap: em },
];

const OPEN_BEFORE = /^$|[\s(\[{"'“‘«—–…-]/;
const CLOSE_AFTER = /^$|[\s)\]}.,;:!?"'”’»—–…-]/;
const PROTECTED = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^>\s]*>/gi;

function protectedRanges(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Every match holds `://`, `www.`, `@` or `<`; most paragraphs hold none,
  // and the email pattern alone backtracks through every word.
  if (!(s.includes('@') || s.includes('<') || s.includes('://') || /www\./i.test(s))) return out;
  for (const m of s.matchAll(PROTECTED)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The content rules beyond the boundaries, per mark. */
function contentOk(mark: Mark, content: string): boolean {
  if (content.includes('\n') || !/\p{L}/u.test(content)) return false;
  if (mark.delim.length === 1 && content.includes(mark.delim)) return false;
  if (mark.delim === '/') {
    // A slash pair is emphasis only around plain words: `/really/`, `/not now/`.
    return /^\p{L}[\p{L}\p{M}'’ -]*\p{L}$/u.test(content) && content.length <= 40;
  }
  return true;
}

function closerAt(s: string, mark: Mark, from: number, shielded: (i: number) => boolean): number {
  const d = mark.delim;
  for (let j = s.indexOf(d, from); j >= 0; j = s.indexOf(d, j + 1)) {
    if (shielded(j)) continue;
    const before = s.charAt(j - 1);
    const after = s.charAt(j + d.length);
    if (/\s/.test(before) || before === d[0]) continue;
    if (after === d[0]) continue;
    if (!CLOSE_AFTER.test(after)) continue;
    return j;
  }
  return -1;
}

/** Every mark starts with one of these; other characters cannot open emphasis. */
const isMarkStart = (c: number): boolean => c === 0x2a || c === 0x5f || c === 0x2f; // * _ /

export function parseEmphasis(s: string): Inline[] {
  if (!(s.includes('*') || s.includes('_') || s.includes('/'))) return s === '' ? [] : [{ type: 'text', value: s }];
  const ranges = protectedRanges(s);
  const shielded = (i: number): boolean => ranges.some(([a, b]) => i >= a && i < b);
  const out: Inline[] = [];
  let textFrom = 0;
  const pushText = (to: number): void => {
    if (to > textFrom) {
      const last = out[out.length - 1];
      const value = s.slice(textFrom, to);
      if (last?.type === 'text') last.value += value;
      else out.push({ type: 'text', value });
    }
  };
  for (let i = 0; i < s.length; i++) {
    if (!isMarkStart(s.charCodeAt(i)) || shielded(i)) continue;
    const before = s.charAt(i - 1);
    if (!OPEN_BEFORE.test(before)) continue;
    for (const mark of MARKS) {
      const d = mark.delim;
      if (!s.startsWith(d, i)) continue;
      const first = s.charAt(i + d.length);
      if (first === '' || /\s/.test(first) || first === d[0]) continue;
      const j = closerAt(s, mark, i + d.length + 1, shielded);
      if (j < 0) continue;
      const content = s.slice(i + d.length, j);
      if (!contentOk(mark, content)) continue;
      pushText(i);
      out.push(mark.wrap(parseEmphasis(content)));
      textFrom = j + d.length;
      i = textFrom - 1;
      break;
    }
  }
  pushText(s.length);
  return out;
}
