/**
 * Where blocks end up: notes before the story go to the front, notes after it
 * to the back; scene breaks that would open or close a section are dropped;
 * the `notes` option keeps or drops author's notes.
 */
import type { Block, Chapter } from '../model.js';
import type { Diagnostics } from '../diagnostics.js';
import type { TraceEntry } from './assemble.js';
import type { Chaptered } from './chapters.js';

export type NotesMode = 'separate' | 'keep' | 'drop';

export const STRAY_BREAK_RULE = { name: 'stray-scene-break', doc: 'a scene break that would open or close a section, or follow another break: left out' };

export interface Placed {
  /** Captions of pictures before the story, for the title page. */
  captions: Block[];
  front: Block[];
  chapters: Chapter[];
  back: Block[];
  /** Scene breaks left out, each with the rule that left it out. */
  decisions: TraceEntry[];
}

const STORY = new Set<Block['type']>(['paragraph', 'verse', 'blockquote', 'list', 'image']);

export function place(a: Chaptered, notes: NotesMode, file: string, firstLine: number, diags: Diagnostics): Placed {
  const decisions: TraceEntry[] = [];
  const front: Block[] = [];
  const back: Block[] = [];
  const chapters = [...a.chapters];
  // Captions of a printed book's opening pictures belong with its title-page matter.
  const captions = a.preamble.filter((b) => b.type === 'illustration');
  const preamble = a.preamble.filter((b) => b.type !== 'illustration');
  let lead = 0;
  while (preamble[lead]?.type === 'authorNote') lead++;
  const pre = preamble.slice(lead);
  append(front, preamble.slice(0, lead));
  if (pre.some((b) => STORY.has(b.type)) || chapters.length === 0) {
    if (chapters.length > 0) diags.info('untitled-chapter', 'text before the first heading was read as a chapter without a title', pre[0]?.span.start);
    const start = pre[0]?.span.start ?? firstLine;
    const end = pre[pre.length - 1]?.span.end ?? start;
    chapters.unshift({ title: [], blocks: pre, sections: [], span: { file, start, end: chapters.length > 0 ? end : Math.max(end, a.chapters[0]?.span.end ?? end) } });
  } else append(front, pre);

  // Notes after the last story block of the work are its end notes.
  const last = chapters[chapters.length - 1]!;
  const tail = last.sections.length > 0 ? last.sections[last.sections.length - 1]!.blocks : last.blocks;
  let from = tail.length;
  while (from > 0 && tail[from - 1]!.type === 'authorNote') from--;
  append(back, tail.splice(from));

  for (const ch of chapters) {
    dropStrayBreaks(ch.blocks, decisions, diags);
    for (const s of ch.sections) dropStrayBreaks(s.blocks, decisions, diags);
  }

  if (notes === 'keep') {
    const unwrap = (list: Block[]) => list.flatMap((b) => (b.type === 'authorNote' ? b.children : [b]));
    for (const ch of chapters) {
      ch.blocks = unwrap(ch.blocks);
      for (const s of ch.sections) s.blocks = unwrap(s.blocks);
    }
    const tailList = last.sections.length > 0 ? last.sections[last.sections.length - 1]!.blocks : last.blocks;
    append(tailList, unwrap(back.splice(0)));
    return { captions, front: unwrap(front), chapters, back, decisions };
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
    return { captions, front: drop(front), chapters, back: drop(back), decisions };
  }
  return { captions, front, chapters, back, decisions };
}

/** `push(...items)` overflows the stack on very long lists. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}

/** A scene break separates two scenes: never first or last in a section, never two in a row. */
function dropStrayBreaks(blocks: Block[], decisions: TraceEntry[], diags: Diagnostics): void {
  const lastStory = blocks.map((b) => STORY.has(b.type)).lastIndexOf(true);
  let seenStory = false;
  let breakSinceStory = false;
  let kept = 0;
  blocks.forEach((b, i) => {
    if (STORY.has(b.type)) [seenStory, breakSinceStory] = [true, false];
    const why = b.type !== 'sceneBreak' ? '' : !seenStory ? 'opens' : i > lastStory ? 'closes' : breakSinceStory ? 'repeats' : '';
    if (why === '') {
      if (b.type === 'sceneBreak') breakSinceStory = true;
      blocks[kept++] = b;
      return;
    }
    decisions.push({ file: b.span.file, line: b.span.start, rule: STRAY_BREAK_RULE.name, kind: 'ignored', text: '' });
    const what = why === 'repeats' ? 'follows another break' : `${why} its section`;
    diags.info('scene-break-dropped', `scene break at line ${b.span.start} ${what}; left out`, b.span.start);
  });
  blocks.length = kept;
}
