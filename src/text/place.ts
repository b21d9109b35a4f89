/**
 * Where blocks end up: notes before the story go to the front, notes after it
 * to the back; scene breaks that would open or close a section are dropped;
 * the `notes` option keeps or drops author's notes.
 */
import type { Block, Chapter } from '../model.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Assembled } from './assemble.js';

export type NotesMode = 'separate' | 'keep' | 'drop';

export interface Placed { front: Block[]; chapters: Chapter[]; back: Block[] }

const STORY = new Set<Block['type']>(['paragraph', 'verse', 'blockquote', 'list', 'image']);

export function place(a: Assembled, notes: NotesMode, file: string, firstLine: number, diags: Diagnostics): Placed {
  const front: Block[] = [];
  const back: Block[] = [];
  const chapters = [...a.chapters];
  const pre = [...a.preamble];
  while (pre[0]?.type === 'authorNote') front.push(pre.shift()!);
  if (pre.some((b) => STORY.has(b.type)) || chapters.length === 0) {
    if (chapters.length > 0) diags.info('untitled-chapter', 'text before the first heading was read as a chapter without a title', pre[0]?.span.start);
    const start = pre[0]?.span.start ?? firstLine;
    const end = pre[pre.length - 1]?.span.end ?? start;
    chapters.unshift({ title: [], blocks: pre, sections: [], span: { file, start, end: chapters.length > 0 ? end : Math.max(end, a.chapters[0]?.span.end ?? end) } });
  } else front.push(...pre);

  // Notes after the last story block of the work are its end notes.
  const last = chapters[chapters.length - 1]!;
  const tail = last.sections.length > 0 ? last.sections[last.sections.length - 1]!.blocks : last.blocks;
  const ending: Block[] = [];
  while (tail.length > 0 && tail[tail.length - 1]!.type === 'authorNote') ending.unshift(tail.pop()!);
  back.push(...ending);

  for (const ch of chapters) {
    dropStrayBreaks(ch.blocks, a, diags);
    for (const s of ch.sections) dropStrayBreaks(s.blocks, a, diags);
  }

  if (notes === 'keep') {
    const unwrap = (list: Block[]) => list.flatMap((b) => (b.type === 'authorNote' ? b.children : [b]));
    for (const ch of chapters) {
      ch.blocks = unwrap(ch.blocks);
      for (const s of ch.sections) s.blocks = unwrap(s.blocks);
    }
    const tailList = last.sections.length > 0 ? last.sections[last.sections.length - 1]!.blocks : last.blocks;
    tailList.push(...unwrap(back.splice(0)));
    return { front: unwrap(front), chapters, back };
  }
  if (notes === 'drop') {
    const drop = (list: Block[]) =>
      list.filter((b) => {
        if (b.type !== 'authorNote') return true;
        diags.info('note-dropped', `author's note (lines ${b.span.start}–${b.span.end}) left out (notes: drop)`, b.span.start);
        return false;
      });
    for (const ch of chapters) {
      ch.blocks = drop(ch.blocks);
      for (const s of ch.sections) s.blocks = drop(s.blocks);
    }
    return { front: drop(front), chapters, back: drop(back) };
  }
  return { front, chapters, back };
}

/** A scene break separates two scenes: never first or last in a section, never two in a row. */
function dropStrayBreaks(blocks: Block[], a: Assembled, diags: Diagnostics): void {
  let lastStory = blocks.map((b) => STORY.has(b.type)).lastIndexOf(true);
  let seenStory = false;
  let breakSinceStory = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (STORY.has(b.type)) [seenStory, breakSinceStory] = [true, false];
    if (b.type !== 'sceneBreak') continue;
    const why = !seenStory ? 'opens' : i > lastStory ? 'closes' : breakSinceStory ? 'repeats' : '';
    if (why === '') {
      breakSinceStory = true;
      continue;
    }
    blocks.splice(i, 1);
    if (i < lastStory) lastStory--;
    i--;
    const entry = breakEntries(a).get(b.span.start);
    if (entry) entry.kind = 'ignored';
    const what = why === 'repeats' ? 'follows another break' : `${why} its section`;
    diags.info('scene-break-dropped', `scene break at line ${b.span.start} ${what}; left out`, b.span.start);
  }
}

const entries = new WeakMap<Assembled, Map<number, Assembled['trace'][number]>>();
function breakEntries(a: Assembled): Map<number, Assembled['trace'][number]> {
  let m = entries.get(a);
  if (!m) {
    m = new Map(a.trace.filter((t) => t.kind === 'sceneBreak').map((t) => [t.line, t]));
    entries.set(a, m);
  }
  return m;
}
