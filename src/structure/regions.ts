/**
 * Rules that read a stretch of lines rather than one. Author's notes are told
 * from story text by where they stand as much as by what they say (before
 * the first heading, right after one, after the last story paragraph of a
 * chapter); an epigraph's quotation is only known once its attribution line
 * is read; a scene break left as extra blank lines only by comparing gaps.
 * Each rule names the lines it claims, and the pass gives them its kind and
 * its name, so `quire inspect` shows which rule decided every line.
 */
import type { Layout } from '../readers/items.js';
import type { Classified, Data, Kind } from './rules.js';
import { frontMatterClaims, prefaceHeadingClaims, repeatedTitleClaims, titleBlockClaims } from './title-block.js';
import { quotationStart } from './quotation.js';
import { findGlue, startsWithQuote } from './shape.js';

/** What the work's front matter, sidecar or flags say already, which a story's own lines need not. */
export interface Given {
  title?: string;
}

export interface RegionRule {
  name: string;
  /** What the lines it claims become. */
  kind: Kind;
  doc: string;
  /** The positions (in the classified stream) of the lines this rule claims, or each with what it becomes. */
  find(cls: readonly Classified[], layout: Layout, given: Given): Array<number | { at: number; kind: Kind; data: Data }>;
}

/** Words an author uses to talk to readers, not to tell the story. */
const NOTE_TALK =
  /\b(reviews?|reviewers?|reviewing|(?:who|for|all the|your) review(?:ed|ing|s)?|thank(?:s| you)(?: so much)? (?:to )?(?:everyone|all of you|you all|you guys|my readers)|r\s*&\s*r|readers|favou?rited|alerted|followers|disclaimer|(?:don'?t|do not|doesn'?t) own|on with the (?:story|chapter|fic)|without further ado|enjoy(?:!| the chapter| reading)|updated?|updates|beta(?:-?read|ed)?|hiatus|(?:this|that|the|last|next|previous|new|final) (?:chapter|fic|fanfic|story|one-?shot)|thanks? (?:you )?(?:so much |again |all |everyone |guys )*for)(?!\w)/i;
/** Authors speak in the first or second person to readers. */
const PERSONAL = /\b(I|I'm|I'd|I've|I'll|my|me|you|your|you're|we|our|please)\b|\benjoy!|^(enjoy|thanks|thank)\b/i;
const SIGN_OFF =
  /^(?:[*~\-–—_\s]*(?:peace|cheers|ciao|later|bye|toodles|xoxo|hugs|r\s*&\s*r|r\s*and\s*r|read\s*(?:&|and)\s*review|please\s+review|review(?:\s+please)?|reviews\s+are\s+love)[\s!.,*~\-_:)(]*|[~\-–—]+\s*\p{Lu}[\p{L}.]{1,20}[~\-–—]*|(?:love|cheers|hugs|best|yours),?\s+\p{Lu}[\p{L}]{1,20}[!.]*)$/iu;

export function isNoteTalk(s: string): boolean {
  const head = s.slice(0, 1000);
  return !startsWithQuote(head) && NOTE_TALK.test(head) && PERSONAL.test(head);
}

export function isSignOff(s: string): boolean {
  return s.length <= 40 && SIGN_OFF.test(s);
}

const isPara = (c: Classified | undefined): boolean => c?.kind === 'paragraph';
const talks = (c: Classified): boolean => isNoteTalk(c.line.text) || isSignOff(c.line.text);
const wrappedText = (layout: Layout): boolean => layout.mode === 'wrapped' || layout.mode === 'indented';
/** Where a heading opens a division: the stretches notes are looked for in run from one to the next. */
const HEADS: ReadonlySet<Kind> = new Set(['part', 'chapter', 'heading']);

/** [start, end) of each division: from each heading to the next, or the whole stream when there is none. */
function divisions(cls: readonly Classified[]): Array<[number, number]> {
  const heads: number[] = [];
  cls.forEach((c, i) => HEADS.has(c.kind) && heads.push(i));
  const bounds = heads.length === 0 ? [0] : heads;
  return bounds.map((start, h) => [start, bounds[h + 1] ?? cls.length]);
}

/** Past the heading and what may stand right under it (its title, an epigraph, a POV line). */
function afterHead(cls: readonly Classified[], start: number, end: number): number {
  let k = start;
  while (k < end && ['part', 'chapter', 'heading', 'chapterTitle', 'epigraph', 'cite', 'section', 'pov', 'sceneBreak'].includes(cls[k]!.kind)) k++;
  return k;
}

/** The labelled note a line goes on from: the `note-label` line of its division before it, if any. */
function lastLabel(cls: readonly Classified[], start: number, i: number): number {
  for (let k = i - 1; k >= start; k--) if (cls[k]!.rule === 'note-label') return k;
  return -1;
}

export const REGION_RULES: readonly RegionRule[] = [
  {
    name: 'title-block',
    kind: 'meta',
    doc: 'the title over a byline at the top (`PRIDE.` / `and` / `PREJUDICE` / `by` / `Jane Austen`, `The Long Way Round` / `By Name`, `DIE VERWANDLUNG` / `VON` / `FRANZ KAFKA`): the title and the author',
    find: titleBlockClaims,
  },
  {
    name: 'preface-heading',
    kind: 'chapter',
    doc: "a line in capitals right above the first real prose of a printed book's title page (`TO MY YOUNG READERS!`): the heading of a preface, which is a chapter, not title-page matter",
    find: prefaceHeadingClaims,
  },
  {
    name: 'front-matter',
    kind: 'frontMatter',
    doc: "a printed book's title-page matter: what stands before the first real heading of a hard-wrapped text with a title block (a half-title, an imprint, a dedication), shown on the title page",
    find: frontMatterClaims,
  },
  {
    name: 'title-repeated',
    kind: 'meta',
    doc: "the work's title set again right above a part or chapter, after the front matter (a half-title): read as the title, not as an empty chapter",
    find: repeatedTitleClaims,
  },
  {
    name: 'glued-epigraph',
    kind: 'epigraph',
    doc: 'an epigraph quotation glued to the paragraph before it (`…okay.""That…`)',
    find: (cls) => cls.flatMap((c, i) => (c.kind === 'cite' && isPara(cls[i - 1]) && findGlue(cls[i - 1]!.line.text) > 0 ? [i - 1] : [])),
  },
  {
    name: 'epigraph-quote',
    kind: 'epigraph',
    doc: 'the quotation above an attribution line: the paragraph before it, a few short lines, or lyric lines in italics',
    find: (cls, layout) =>
      cls.flatMap((c, i) => {
        if (c.kind !== 'cite' || findGlue(cls[i - 1]?.line.text ?? '') > 0) return [];
        const first = quotationStart(cls.slice(0, i), layout);
        return first < 0 ? [] : Array.from({ length: i - first }, (_, k) => first + k);
      }),
  },
  {
    name: 'note-before-first-heading',
    kind: 'note',
    doc: 'a short stretch of text before the first heading: a few paragraphs, a labelled note, or the author talking to readers',
    find: (cls, layout) => {
      const first = cls.findIndex((c) => HEADS.has(c.kind));
      if (first <= 0) return [];
      const pre = cls.slice(0, first);
      const paras = pre.flatMap((c, i) => (isPara(c) ? [i] : []));
      const limit = wrappedText(layout) ? 30 : 8;
      const labelled = pre.some((c) => c.rule === 'note-label');
      const short = paras.length > 0 && paras.length <= limit;
      return short && (paras.length <= 2 || labelled || paras.some((i) => isNoteTalk(cls[i]!.line.text))) ? paras : [];
    },
  },
  {
    name: 'note-at-chapter-start',
    kind: 'note',
    doc: 'the author talking to readers right after a heading',
    find: (cls) =>
      divisions(cls).flatMap(([start, end]) => {
        const out: number[] = [];
        for (let k = afterHead(cls, start, end); k < end && isPara(cls[k]) && isNoteTalk(cls[k]!.line.text); k++) out.push(k);
        return out;
      }),
  },
  {
    name: 'note-until-break',
    kind: 'note',
    doc: 'a few lines after a heading, ended by a scene-break line, that hold a note and end like one (`Anyway, enjoy!`): all of it is the note',
    find: (cls) =>
      divisions(cls).flatMap(([start, end]) => {
        let k = afterHead(cls, start, end);
        while (k < end && cls[k]!.kind === 'note') k++;
        const sep = cls.slice(k, Math.min(end, k + 8)).findIndex((c) => c.kind === 'sceneBreak');
        if (sep <= 0) return [];
        const head = cls.slice(k, k + sep);
        const noted = head.some((c) => c.kind === 'note') || (k > start && cls[k - 1]!.kind === 'note');
        const last = head[head.length - 1]!;
        const endsLikeNote = last.kind === 'note' || talks(last);
        if (!noted || !endsLikeNote || !head.every((c) => isPara(c) || c.kind === 'note')) return [];
        return head.flatMap((c, j) => (isPara(c) ? [k + j] : []));
      }),
  },
  {
    name: 'note-at-chapter-end',
    kind: 'note',
    doc: 'the author talking to readers, or signing off, after the last story paragraph of a chapter',
    find: (cls) =>
      divisions(cls).flatMap(([start, end]) => {
        const out: number[] = [];
        let k = end - 1;
        while (k > start && (cls[k]!.kind === 'endMark' || cls[k]!.kind === 'sceneBreak')) k--;
        for (; k > start; k--) {
          const c = cls[k]!;
          if (c.kind === 'note') continue;
          if (isPara(c) && talks(c)) out.push(k);
          else break;
        }
        return out;
      }),
  },
  {
    name: 'note-continued',
    kind: 'note',
    doc: "more of a labelled note: the paragraph under a bare label, reader talk, a sign-off or the note's own wrapped lines, and the rest of the chapter when only a few lines are left",
    find: (cls, layout) =>
      divisions(cls).flatMap(([start, end]) => {
        const out = new Set<number>();
        const isNote = (i: number) => cls[i]!.kind === 'note' || out.has(i);
        let label = -1;
        for (let i = start; i < end; i++) {
          const c = cls[i]!;
          if (c.rule === 'note-label') {
            label = i;
            if (c.data.bare && isPara(cls[i + 1]) && i + 1 < end) out.add(i + 1);
            continue;
          }
          if (isNote(i) || !isPara(c) || label < 0 || !isNote(i - 1)) continue;
          if (talks(c) || (wrappedText(layout) && c.line.gapBefore === 0)) out.add(i);
        }
        label = lastLabel(cls, start, end);
        if (label >= 0) {
          const rest = cls.slice(label + 1, end);
          const paras = rest.flatMap((c, j) => (isPara(c) && !out.has(label + 1 + j) ? [label + 1 + j] : []));
          const onlyText = rest.every((c) => isPara(c) || c.kind === 'note');
          if (onlyText && paras.length <= (wrappedText(layout) ? 12 : 3)) for (const i of paras) out.add(i);
        }
        return [...out].sort((a, b) => a - b);
      }),
  },
];

/**
 * A gap wider than normal between two story paragraphs is a scene break (FF.net
 * strips `<hr>`, so a break often survives only as extra blank lines), when
 * such gaps are rare; gaps around headings and notes are only spacing.
 */
export const GAP_BREAK_RULE = {
  name: 'blank-lines-break',
  doc: 'more blank lines than usually separate paragraphs: a scene break, where such gaps are rare (in one-paragraph-a-line text, not in hard-wrapped text)',
  /** The paragraphs with a wider gap before them, and the layout with `gapBreaks` settled. */
  find(cls: readonly Classified[], layout: Layout): { at: number[]; layout: Layout } {
    const wide: number[] = [];
    let boundaries = 0;
    for (let i = 1; i < cls.length; i++) {
      if (!isPara(cls[i]) || !isPara(cls[i - 1])) continue;
      const gap = cls[i]!.line.gapBefore;
      // In wrapped text only gaps between runs separate paragraphs.
      if (layout.normalGap > 0 && gap === 0) continue;
      boundaries++;
      if (gap > layout.normalGap) wide.push(i);
    }
    // Hard-wrapped texts (published books) space their title pages, letters and verse with blank
    // lines and mark their breaks with symbols: there a gap is only spacing.
    const spacedOnly = layout.mode === 'markup' || layout.mode === 'wrapped' || layout.mode === 'indented';
    const gapBreaks = !spacedOnly && wide.length > 0 && wide.length / boundaries <= 0.3;
    return { at: gapBreaks ? wide : [], layout: { ...layout, wideGaps: wide.length, gapBreaks } };
  },
};

/** Runs every region rule in order over the classified lines, then marks where notes begin. */
export function markRegions(cls: Classified[], layout: Layout, given: Given = {}): Layout {
  for (const rule of REGION_RULES) {
    for (const found of rule.find(cls, layout, given)) {
      const c = cls[typeof found === 'number' ? found : found.at]!;
      c.kind = typeof found === 'number' ? rule.kind : found.kind;
      c.rule = rule.name;
      if (typeof found !== 'number') c.data = found.data;
      else if (rule.name === 'glued-epigraph') c.data = { glueAt: findGlue(c.line.text) };
    }
  }
  const gaps = GAP_BREAK_RULE.find(cls, layout);
  for (const i of gaps.at) cls[i]!.data.breakBefore = GAP_BREAK_RULE.name;
  // A note begins at a label, or where notes follow something else.
  cls.forEach((c, i) => {
    if (c.kind === 'note') c.data.noteStart = c.rule === 'note-label' || cls[i - 1]?.kind !== 'note';
  });
  return gaps.layout;
}
