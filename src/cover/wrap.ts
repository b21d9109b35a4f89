/**
 * Wrapping and fitting: pick the largest size at which a text fits its box,
 * then balance the lines so the last one is not a lonely word.
 */
import type { FontRole } from './fonts.js';
import { type ShapedText, shapeText } from './shape.js';

/** A piece of text the line may break after. */
interface Atom {
  text: string;
  spaceAfter: boolean;
  /** Width at 1 px font size. */
  width: number;
}

// Ideographs and kana may break between any two characters...
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// ...except before closing punctuation or after opening punctuation.
const NO_BREAK_BEFORE = /^[、。，．・：；？！）」』】〕〉》”’ー々〻ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)\]}]/u;
const NO_BREAK_AFTER = /[（「『【〔〈《“‘(\[{]$/u;

// Made on first use: the first Intl.Segmenter loads ICU's break data (~15 ms
// of every thread's start), and a title without ideographs, kana or
// combining marks never needs one (see splitPlain).
let segmenters: { graphemes: Intl.Segmenter; words: Intl.Segmenter } | undefined;
function segmenter(): NonNullable<typeof segmenters> {
  // ICU's dictionary finds word boundaries in Chinese and Japanese, so lines break between words.
  segmenters ??= { graphemes: new Intl.Segmenter('und', { granularity: 'grapheme' }), words: new Intl.Segmenter('und', { granularity: 'word' }) };
  return segmenters;
}

// Hyphens, dashes and the slash: a line may break after one.
const HYPHEN = '[-‐‑–—/]';
const HYPHEN_AFTER = new RegExp(`${HYPHEN}$`, 'u');

/** Where a word may break across lines: between ideographs, and after hyphens when `atHyphens`. */
export const splitWord = (word: string, atHyphens: boolean): string[] => splitPlain(word, atHyphens) ?? segmentWord(word, atHyphens);

/** splitWord by ICU's word boundaries: any script. Exported for tests. */
export function segmentWord(word: string, atHyphens: boolean): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const { segment } of segmenter().words.segment(word)) {
    const breakHere = cur !== '' && !NO_BREAK_AFTER.test(cur) && !NO_BREAK_BEFORE.test(segment) && ((CJK.test(segment) && CJK.test(cur.slice(-1))) || (atHyphens && HYPHEN_AFTER.test(cur)));
    if (breakHere) {
      parts.push(cur);
      cur = '';
    }
    cur += segment;
  }
  if (cur) parts.push(cur);
  return parts;
}

// Marks and format characters (a combining accent, a zero-width joiner) join
// the character before them, which only a segmenter knows to keep whole.
const NEEDS_SEGMENTER = /[\p{M}\p{Cf}]/u;
const HYPHENS = new RegExp(HYPHEN, 'gu');

/**
 * splitWord without ICU, for a word with no ideographs or kana: such a word
 * breaks only after a hyphen or slash, and a word boundary always follows one
 * there (UAX #29), so the breaks are the hyphens not followed by closing
 * punctuation. Undefined when the segmenter must decide.
 */
function splitPlain(word: string, atHyphens: boolean): string[] | undefined {
  if (CJK.test(word) || NEEDS_SEGMENTER.test(word)) return undefined;
  if (!word) return [];
  if (!atHyphens) return [word];
  const parts: string[] = [];
  let start = 0;
  for (const m of word.matchAll(HYPHENS)) {
    const end = m.index + m[0].length;
    if (end < word.length && !NO_BREAK_BEFORE.test(word.slice(end))) {
      parts.push(word.slice(start, end));
      start = end;
    }
  }
  parts.push(word.slice(start));
  return parts;
}

function atomize(text: string, role: FontRole, atHyphens: boolean): Atom[] {
  const atoms: Atom[] = [];
  const words = text.trim().split(/\s+/u).filter(Boolean);
  for (const word of words) {
    const parts = splitWord(word, atHyphens);
    parts.forEach((p, i) => {
      const width = shapeText(p, role, 1).width;
      // A word no font can draw (an emoji, say) would leave a double space behind.
      if (width > 0) atoms.push({ text: p, spaceAfter: i === parts.length - 1, width });
    });
  }
  return atoms;
}

// Scripts where a word split across lines is marked with a hyphen.
const HYPHENATED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]$/u;

/** Break an atom wider than a whole line into grapheme pieces that fit. */
function chop(atom: Atom, max: number, role: FontRole): Atom[] {
  const out: Atom[] = [];
  const piece = (text: string): string => (HYPHENATED.test(text) ? `${text}-` : text);
  let cur = '';
  for (const { segment } of segmenter().graphemes.segment(atom.text)) {
    if (cur && shapeText(piece(cur + segment), role, 1).width > max) {
      out.push({ text: piece(cur), spaceAfter: false, width: shapeText(piece(cur), role, 1).width });
      cur = '';
    }
    cur += segment;
  }
  out.push({ text: cur, spaceAfter: atom.spaceAfter, width: shapeText(cur, role, 1).width });
  return out;
}

function joinLine(atoms: Atom[]): string {
  return atoms.map((a, i) => a.text + (a.spaceAfter && i < atoms.length - 1 ? ' ' : '')).join('');
}

/** Greedy wrap at a width given in units of the font size. */
function wrap(atoms: Atom[], max: number, space: number): Atom[][] {
  const lines: Atom[][] = [];
  let cur: Atom[] = [];
  let w = 0;
  for (const atom of atoms) {
    const prev = cur[cur.length - 1];
    const add = atom.width + (prev?.spaceAfter ? space : 0);
    if (prev && w + add > max) {
      lines.push(cur);
      cur = [atom];
      w = atom.width;
    } else {
      cur.push(atom);
      w += add;
    }
  }
  if (cur.length) lines.push(cur);
  return lines;
}

/** The narrowest width that keeps the same number of lines: even lines, no orphan. */
function balance(atoms: Atom[], max: number, space: number): Atom[][] {
  const greedy = wrap(atoms, max, space);
  if (greedy.length < 2) return greedy;
  let lo = 0;
  let hi = max;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(atoms, mid, space).length > greedy.length) lo = mid;
    else hi = mid;
  }
  return wrap(atoms, hi, space);
}

export interface FitBox {
  maxWidth: number;
  maxHeight: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
}

export interface FittedText {
  size: number;
  lineHeight: number;
  lines: ShapedText[];
}

function shapeLines(lines: string[], role: FontRole, size: number): FittedText {
  const shaped = lines.map((l) => shapeText(l, role, size));
  const leading = Math.max(...shaped.map((s) => s.leading));
  return { size, lineHeight: size * leading, lines: shaped };
}

/** Fewer lines than this share of the widest line reads as a stray word. */
const SHORT_LINE = 0.5;

/**
 * The largest size (stepping down 4%) at which the text fits the box. A fit
 * with a stray short line gives way to a slightly smaller one without;
 * words are split only at the smallest size, and an ellipsis is the last resort.
 */
export function fitText(text: string, role: FontRole, box: FitBox): FittedText {
  // Big type keeps "Twenty-Seven" whole; once the size has come down, hyphens are fair breaks.
  const whole = atomize(text, role, false);
  const fine = atomize(text, role, true);
  const space = shapeText(' ', role, 1).width;
  let first: FittedText | undefined;
  for (let size = box.maxSize; ; size = Math.max(box.minSize, Math.floor(size * 0.96))) {
    const max = box.maxWidth / size;
    const last = size === box.minSize;
    const base = size <= box.maxSize / 2 || last ? fine : whole;
    // A long word may be split once the size has come down to half; a short one only as a last resort.
    const splittable = (a: Atom): boolean => last || (size <= box.maxSize / 2 && [...a.text].length > 10);
    if (base.some((a) => a.width > max && !splittable(a))) continue;
    const atoms = base.flatMap((a) => (a.width > max ? chop(a, max, role) : [a]));
    const lines = balance(atoms, max, space).map(joinLine);
    const fitted = shapeLines(lines, role, size);
    const fits = lines.length <= box.maxLines && fitted.lineHeight * lines.length <= box.maxHeight && fitted.lines.every((l) => l.width <= box.maxWidth);
    if (fits) {
      const widest = Math.max(...fitted.lines.map((l) => l.width));
      const ragged = fitted.lines.some((l) => l.width < SHORT_LINE * widest);
      first ??= fitted;
      if (!ragged) return fitted;
      if (size < first.size * 0.8 || last) return first;
    } else if (first) return first;
    if (last) return first ?? truncate(fitted, role, box);
  }
}

function truncate(fitted: FittedText, role: FontRole, box: FitBox): FittedText {
  const room = Math.max(1, Math.min(box.maxLines, Math.floor(box.maxHeight / fitted.lineHeight)));
  const keep = fitted.lines.slice(0, room).map((l) => l.text);
  let last = keep.pop() ?? '';
  const ellipsed = (): string => `${last.trimEnd()}…`;
  while (last && shapeText(ellipsed(), role, fitted.size).width > box.maxWidth) last = [...last].slice(0, -1).join('');
  keep.push(ellipsed());
  return shapeLines(keep, role, fitted.size);
}
