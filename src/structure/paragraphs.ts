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
