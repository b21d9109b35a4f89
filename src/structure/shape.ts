/**
 * What a line looks like, independent of its words: is it shaped like a title,
 * a quotation, dialogue? Headings are told from story text mostly by shape.
 */

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'into',
  'onto',
  'as',
  'vs',
  'vs.',
  'de',
  'la',
  'le',
  'du',
  'des',
  'et',
  'no',
  'x',
]);

const OPENING_QUOTE = /^["“”„‘’'«»*_]/;
const CLOSING_QUOTE = /["“”‘’'«»*_]$/;

/** Dialogue and quotations open with a quote mark (or an emphasis marker). */
export function startsWithQuote(s: string): boolean {
  return OPENING_QUOTE.test(s);
}

/** A whole line in quotation marks: `"You're not obligated to win."`. */
export function isQuotation(s: string): boolean {
  return s.length >= 3 && OPENING_QUOTE.test(s) && CLOSING_QUOTE.test(s);
}

/**
 * A short line in Title Case with no sentence punctuation at its end:
 * `Second Chances`, `THE LONG NIGHT`. Never `This is power.` or `"Hm."`.
 * `loose` also accepts a final `?` or `!` (`Who Are You?`), and a full stop
 * after capitals (`THE FIRST CROSSING.`, as printed books set a chapter's
 * title; `Enter Chorus.` stays a sentence), for lines whose place already
 * suggests a title.
 */
export function isTitleLike(s: string, loose = false): boolean {
  if (loose && /[^.]\.$/.test(s) && !/\p{Ll}/u.test(s)) s = s.slice(0, -1);
  if (s.length < 2 || s.length > 60) return false;
  if (/^["“”„‘’'«»(\[*_~\-—–=#+.…]/.test(s)) return false;
  if (/[.,;:…"“”’'\-—–)]$/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 10) return false;
  if (/[?!]$/.test(s) && !(loose && words.length >= 2)) return false;
  if ((s.match(/\p{L}/gu)?.length ?? 0) < 3) return false;
  if (/[.!?]\s/.test(s)) return false;
  let significant = 0;
  let capitalised = 0;
  words.forEach((w, i) => {
    const bare = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (bare === '') return;
    if (i > 0 && SMALL_WORDS.has(bare.toLowerCase())) return;
    significant++;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitalised++;
  });
  return significant > 0 && capitalised === significant;
}

/**
 * Where an epigraph's quotation was glued to the end of the paragraph before
 * it (`…okay.""That's what…`): the index where the quotation starts, or -1.
 */
export function findGlue(s: string): number {
  for (let i = s.length - 3; i >= 1; i--) {
    const a = s[i];
    const b = s[i + 1];
    if ((a === '"' || a === '”') && (b === '"' || b === '“') && /[.!?…]/.test(s[i - 1] ?? '')) {
      return i + 1;
    }
  }
  return -1;
}

/** Where the text inside the decoration around a line starts and ends. */
function inside(s: string, decoration: ReadonlySet<string>): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && decoration.has(s[a]!)) a++;
  while (b > a && decoration.has(s[b - 1]!)) b--;
  return [a, b];
}
const DECORATION = new Set([...' \t*~=#_[]{}<>|•-–—']);

/** The line without decoration around it: `~ Chapter 12 ~` → `Chapter 12`. */
export function undecorated(s: string): string {
  return s.slice(...inside(s, DECORATION));
}

const ANGLE = /[<>]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * A heading's title without decoration. Angle brackets frame a title in pairs
 * (`<< Title >>`, `-> Title <-`) and point at it alone (`-> Title`), but one
 * touching the title on one side only is its text: `<3`.
 */
function undecoratedTitle(s: string): string {
  let [a, b] = inside(s, DECORATION);
  if (ANGLE.test(s.slice(0, a)) && ANGLE.test(s.slice(b))) return s.slice(a, b);
  while (a > 0 && ANGLE.test(s[a - 1]!) && WORD.test(s[a] ?? '')) a--;
  while (b < s.length && ANGLE.test(s[b]!) && WORD.test(s[b - 1] ?? '')) b++;
  return s.slice(a, b);
}

/**
 * What follows a heading number: nothing, a separator and a title
 * (`: Second Chances`, ` - Title`), or a bare Title Case title. Null when it
 * reads like a sentence (`Chapter 12 was the hardest`).
 */
export function headingRest(rest: string): string | null {
  const r = rest.trim();
  if (r === '') return '';
  const sep = /^[:.\-–—~|]+\s*/.exec(r);
  if (sep) return undecoratedTitle(r.slice(sep[0].length)).replace(/[:.]$/, '').trim();
  const paren = /^\((.*)\)$/.exec(r);
  if (paren) return paren[1]!.trim();
  return isTitleLike(r, true) ? r : null;
}
