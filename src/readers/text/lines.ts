/**
 * Source lines as the detector sees them: only the non-blank ones, each with
 * the size of the blank gap around it, because plain-text stories mark their
 * structure with spacing as much as with words.
 */

export interface Line {
  /** Source line number (1-based, after `firstLine`). */
  no: number;
  /** The line without surrounding whitespace (non-breaking spaces included). */
  text: string;
  /** Leading whitespace width; tabs count as four. */
  indent: number;
  /** Blank lines between the previous non-blank line (or the start) and this one. */
  gapBefore: number;
  /** Blank lines between this one and the next non-blank line (or the end). */
  gapAfter: number;
  /** Position in the non-blank line list. */
  index: number;
}

export function toLines(text: string, firstLine = 1): Line[] {
  const out: Line[] = [];
  const raw = text.split('\n');
  let gap = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i] ?? '';
    const t = r.trim();
    if (t === '') {
      gap++;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev) prev.gapAfter = gap;
    out.push({ no: firstLine + i, text: t, indent: indentOf(r), gapBefore: gap, gapAfter: 0, index: out.length });
    gap = 0;
  }
  const last = out[out.length - 1];
  // A trailing newline is not a blank line of its own.
  if (last) last.gapAfter = Math.max(0, gap - (text.endsWith('\n') ? 1 : 0));
  return out;
}

function indentOf(raw: string): number {
  let w = 0;
  for (const ch of raw) {
    if (ch === '\t') w += 4;
    else if (ch === ' ' || ch === '\u00a0' || ch === '\u3000' || ch === '\u2003' || ch === '\u2002') w++;
    else break;
  }
  return w;
}
