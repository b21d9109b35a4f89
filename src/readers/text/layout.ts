/**
 * How a file lays out its paragraphs, decided from the whole file's
 * statistics: a few odd lines at the top (a title, a disclaimer) must not
 * decide how the other thousand are read.
 */
import type { Layout, ParagraphMode, TextItem } from '../items.js';

type Line = Pick<TextItem, 'text' | 'indent' | 'gapBefore' | 'gapAfter'>;

export function detectLayout(lines: readonly Line[]): Layout {
  const n = lines.length;
  if (n < 2) return { mode: 'line', width: 0, normalGap: 0, gapBreaks: false, wideGaps: 0 };
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const p95 = lengths[Math.min(n - 1, Math.floor(n * 0.95))] ?? 0;
  let blankGaps = 0;
  let inRuns = 0;
  let indented = 0;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (i > 0 && l.gapBefore > 0) blankGaps++;
    const joined = (i > 0 && l.gapBefore === 0) || (i < n - 1 && l.gapAfter === 0);
    if (joined) inRuns++;
    if (l.indent > 0) indented++;
  }
  // Wrapped text has a hard right margin: most lines end within a few columns of it.
  const nearMargin = lengths.filter((len) => len >= p95 - 15 && len <= p95).length / n;
  // …and most of its lines stop mid-sentence, where one-per-line text ends each line with a full stop.
  const midSentence = lines.filter((l, i) => i < n - 1 && l.gapAfter === 0 && !/[.!?"”'’…:;)\]*_~-]$/.test(l.text)).length / n;
  const wrapped = p95 >= 30 && p95 <= 100 && nearMargin >= 0.4 && midSentence >= 0.3;
  const runShare = inRuns / n;
  const indentShare = indented / n;

  let mode: ParagraphMode;
  if (wrapped && runShare >= 0.5) {
    mode = indentShare >= 0.05 && indentShare <= 0.7 && blankGaps / n < 0.05 ? 'indented' : 'wrapped';
  } else if (blankGaps === 0 || runShare >= 0.5) {
    mode = 'line';
  } else {
    mode = 'blank';
  }
  const width = mode === 'wrapped' || mode === 'indented' ? p95 : 0;
  const normalGap = mode === 'line' ? 0 : mode === 'indented' && blankGaps / n < 0.05 ? 0 : commonGap(lines);
  return { mode, width, normalGap, gapBreaks: false, wideGaps: 0 };
}

/** The most frequent non-zero gap between runs of lines. */
function commonGap(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i]!.gapBefore;
    if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best = 1;
  let bestCount = 0;
  for (const [g, c] of counts) if (c > bestCount || (c === bestCount && g < best)) [best, bestCount] = [g, c];
  return best;
}
