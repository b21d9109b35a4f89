/**
 * Author's notes are told from story text by where they stand as much as by
 * what they say: before the first heading, right after a heading, or after
 * the last story paragraph of a chapter. This pass looks at those stretches.
 */
import type { Layout } from '../readers/text/layout.js';
import { isNoteTalk, isSignOff, type Classified } from './rules.js';

const toNote = (c: Classified, rule: string): void => {
  c.kind = 'note';
  c.rule = rule;
};
const isPara = (c: Classified | undefined): boolean => c?.kind === 'paragraph';

export function markNotes(cls: Classified[], layout: Layout): void {
  const wrapped = layout.mode === 'wrapped' || layout.mode === 'indented';
  const heads: number[] = [];
  cls.forEach((c, i) => c.kind === 'chapter' && heads.push(i));

  // Text before the first heading: a short stretch is the author talking, a long one is the story.
  const first = heads[0] ?? -1;
  if (first > 0) {
    const pre = cls.slice(0, first);
    const paras = pre.filter(isPara);
    const limit = wrapped ? 30 : 8;
    const labelled = pre.some((c) => c.rule === 'note-label');
    if (paras.length > 0 && paras.length <= limit && (paras.length <= 2 || labelled || paras.some((c) => isNoteTalk(c.line.text)))) {
      for (const c of paras) toNote(c, 'note-before-first-heading');
    }
  }

  const bounds = heads.length === 0 ? [0] : heads;
  bounds.forEach((start, h) => {
    const end = bounds[h + 1] ?? cls.length;
    // Right after the heading (and its title, epigraph, POV line).
    let k = start;
    while (k < end && ['chapter', 'chapterTitle', 'epigraph', 'cite', 'section', 'pov', 'sceneBreak'].includes(cls[k]!.kind)) k++;
    while (k < end && isPara(cls[k]) && isNoteTalk(cls[k]!.line.text)) toNote(cls[k++]!, 'note-at-chapter-start');
    // A few lines ended by a scene-break line, when they include a note, are all the note.
    const sep = cls.slice(start, Math.min(end, k + 8)).findIndex((c, j) => start + j >= k && c.kind === 'sceneBreak');
    if (sep > 0) {
      const head = cls.slice(k, start + sep);
      const noted = head.some((c) => c.kind === 'note') || (k > start && cls[k - 1]!.kind === 'note');
      // The note must end like one (`Anyway, enjoy!`), or story lines before a first break would be taken.
      const last = head[head.length - 1];
      const endsLikeNote = !!last && (last.kind === 'note' || isNoteTalk(last.line.text) || isSignOff(last.line.text));
      if (noted && endsLikeNote && head.every((c) => isPara(c) || c.kind === 'note')) for (const c of head) if (isPara(c)) toNote(c, 'note-continued');
    }

    // After the last story paragraph.
    k = end - 1;
    while (k > start && (cls[k]!.kind === 'endMark' || cls[k]!.kind === 'sceneBreak')) k--;
    for (; k > start; k--) {
      const c = cls[k]!;
      if (c.kind === 'note') continue;
      if (isPara(c) && (isNoteTalk(c.line.text) || isSignOff(c.line.text))) toNote(c, 'note-at-chapter-end');
      else break;
    }

    // A labelled note goes on over reader talk and sign-offs, over its wrapped lines, and to
    // the end of the chapter when only a few lines are left.
    let lastLabel = -1;
    for (let i = start; i < end; i++) {
      const c = cls[i]!;
      if (c.rule === 'note-label') {
        lastLabel = i;
        const next = cls[i + 1];
        if (c.data.bare && next && isPara(next)) toNote(next, 'note-continued');
        continue;
      }
      if (c.kind === 'note' || !isPara(c) || lastLabel < 0 || cls[i - 1]?.kind !== 'note') continue;
      if (isNoteTalk(c.line.text) || isSignOff(c.line.text) || (wrapped && c.line.gapBefore === 0)) toNote(c, 'note-continued');
    }
    if (lastLabel >= 0) {
      const rest = cls.slice(lastLabel + 1, end);
      const paras = rest.filter(isPara);
      const onlyText = rest.every((c) => isPara(c) || c.kind === 'note');
      if (onlyText && paras.length <= (wrapped ? 12 : 3)) for (const c of paras) toNote(c, 'note-continued');
    }
  });

  // A note begins at a label, or where notes follow something else.
  cls.forEach((c, i) => {
    if (c.kind !== 'note') return;
    const before = cls[i - 1];
    c.data.noteStart = c.rule === 'note-label' || before?.kind !== 'note';
  });
}
