/**
 * Lines of text → paragraphs, by the file's paragraph mode: one per line,
 * unwrapped hard-wrapped lines, or indented first lines. Verse and short
 * dialogue lines inside a wrapped file keep their own lines.
 */
import type { Layout } from '../readers/items.js';
import type { Line } from './lines.js';
import { startsWithQuote } from './shape.js';

export interface Para {
  lines: Line[];
  /** Text of each source line; a paragraph joins them with spaces, verse keeps them apart. */
  parts: string[];
  verse: boolean;
}

const firstWordLength = (s: string): number => {
  const sp = s.indexOf(' ');
  return sp < 0 ? s.length : sp;
};

/** Groups consecutive lines (of one kind) into paragraphs. */
export function paragraphsOf(lines: readonly Line[], layout: Layout): Para[] {
  const out: Para[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length > 0) for (const p of splitRun(run, layout)) out.push(p);
    run = [];
  };
  for (const l of lines) {
    if (run.length > 0 && l.gapBefore > 0) flush();
    run.push(l);
  }
  flush();
  return out;
}

const one = (l: Line): Para => ({ lines: [l], parts: [l.text], verse: false });

function splitRun(run: Line[], layout: Layout): Para[] {
  if (layout.mode === 'line' || layout.mode === 'markup') return run.map(one);
  if (layout.mode === 'blank') {
    // Short unquoted lines set on consecutive lines are verse; anything else, one paragraph a line.
    const verse = run.length >= 2 && run.every((l) => l.text.length <= 60 && !startsWithQuote(l.text));
    return verse ? [{ lines: run, parts: run.map((l) => l.text), verse: true }] : run.map(one);
  }
  if (layout.mode === 'indented') {
    const out: Para[] = [];
    for (const l of run) {
      const last = out[out.length - 1];
      if (last && l.indent === 0) {
        last.lines.push(l);
        last.parts.push(l.text);
      } else out.push(one(l));
    }
    return out;
  }
  // Wrapped: a line that stops well short of the margin, where the next word would have fit,
  // ended on purpose (end of a verse line or of a short speech).
  const ended = run.map((l, i) => {
    const next = run[i + 1];
    return !next || l.text.length + 1 + firstWordLength(next.text) < layout.width * 0.9;
  });
  if (run.length >= 2 && ended.every(Boolean) && !run.every((l) => startsWithQuote(l.text))) {
    return [{ lines: run, parts: run.map((l) => l.text), verse: true }];
  }
  const out: Para[] = [];
  let cur: Line[] = [];
  run.forEach((l, i) => {
    cur.push(l);
    if (ended[i]) {
      out.push({ lines: cur, parts: cur.map((x) => x.text), verse: false });
      cur = [];
    }
  });
  return out;
}

/** Characters of scripts written without spaces between words (Chinese, Japanese) and their full-width punctuation. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The lines of a hard-wrapped paragraph as one text: joined by a space, but
 * by nothing where both sides are Chinese or Japanese, whose words have no
 * spaces between them.
 */
export function joinLines(parts: readonly string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i]!;
    out += UNSPACED.test(out.slice(-1)) && UNSPACED.test(next.charAt(0)) ? next : ` ${next}`;
  }
  return out;
}
