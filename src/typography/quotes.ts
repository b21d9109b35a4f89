/**
 * Straight quotes to curly ones: English fiction's “ ” ‘ ’ by default, or the
 * marks of the book's language and convention (`Marks`, see style.ts).
 * Apostrophes are always ’, in every language.
 *
 * One left-to-right pass over a paragraph keeps a stack of open quotes, so
 * quotes that could go either way (`okay.""That's`, `—"Stop`) are decided by
 * whether a quote of that kind is open. Curly quotes already present are kept
 * and feed the same stack, which makes files that mix both come out
 * consistent. Each paragraph starts with nothing open: a paragraph of
 * dialogue that runs on has an opening quote and no closing one, and the next
 * paragraph opens again.
 */
import { rewrite, type Run } from './run.js';
import type { Marks } from './style.js';

type Kind = 'double' | 'single';

/** Word-initial elisions that are always an apostrophe, never an opening quote. */
const ELISIONS = new Set([
  'em',
  'n',
  'bout',
  'til',
  'cept',
  'nuff',
  'neath',
  'scuse',
  'spose',
  'cos',
  'coz',
  'cuz',
  'cause',
  'fraid',
  'gainst',
  'mongst',
  'nother',
  'kay',
  'sup',
  'twas',
  'tis',
  'twere',
  'twould',
  'twill',
  'tisn',
  'twasn',
  'taint',
  'ello',
]);

const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;
/** After these (or at the start) a quote opens. */
const OPEN_CONTEXT = /^$|[\s(\[{“‘«„‚»›「『¿¡]/;
/** A single quote also opens (or elides) after a dash or an ellipsis: `—'Tis`, `…'cause`. */
const SINGLE_OPEN_CONTEXT = /^$|[\s(\[{“‘«„‚»›「『¿¡—–…-]/;
/** Before these (or at the end) a quote closes. */
const CLOSE_CONTEXT = /^$|[\s)\]}.,;:!?…—–\-"'”’»]/;

function isElision(text: string, i: number): boolean {
  const rest = text.slice(i + 1);
  if (/^\d\d(?!\d)/.test(rest)) return true; // '90s, '05
  const word = /^\p{L}+/u.exec(rest)?.[0].toLowerCase() ?? '';
  return ELISIONS.has(word);
}

/** Is there a single quote later in the run standing where a closing quote stands? */
function closingAhead(text: string, i: number): boolean {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charAt(j);
    if (c !== "'" && c !== '’') continue;
    const before = text.charAt(j - 1);
    const after = text.charAt(j + 1);
    if (before !== '' && !/\s/.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}

class Stack {
  private readonly open: Kind[] = [];
  has(kind: Kind): boolean {
    return this.open.includes(kind);
  }
  push(kind: Kind): void {
    this.open.push(kind);
  }
  /** Closes the innermost quote of `kind` and anything left open inside it. */
  close(kind: Kind): void {
    const at = this.open.lastIndexOf(kind);
    if (at >= 0) this.open.length = at;
  }
}

/** The characters `curl` may change or must see; every other one is copied as it is. */
const QUOTE_LIKE = /[“‘”’"'`´„‚«»‹›「」『』]/g;

export const ENGLISH_MARKS: Marks = { double: ['“', '”'], single: ['‘', '’'] };

/** How a quote mark already in the text moves the stack, under the book's marks. */
function typed(c: string, marks: Marks): ['open' | 'close', Kind] | undefined {
  const d = marks.double ?? ENGLISH_MARKS.double!;
  const s = marks.single ?? ENGLISH_MARKS.single!;
  // A mark that both opens and closes (`»Hallo«` reversed) is decided by its own pair first.
  if (c === d[0]) return ['open', 'double'];
  if (c === d[1]) return ['close', 'double'];
  if (c === s[0]) return ['open', 'single'];
  if (c === s[1]) return ['close', 'single'];
  if (c === '“' || c === '„' || c === '«' || c === '「' || c === '『') return ['open', c === '『' ? 'single' : 'double'];
  if (c === '”' || c === '»' || c === '」') return ['close', 'double'];
  if (c === '‘' || c === '‚' || c === '‹') return ['open', 'single'];
  if (c === '›' || c === '』') return ['close', 'single'];
  return undefined;
}

export function quotes(input: Run, marks: Marks = ENGLISH_MARKS): Run {
  // Feet and inches (5'10") are primes, not quotes.
  const run = rewrite(input, /(?<=\d)'(\d{1,2})"/g, (m) => `′${m[1]}″`, /\d'\d/);
  const text = run.text;
  const stack = new Stack();
  // Only quote-like characters are looked at, and the text is rebuilt from
  // slices: building it a character at a time made a rope of one node per
  // character, which cost a gigabyte on a 20 MB story. Every replacement is
  // one UTF-16 unit, so positions stay the same.
  const pieces: string[] = [];
  let copied = 0;
  // The character written just before the current one, as `curl` sees it.
  let lastAt = -1;
  let lastValue = '';
  QUOTE_LIKE.lastIndex = 0;
  for (let m = QUOTE_LIKE.exec(text); m !== null; m = QUOTE_LIKE.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (run.locked?.[i]) continue;
    const left = i === 0 ? '' : lastAt === i - 1 ? lastValue : text.charAt(i - 1);
    const next = curl(c, text, i, left, stack, marks);
    lastAt = i;
    lastValue = next;
    if (next === c) continue;
    pieces.push(text.slice(copied, i), next);
    copied = i + 1;
  }
  if (copied === 0) return run;
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), owner: run.owner, locked: run.locked };
}

/** The character `c` at `i` becomes, given what was written before it. */
function curl(c: string, text: string, i: number, left: string, stack: Stack, marks: Marks): string {
  const right = text.charAt(i + 1);
  switch (c) {
    case '’':
      if (!(ALNUM.test(left) && LETTER.test(right))) stack.close('single');
      return c;
    case '"':
      return marks.double ? double(left, right, stack, marks.double) : c;
    case "'":
      return single(text, i, left, right, stack, marks.single);
    case '`':
    case '´':
      // A backtick or acute accent between letters is a typed apostrophe (`don´t`).
      return LETTER.test(left) && LETTER.test(right) ? '’' : c;
    default: {
      const t = typed(c, marks);
      if (t?.[0] === 'open') stack.push(t[1]);
      else if (t) stack.close(t[1]);
      return c;
    }
  }
}

/** After a number, with no quote of that kind open, a mark is a prime: `6'`, `12"`. */
const isPrime = (left: string, right: string, open: boolean): boolean => !open && /\d/.test(left) && !LETTER.test(right);

function double(left: string, right: string, stack: Stack, [open, close]: readonly [string, string]): string {
  if (isPrime(left, right, stack.has('double'))) return '″';
  const opens = OPEN_CONTEXT.test(left);
  if (opens && right !== '' && !/\s/.test(right)) {
    stack.push('double');
    return open;
  }
  if (!opens && CLOSE_CONTEXT.test(right)) {
    stack.close('double');
    return close;
  }
  // Glued on both sides or free-standing: the open quotes decide.
  if (stack.has('double')) {
    stack.close('double');
    return close;
  }
  stack.push('double');
  return open;
}

/** `marks` null: an apostrophe is still ’, but a quotation mark stays straight. */
function single(text: string, i: number, left: string, right: string, stack: Stack, marks: readonly [string, string] | null): string {
  if (ALNUM.test(left) && LETTER.test(right)) return '’'; // don't, O'Brien, 1990's, п'ять
  if (isPrime(left, right, stack.has('single'))) return '′';
  const [open, close] = marks ?? ["'", "'"];
  const opens = SINGLE_OPEN_CONTEXT.test(left);
  if (opens && ALNUM.test(right)) {
    if (isElision(text, i)) return '’';
    // Mid-paragraph, a quote that nothing later closes is an elision ('mazing).
    const atStart = left === '' || OPENED.test(left);
    if (!atStart && !closingAhead(text, i)) return '’';
    stack.push('single');
    return open;
  }
  if (!opens && LETTER.test(right) && !stack.has('single')) {
    // Glued after punctuation with nothing open: `he said,'Go'`.
    stack.push('single');
    return open;
  }
  stack.close('single');
  return close;
}

/** A double quote just opened: a single quote after it opens too. */
const OPENED = /^[“„«»「]$/;
