/**
 * Every rule the plain-text detector knows, in the order it tries them, each
 * with a name `quire inspect` prints beside the line it decided. The first
 * rule that matches a line wins; a line no rule claims is a paragraph.
 *
 * Patterns are anchored and tried only on short lines (`max`), so detection
 * stays linear however long a line is.
 */
import type { Layout } from '../readers/items.js';
import type { Line } from './lines.js';
import { FOREIGN_NUMBER, NUMBER, isHeadingNumber } from './numbers.js';
import { quotationStart } from './quotation.js';
import { headingRest, isTitleLike, undecorated } from './shape.js';
import { TABLES, matchByline, matchEndMark, matchField, matchHeading, matchNoteLabel, type HeadingKind } from '../lang/index.js';
import type { ClaimKind } from './claims.js';
import { contentsEntry, contentsKey, splitEntry, type Contents } from './contents.js';

export type Kind =
  | 'meta'
  | 'title'
  | 'part'
  | 'chapter'
  | 'chapterTitle'
  | 'section'
  | 'pov'
  | 'sceneBreak'
  | 'endMark'
  | 'note'
  | 'epigraph'
  | 'cite'
  | 'paragraph'
  /** A markup heading whose words name no division: its depth decides (`structure/chapters.ts`). */
  | 'heading'
  /** A block the markup settled. */
  | 'block'
  /** A printed book's title-page matter (`title-block.ts`). */
  | 'frontMatter'
  /** Claimed before the line rules read anything (`claims.ts`). */
  | ClaimKind;

export interface Data {
  title?: string;
  label?: string;
  /** Work title found in a chapter heading (`Losing Battles Ch. 12`). */
  workTitle?: string;
  /** Heading had no title of its own, so the next line may supply it. */
  untitled?: boolean;
  field?: string;
  value?: string;
  cite?: string;
  pov?: string;
  /** For an epigraph quotation glued to a paragraph: where the quotation starts. */
  glueAt?: number;
  /** An author's note line that starts a new note (it carries a label, or follows story text). */
  noteStart?: boolean;
  /** A note label alone on its line: the note's text follows. */
  bare?: boolean;
  /** The line is read as this kind instead of the rule's own (`Part 2` inside a chapter is a section). */
  as?: Kind;
  /** A markup heading's depth (`##` is 2). */
  depth?: number;
  /** A chapter a site's page structure names: the other headings inside it are sections. */
  fixed?: boolean;
  /** A numbered installment (`Part 2 of 3`): a division of its own, never holding chapters. */
  installment?: boolean;
  /** The rule read the line one way but is not sure of it: said as a warning, and shown by `quire inspect`. */
  doubt?: string;
  /** A region rule put a scene break before this line (more blank lines than paragraphs usually have). */
  breakBefore?: string;
}

export interface Classified {
  line: Line;
  rule: string;
  kind: Kind;
  data: Data;
}

export interface Scan {
  /** Index of the first line that is surely a chapter heading, or -1. */
  firstHeading: number;
  /** Lines that are only a number (`12`, `XII`). */
  numberLines: number;
  /** `Battle 28:` style headings, counted by their word. */
  sectionWords: Map<string, number>;
  /** Title Case lines standing alone after a wide gap. */
  loneTitles: number;
}

export interface RuleContext {
  line: Line;
  text: string;
  prev: Classified | undefined;
  /** Every line read so far, in order (`prev` is the last). */
  before: readonly Classified[];
  next: Line | undefined;
  layout: Layout;
  scan: Scan;
  /** Still before the story: front-matter fields are read here only. */
  inFront: boolean;
  /** A chapter heading has been read already (so `Battle 28:` is a section). */
  seenChapter: boolean;
  /** The rule that read the latest chapter or part heading. */
  lastChapterRule: string | undefined;
  options: { chapterPattern?: RegExp; sceneBreakPattern?: RegExp; givenTitle?: string; languages?: readonly string[] };
  /** The contents lists the text holds (`contents.ts`). */
  contents: readonly Contents[];
}

export interface Rule {
  name: string;
  kind: Kind;
  doc: string;
  /** Longest line the rule looks at. */
  max: number;
  /** The rule reads a heading's words, so it also reads the headings markup marks (`## Chapter 3: The Road`). */
  words?: true;
  test(ctx: RuleContext): Data | null;
}

// ── patterns ────────────────────────────────────────────────────────────────
const N = NUMBER;
export const RE = {
  endMark: /^[^\p{L}\p{N}"“”'‘’]*(the\s+end|fin|finis|to\s+be\s+continued|tbc|end\s+of\s+(?:chapter|part|book|story)(?:\s+[\w-]+)?|END)[^\p{L}\p{N}"“”'‘’]*$/iu,
  breakLabel: /^[\[(<{~*=\-\s]*(scene\s*(?:break|change|shift)|line\s*break|page\s*break|time\s*(?:skip|jump)|pov\s*(?:change|switch|shift)|change\s+of\s+scene)[\])>}~*=\-\s]*$/i,
  breakBracketed: /^[\[(<{]\s*(?:break|skip|scene)\s*[\])>}]$/i,
  hr: /^<\s*hr\s*\/?\s*>$/i,
  letterOrDigit: /[\p{L}\p{N}]/u,
  breakSymbol: /[*~#+=_\-•·°§¤※⁂❦❧✿♦◊◆○●□■☆★♥♡^<>|/\\]/,
  onlyQuotesAndDots: /^["“”'‘’.…\s]+$/,
  ornamentLetters: /^(?:[oO0]+|[xX]+)$/,
  anLabel: /^[\[(]?\s*(A\/N|a\/n|A\.N\.?|AN(?=\s*[:\-–—]))(?![A-Za-z])\s*[:\-–—]?\s*/,
  namedNotes:
    /^[\[(]?\s*((?:Author|Authoress|Translator|Writer)(?:'s|’s|s'|s)?\s+[Nn]otes?(?:\s+and\s+[\p{L} ]{1,30}?)?|(?:Closing|Opening|Ending|End|Final|Beginning|Chapter|Important|Quick)\s+[Nn]otes?|Notes?|Disclaimer|\p{Lu}[\p{L}\-]{0,30}(?:'s|’s)\s+[Nn]otes?(?:\s+(?:[IVX]{1,4}|\d{1,2}))?)\s*(?:[:\-–—]\s*|[\])]?$)/iu,
  byLine: /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*(?:&|and|,)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*)$/u,
  titlePairing: /^(.{1,80}?)\s+[-–—]\s+(\p{Lu}[\p{L}'’.-]*(?:\s*(?:\/|\sx\s|×|&)\s*\p{Lu}[\p{L}'’.-]*)+(?:\s*,\s*\p{Lu}[\p{L}'’.-]*(?:\s*(?:\/|\sx\s|×|&)\s*\p{Lu}[\p{L}'’.-]*)+)*)$/u,
  titleAuthor: /^(.{1,80}?)\s+[-–—]\s+([\p{L}\d_.'’]{2,30}|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})$/u,
  titleBy: /^(.{1,80}?)\s+(?:by|par|von|por|di|door|przez|автор)\s+([\p{L}\d_.'’]{2,30}|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})$/u,
  workTitleChapter: new RegExp(`^(.{1,60}?)\\s*[,:\\-–—]?\\s+(?:chapter|chap\\.?|ch\\.?)\\s*(${N})\\b\\s*(.*)$`, 'i'),
  chapter: new RegExp(`^(chapter|chap\\.?|ch\\.?)\\s*(${N})\\b\\s*(.*)$`, 'i'),
  part: new RegExp(`^(part|book|volume|vol\\.|act)\\s+(${N})\\b\\s*(.*)$`, 'i'),
  scene: new RegExp(`^(scene)\\s+(${N})\\b\\s*(.*)$`, 'i'),
  special: /^(prologue|epilogue|interlude|intermission|afterword|foreword|preface|introduction|coda|omake|bonus chapter|side story)\b\s*(.*)$/i,
  nOfM: new RegExp(`^(${N}|${FOREIGN_NUMBER})\\s+of\\s+(${N}|${FOREIGN_NUMBER})$`, 'i'),
  numberLine: /^(?:#\s*)?(\d{1,3}|[IVXLC]{1,7})\.?$/,
  section: new RegExp(`^(\\p{Lu}[\\p{L}'’]+(?:\\s+\\p{Lu}[\\p{L}'’]+){0,2})\\s+(\\d{1,4}|[IVXLC]{1,7}|${N})\\s*(:?)$`, 'u'),
  povStars: /^[*_]{1,2}(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})[*_]{1,2}$/u,
  povLabel: /^(?:[\[(*_~-]\s*)?(?:(?:POV|Point of view)\s*[:\-–—]\s*(\p{Lu}[\p{L}'’. -]{0,30}?)|(\p{Lu}[\p{L}'’. -]{0,30}?)(?:'s|’s)?\s+(?:POV|Point of View|point of view))(?:\s*[\])*_~-])?$/u,
  cite: /^(?:~+|—|–|―|-{1,2})\s*(\p{Lu}[^~]{0,79})$/u,
} as const;

const PART_OF = new RegExp(`^of\\s+${N}$`, 'i');

function heading(ctx: RuleContext, title: string, label: string | undefined, untitled: boolean): Data | null {
  // Hard-wrapped text can end a line with `Chapter 3:` mid-sentence; a heading there stands alone.
  const { line, layout, next } = ctx;
  if (layout.mode === 'wrapped' || layout.mode === 'indented') {
    if (line.index > 0 && line.gapBefore === 0 && !afterHeading(ctx)) return null;
    if (next && line.gapAfter === 0 && next.text.length > layout.width * 0.6 && !isTitleLike(next.text, true)) return null;
  }
  const d: Data = { title };
  if (label !== undefined) d.label = label;
  if (untitled) d.untitled = true;
  return d;
}

const ROMAN_WORD = /^[IVXLCDM]+\.?$/;

/**
 * A heading's label as the chapter page shows it: a label set in capitals
 * (`CHAPTER XII`, `STAVE ONE`) in Title Case, its roman numerals kept, so
 * the table of contents reads as the styled label on the page does.
 */
export function labelCase(label: string): string {
  if (/\p{Ll}/u.test(label)) return label;
  return label
    .split(/(\s+)/)
    .map((w) => (ROMAN_WORD.test(w) ? w : w.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase())))
    .join('');
}

/**
 * A heading in the words of a language the story may be written in, by the
 * language tables (`Chapter 12: Title`, `CHAPTER XII.`, `Chapitre premier`,
 * `Erstes Kapitel`, `第一回  靈根育孕源流出`) → title and label.
 */
function tableHeading(ctx: RuleContext, kind: HeadingKind): Data | null {
  const s = undecorated(ctx.text);
  const h = matchHeading(s, ctx.options.languages);
  if (!h || h.kind !== kind) return null;
  const head = s
    .slice(0, s.length - h.rest.length)
    .trim()
    .replace(/[.:]$/, '');
  const rest = h.rest.trim();
  // `Part 1 of 3`, `Chapter 2 of 5`: the count belongs to the heading.
  const of = PART_OF.exec(rest);
  if (of) {
    const d = heading(ctx, `${labelCase(head)} ${of[0]}`, undefined, true);
    return d && { ...d, installment: true };
  }
  // The tables judged that what follows is no sentence; it is the title, whatever its script.
  const title = rest === '' ? '' : (headingRest(rest) ?? rest.replace(/^[\s:.\-–—~|：、。]+/u, '').trim());
  // A label set in capitals is Title Cased alike for every kind (`CHAPTER XII`, `EPILOGUE`).
  const label = labelCase(head);
  return title === '' ? heading(ctx, label, undefined, true) : heading(ctx, title, label, false);
}

/** `Chapter 12`, `CHAPTER XII.`, `Chapter 12: Title` → title and label. */
function numbered(ctx: RuleContext, m: RegExpExecArray | null, word: (m: RegExpExecArray) => string): Data | null {
  if (!m || !isHeadingNumber(m[2]!)) return null;
  // `Part 1 of 3`, `Chapter 2 of 5`: the count belongs to the heading.
  const of = PART_OF.exec((m[3] ?? '').trim());
  if (of) {
    const d = heading(ctx, labelCase(`${word(m)} ${m[2]!.trim()}`) + ` ${of[0]}`, undefined, true);
    return d && { ...d, installment: true };
  }
  const rest = headingRest(m[3] ?? '');
  if (rest === null) return null;
  const base = labelCase(`${word(m)} ${m[2]!.trim()}`);
  return rest === '' ? heading(ctx, base, undefined, true) : heading(ctx, rest, base, false);
}

const isFieldLine = (s: string) => matchField(s) !== null;
const nextIsChapter = (ctx: RuleContext) => !!ctx.next && ctx.next.text.length <= 100 && RE.chapter.test(undecorated(ctx.next.text));
const afterHeading = (ctx: RuleContext) => !!ctx.prev && ['part', 'chapter', 'chapterTitle', 'section', 'heading'].includes(ctx.prev.kind);

// ── the table ───────────────────────────────────────────────────────────────
export const RULES: readonly Rule[] = [
  { name: 'user-scene-break', kind: 'sceneBreak', max: Infinity, doc: 'the scene-break pattern you gave', test: (c) => (c.options.sceneBreakPattern?.test(c.text) ? {} : null) },
  {
    name: 'user-chapter-pattern',
    kind: 'chapter',
    max: Infinity,
    words: true,
    doc: 'the chapter pattern you gave',
    test: (c) => (c.options.chapterPattern?.test(c.text) ? { title: undecorated(c.text).replace(/[:.]$/, '') } : null),
  },
  { name: 'end-mark', kind: 'endMark', max: 60, doc: '`THE END`, `~*~ THE END ~*~`, `Fin`, `To be continued`', test: (c) => (matchEndMark(c.text, c.options.languages) ? {} : null) },
  {
    name: 'scene-break-label',
    kind: 'sceneBreak',
    max: 40,
    doc: '`[scene break]`, `Time skip`, `(break)`',
    test: (c) => (RE.breakLabel.test(c.text) || RE.breakBracketed.test(c.text) || RE.hr.test(c.text) ? {} : null),
  },
  {
    name: 'scene-break-symbols',
    kind: 'sceneBreak',
    max: 80,
    doc: 'a line of symbols: `* * *`, `~*~*~`, `-----`, `###`, `§`',
    test: (c) => (!RE.letterOrDigit.test(c.text) && RE.breakSymbol.test(c.text) && !RE.onlyQuotesAndDots.test(c.text) ? {} : null),
  },
  {
    name: 'scene-break-ornament',
    kind: 'sceneBreak',
    max: 40,
    doc: 'letters that are not prose: `oOo`, `OoOoO`, `xXx`, `~o~`',
    test: (c) => {
      const letters = c.text.replace(/[^\p{L}\p{N}]/gu, '');
      if (!RE.ornamentLetters.test(letters)) return null;
      // `XXX` among other roman numerals on lines of their own is chapter thirty.
      if (RE.numberLine.test(c.text) && (c.scan.numberLines >= 2 || contentsEntry(c.contents, c.text, c.next?.text))) return null;
      // One or two letters are an ornament only when framed by symbols (`~o~`, `-x-`):
      // `O!`, a wrapped `- o!` or `_o_, (o) -` is prose.
      const t = c.text.trim();
      const frame = /^([^\p{L}\p{N}\s.,!?;:…'"’”]+)\s*\p{L}{1,2}\s*([^\p{L}\p{N}\s.,!?;:…'"’”]+)$/u.exec(t);
      // …framed the same on both sides, mirrored (`~o~`, `-x-`, `~*o*~`): `--o—` is a word between dashes.
      const framed = !!frame && [...frame[1]!].reverse().join('') === frame[2];
      // A framed letter that runs into the text above or below is a word of that text where blank lines
      // part paragraphs (`…"fin"` then `- o -`), and in any layout when a blank line sets it off on one
      // side only: a divider stands alike on both. Framed by emphasis marks alone (`*o*`, `_x_`), it is
      // an emphasised word unless blank lines set it apart.
      const above = c.line.index > 0 && c.line.gapBefore === 0;
      const below = !!c.next && c.line.gapAfter === 0;
      const emphasis = !!frame && /^(\*{1,2}|_{1,2})$/.test(frame[1]!);
      const prose = above !== below || ((above || below) && (emphasis || c.layout.normalGap > 0));
      return letters.length >= 3 || (framed && !prose) ? {} : null;
    },
  },
  {
    name: 'note-label',
    kind: 'note',
    max: Infinity,
    doc: "`A/N:`, `Author's Note:`, `Closing notes:`, `Rosie's Notes II:`, `Disclaimer:`",
    test: (c) => {
      const m = matchNoteLabel(c.text, c.options.languages);
      if (!m) return null;
      const d: Data = { label: m.label, noteStart: true };
      // A label that says only "note" (`A/N:`, `Author's Note:`) is left out of the note's words: the book marks
      // notes as notes. One that says more (`Rosie's Notes:`, `Disclaimer:`) is part of what the author wrote.
      // Only a label set off with a colon is surely one: `note— note…` may be the story's own words.
      const head = c.text.slice(0, c.text.length - m.rest.length).trim();
      // …and a label alone on its line only where it is set as one (`Author's Note`, not a stray `note`).
      if (isPlainNoteLabel(m.label) && ((m.bare && !/^\p{Ll}/u.test(m.label)) || /[:：]$/.test(head))) d.value = m.rest;
      // A label on a line of its own (`Author's Note`) heads the paragraph after it.
      if (m.bare) d.bare = true;
      return d;
    },
  },
  {
    name: 'front-field',
    kind: 'meta',
    max: Infinity,
    doc: '`Title:`, `Author:`, `Summary:`, `Rating:`, `Pairing:` … before the story',
    test: (c) => {
      const m = c.inFront ? matchField(c.text, c.options.languages) : null;
      return m ? { field: m.key, value: m.value.trim() } : null;
    },
  },
  {
    name: 'front-by-line',
    kind: 'meta',
    max: 80,
    doc: '`By Jane Doe` before the story',
    test: (c) => {
      const m = c.inFront ? matchByline(c.text, c.options.languages) : null;
      return m && !m.before ? { field: 'author', value: m.names.join(' & ') } : null;
    },
  },
  {
    name: 'title-pairing-line',
    kind: 'meta',
    max: 140,
    doc: 'a first line like `Moving On - Naruto/Hinata`',
    test: (c) => {
      const m = c.line.index === 0 ? RE.titlePairing.exec(c.text) : null;
      return m && isTitleLike(m[1]!) ? { field: 'title-pairing', title: m[1]!, value: m[2]! } : null;
    },
  },
  {
    name: 'title-author-line',
    kind: 'meta',
    max: 120,
    doc: 'a first line `Title - Name`: the title and the author (a warning when the name could be a subtitle)',
    test: (c) => {
      const m = c.line.index === 0 ? RE.titleAuthor.exec(c.text) : null;
      if (!m || !isTitleLike(m[1]!) || !isAuthorName(m[2]!) || isHeadingWords(c.text)) return null;
      const d: Data = { field: 'title-author', title: m[1]!, value: m[2]! };
      if (/\s/.test(m[2]!)) d.doubt = `read "${m[1]}" as the title and "${m[2]}" as the author; if "${m[2]}" is a subtitle, say so in front matter (title: …)`;
      return d;
    },
  },
  {
    name: 'title-by-line',
    kind: 'meta',
    max: 120,
    doc: 'a first line `Title by Name` (`par`, `von`, `por`…): the title and the author',
    test: (c) => {
      const m = c.line.index === 0 ? RE.titleBy.exec(c.text) : null;
      if (!m || !isTitleLike(m[1]!) || !isAuthorName(m[2]!) || isHeadingWords(c.text)) return null;
      const d: Data = { field: 'title-author', title: m[1]!, value: m[2]! };
      if (!/\s/.test(m[2]!) && !/[\d_]|\p{Ll}\p{Lu}/u.test(m[2]!))
        d.doubt = `read "${m[1]}" as the title and "${m[2]}" as the author; if the whole line is the title, say so in front matter (title: …)`;
      return d;
    },
  },
  {
    name: 'work-title-chapter',
    kind: 'chapter',
    max: 100,
    words: true,
    doc: '`Losing Battles Ch. 12`: the work title, then a chapter number',
    test: (c) => {
      const t = undecorated(c.text);
      const m = /\sch/i.test(t) ? RE.workTitleChapter.exec(t) : null;
      if (!m || !isTitleLike(m[1]!) || /^(chapter|chap|ch|part|book)\b/i.test(m[1]!)) return null;
      const d = numbered(c, [m[0], m[1]!, m[2]!, m[3] ?? ''] as unknown as RegExpExecArray, () => 'Chapter');
      return d ? { ...d, workTitle: m[1]! } : null;
    },
  },
  {
    name: 'chapter-number',
    kind: 'chapter',
    max: 100,
    words: true,
    doc: '`Chapter 12`, `Chapter Twenty Seven:`, `CHAPTER XII.`, `Ch. 12`, `Chapter 12: Title`',
    test: (c) => tableHeading(c, 'chapter'),
  },
  {
    name: 'part-number',
    kind: 'part',
    max: 100,
    words: true,
    doc: '`Part One`, `Book II`: a part holding the chapters after it, a chapter of its own when none follow, or a section inside a chapter',
    test: (c) => {
      const d = tableHeading(c, 'part');
      // Inside a `Chapter N`, a part that is not followed by a chapter divides that chapter.
      const inNumberedChapter = c.lastChapterRule === 'chapter-number' || c.lastChapterRule === 'work-title-chapter';
      return d && inNumberedChapter && !nextIsChapter(c) ? { ...d, as: 'section' } : d;
    },
  },
  {
    name: 'scene-number',
    kind: 'chapter',
    max: 100,
    words: true,
    doc: '`SCENE II. A Street.`: a chapter inside an act, a section inside a chapter',
    test: (c) => {
      const d = numbered(c, RE.scene.exec(undecorated(c.text)), (m) => m[1]!);
      if (!d) return null;
      const inAct = c.lastChapterRule === 'part-number' || (c.lastChapterRule === 'scene-number' && c.before.some((b) => b.rule === 'part-number'));
      return !inAct && c.seenChapter ? { ...d, as: 'section' } : d;
    },
  },
  { name: 'special-chapter', kind: 'chapter', max: 80, words: true, doc: '`Prologue`, `Epilogue`, `Interlude`, `Epilogue: Ten Years Later`', test: (c) => tableHeading(c, 'special') },
  {
    name: 'contents-heading',
    kind: 'chapter',
    max: 120,
    doc: "a line that repeats an entry of the text's contents list (or its label, with the entry's title on the next line): a heading, however it is styled",
    test: (c) => {
      const entry = contentsEntry(c.contents, c.text, c.next?.text);
      if (!entry) return null;
      // A line that runs on from the one before it is text, even where its words are an entry's (`Captain Silver!”`).
      if (c.line.gapBefore === 0 && c.prev && !afterHeading(c)) return null;
      // An entry with no number to it (`CHORUS.` in a play's list) is a heading only where the line stands
      // alone: a speaker's name runs straight into the speech.
      if (!/[\p{N}]|\b[IVXLCDM]+\b/u.test(c.text) && c.line.gapAfter === 0 && c.next) return null;
      // The entry is evidence enough: the checks that keep a wrapped line from passing for a heading are not needed.
      const split = entry.title !== undefined && contentsKey(c.text) !== entry.label ? splitEntry(c.text) : undefined;
      if (split) return { title: split.title, label: labelCase(split.label) };
      return { title: labelCase(c.text.replace(/[.:]$/, '')), untitled: true };
    },
  },
  {
    name: 'n-of-m',
    kind: 'chapter',
    max: 40,
    words: true,
    doc: '`2 of 3`, `Deux of Deux`',
    test: (c) => {
      const t = undecorated(c.text);
      const m = RE.nOfM.exec(t);
      return m && /^[\p{Lu}\d]/u.test(t) && isHeadingNumber(m[1]!) && isHeadingNumber(m[2]!) ? heading(c, t, undefined, true) : null;
    },
  },
  {
    name: 'number-line',
    kind: 'chapter',
    max: 12,
    doc: 'a line that is only a number (`12`, `XII.`), when the file has several; where a contents list names the chapters, one it does not name numbers a part of a chapter',
    test: (c) => {
      const m = RE.numberLine.exec(c.text);
      const d = m && c.scan.numberLines >= 2 ? heading(c, m[1]!, undefined, true) : null;
      if (!d || !c.contents.some((x) => x.evidence)) return d;
      return c.seenChapter ? { ...d, as: 'section' } : null;
    },
  },
  {
    name: 'section-number',
    kind: 'section',
    max: 40,
    doc: '`Battle 28:`: a numbered section (a colon, a POV line after it, or its word used twice)',
    test: (c) => {
      const m = RE.section.exec(c.text);
      if (!m || /^(chapter|chap|ch|part|book|volume|act)$/i.test(m[1]!) || !isHeadingNumber(m[2]!)) return null;
      const word = m[1]!.toLowerCase();
      const nextPov = !!c.next && (RE.povStars.test(c.next.text) || RE.povLabel.test(c.next.text));
      if (!(m[3] === ':' || nextPov || (c.scan.sectionWords.get(word) ?? 0) >= 2)) return null;
      const d = heading(c, `${m[1]} ${m[2]}`, undefined, false);
      return d && !c.seenChapter ? { ...d, as: 'chapter' } : d;
    },
  },
  {
    name: 'pov-line',
    kind: 'pov',
    max: 40,
    doc: '`*Kankuro*` right after a heading',
    test: (c) => {
      const m = afterHeading(c) ? RE.povStars.exec(c.text) : null;
      return m ? { pov: m[1]! } : null;
    },
  },
  {
    name: 'pov-label',
    kind: 'pov',
    max: 50,
    doc: "`Sakura's POV`, `POV: Gaara` after a heading or a scene break",
    test: (c) => {
      const m = afterHeading(c) || c.prev?.kind === 'sceneBreak' ? RE.povLabel.exec(c.text) : null;
      return m ? { pov: (m[1] ?? m[2] ?? '').trim() } : null;
    },
  },
  {
    name: 'epigraph-cite',
    kind: 'cite',
    max: 90,
    doc: 'a quotation, then `~ Name` / `— Name` / `-- Name` / `- Name`',
    test: (c) => {
      const m = RE.cite.exec(c.text);
      if (!m || /[?!~\-—–]$/.test(m[1]!) || !isNameLike(m[1]!)) return null;
      if (c.line.gapBefore > Math.max(1, c.layout.normalGap)) return null;
      return quotationStart(c.before, c.layout) >= 0 ? { cite: m[1]!.trim() } : null;
    },
  },
  {
    name: 'contents-title',
    kind: 'chapterTitle',
    max: 120,
    doc: "the title a contents entry gives a heading that stood alone (`STAVE ONE` … `MARLEY'S GHOST`), however far below it and whichever rule read the heading",
    test: (c) => {
      const p = c.prev;
      if (!p || (p.kind !== 'chapter' && p.kind !== 'part') || !p.data.untitled) return null;
      const entry = contentsEntry(c.contents, p.line.text, c.text);
      return entry?.title !== undefined && entry.title === contentsKey(c.text) ? { title: c.text } : null;
    },
  },
  {
    name: 'chapter-title-line',
    kind: 'chapterTitle',
    max: 60,
    doc: 'a title on the line after `Chapter 12`',
    test: (c) => {
      const p = c.prev;
      if (!p || (p.kind !== 'chapter' && p.kind !== 'part') || !p.data.untitled || c.line.gapBefore > c.layout.normalGap + 1) return null;
      return isTitleLike(c.text, true) && !isFieldLine(c.text) ? { title: c.text.replace(/([^.])\.$/, '$1') } : null;
    },
  },
  {
    name: 'top-title',
    kind: 'chapter',
    max: 60,
    doc: 'a lone Title Case line at the top of the story',
    test: (c) => {
      if (!c.inFront || !c.next || (c.prev && c.prev.kind !== 'meta' && c.prev.kind !== 'note')) return null;
      if (!isTitleLike(c.text) || (c.layout.normalGap > 0 && c.line.gapAfter === 0)) return null;
      // Before other headings it names the work, not a chapter; unless the work is named already and this says otherwise.
      if (c.scan.firstHeading > c.line.index) {
        const given = c.options.givenTitle;
        return given === undefined || contentsKey(given) === contentsKey(c.text) ? { field: 'title', value: c.text, as: 'title' } : null;
      }
      return heading(c, c.text, undefined, false);
    },
  },
  {
    name: 'lone-title',
    kind: 'chapter',
    max: 60,
    doc: 'a Title Case line alone after a wide gap, when the file has several',
    test: (c) => {
      if (c.scan.loneTitles < 2 || !isLoneTitle(c.line, c.layout) || afterHeading(c)) return null;
      return heading(c, c.text, undefined, false);
    },
  },
];

/** Whether a line's words alone make a heading (`Chapter I.`, `Part Two`, `Prologue`): for words found where only a heading would be read as one, such as an illustration's caption. */
export function isHeadingWords(text: string): boolean {
  const line: Line = { no: 0, text, indent: 0, gapBefore: 1, gapAfter: 1, index: 0, at: 0, item: { type: 'text', text, span: { file: '', start: 0, end: 0 }, indent: 0, gapBefore: 1, gapAfter: 1 } };
  const scan: Scan = { firstHeading: 0, numberLines: 0, sectionWords: new Map(), loneTitles: 0 };
  const layout: Layout = { mode: 'markup', width: 0, normalGap: 1, gapBreaks: false, wideGaps: 0 };
  const ctx: RuleContext = { line, text, prev: undefined, before: [], next: undefined, layout, scan, inFront: false, seenChapter: false, lastChapterRule: undefined, options: {}, contents: [] };
  return RULES.some((r) => r.words && !r.name.startsWith('user-') && text.length <= r.max && r.test(ctx) !== null);
}

let plainNotes: Set<string> | undefined;
/** `A/N`, `Author's Note`, `Nota de la autora`: a label, in any language, that names no one and says nothing but "note". */
function isPlainNoteLabel(label: string): boolean {
  plainNotes ??= new Set(TABLES.flatMap((t) => t.notes.filter((n) => !n.includes('{') && !(t.fields.disclaimer ?? []).includes(n)).map(noteKey)));
  return plainNotes.has(noteKey(label));
}
const noteKey = (s: string): string => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/** Words that end a title line but name no one (`Stand by Me`, `Written by Hand`). */
const NOT_NAMES = /^(?:me|you|us|him|her|them|it|one|night|day|hand|heart|chance|design|default|moonlight|candlelight)$/i;
/** A pen name or a person's name, not a chapter label or a common word. */
function isAuthorName(s: string): boolean {
  return !NOT_NAMES.test(s) && !/^(?:part|chapter|ch|book|volume|vol|act)\b/i.test(s) && !/^\d+$/.test(s) && /\p{Lu}|\d|_/u.test(s);
}

/** An attribution: a name, perhaps with a work (`J. R. R. Tolkien`, `Seneca, Letters from a Stoic`). */
function isNameLike(s: string): boolean {
  const words = s
    .replace(/[.,]$/, '')
    .split(/[\s,]+/)
    .filter((w) => !/^(of|the|a|an|and|from|in|on|to|de|von|van|der|la|le)$/.test(w));
  if (words.length === 0 || words.length > 10) return false;
  return words.filter((w) => /^[\p{Lu}\d"“'‘(]/u.test(w)).length / words.length >= 0.75;
}

export function isLoneTitle(line: Line, layout: Layout): boolean {
  return line.index > 0 && line.gapBefore > layout.normalGap && line.gapAfter >= 1 && isTitleLike(line.text);
}
