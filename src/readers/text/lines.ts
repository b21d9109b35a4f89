/**
 * Plain text → one item per non-blank line, each with the size of the blank
 * gap around it, because plain-text stories mark their structure with spacing
 * as much as with words.
 */
import type { TextItem } from '../items.js';

export function toLines(text: string, file: string, firstLine = 1): TextItem[] {
  const out: TextItem[] = [];
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
    const no = firstLine + i;
    out.push({ type: 'text', text: t, span: { file, start: no, end: no }, indent: indentOf(r), gapBefore: gap, gapAfter: 0 });
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
