/**
 * Rules that claim stretches of a published text before any line is read:
 * Project Gutenberg's header and licence, `[Illustration: …]` markers, a
 * scanner's image labels, contents lists. Claimed lines are taken out of the
 * stream the line rules read (so `STAVE ONE`, `[Illustration]`, `MARLEY'S
 * GHOST` reads as a heading and its title), and put back, as what they were
 * claimed as, before the book is assembled: a caption stays in the book,
 * boilerplate and contents lists are left out, each with the rule's name in
 * the trace and a note saying so.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Line } from './lines.js';
import type { MetaEntry } from './text-meta.js';
import { contentsClaim, type Contents } from './contents.js';
import { matchField } from '../lang/index.js';
import type { Classified } from './rules.js';

export type ClaimKind = 'boilerplate' | 'illustration' | 'caption' | 'artefact' | 'contents';

export interface Claim {
  rule: string;
  kind: ClaimKind;
  /** A caption's words, without the marker and brackets around them. */
  text?: string;
}

export interface ClaimRule {
  name: string;
  doc: string;
}

export interface Claimed {
  /** What each claimed line (by its position in the original stream) was claimed as. */
  claims: Map<number, Claim>;
  /** The lines left for the line rules, with the gaps of the lines taken out added to the gaps around them. */
  lines: Line[];
  /** Metadata a claimed line states (`End of the Project Gutenberg EBook of TITLE, by AUTHOR`). */
  meta: MetaEntry[];
  /** Contents lists found, with their entries. */
  contents: Contents[];
}

const GUTENBERG_START = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)/i;
const GUTENBERG_END = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)/i;
const GUTENBERG_END_LINE = /^End of (?:the )?Project Gutenberg(?:'s|’s)?\s*(?:E-?(?:book|text)s?\s*)?(?:of\s+)?(.*?)(?:,\s*by\s+(.+?))?\.?\s*$/i;
/** The header's first line: `The Project Gutenberg eBook of TITLE, by AUTHOR`. */
const GUTENBERG_TITLE_LINE = /^The Project Gutenberg E-?(?:book|text) of (.+?)(?:,\s*by\s+(.+?))?\s*$/i;
/** A scanner's label for a page image (`0009m`), alone on its line. */
const SCAN_LABEL = /^\d{2,6}[a-z]$/;

export const CLAIM_RULES: readonly ClaimRule[] = [
  { name: 'gutenberg-header', doc: "Project Gutenberg's header, up to its `*** START OF THE PROJECT GUTENBERG EBOOK` line: left out" },
  {
    name: 'gutenberg-licence',
    doc: "Project Gutenberg's `*** END OF …` line, `End of the Project Gutenberg EBook of …` line and the licence after them: left out (the title and author the line names are read)",
  },
  { name: 'illustration-marker', doc: 'an `[Illustration]` marker, or the brackets of an `[Illustration: …]` caption: left out' },
  { name: 'illustration-caption', doc: 'the caption of an `[Illustration: …]`: kept as a caption (a heading inside it is read as a heading)' },
  { name: 'scanner-label', doc: "a page image's label a scanner left alone on its line (`0009m`), seen three times or more: left out" },
  {
    name: 'contents-list',
    doc: '`Contents`, `Table of Contents`, `List of Illustrations` and the run of entries under it: left out (the book has its own table of contents), and its entries tell headings apart',
  },
];

/** Runs every claim rule over the lines of a story. */
export function claimLines(lines: readonly Line[], looksLikeHeading: (text: string) => boolean): Claimed {
  const claims = new Map<number, Claim>();
  const meta: MetaEntry[] = [];
  const claim = (i: number, rule: string, kind: ClaimKind, text?: string) => {
    if (!claims.has(i)) claims.set(i, text === undefined ? { rule, kind } : { rule, kind, text });
  };
  gutenberg(lines, claim, meta);
  illustrations(lines, claims, claim, looksLikeHeading);
  const labels = lines.filter((l) => !claims.has(l.index) && l.item.type === 'text' && SCAN_LABEL.test(l.text));
  if (labels.length >= 3) for (const l of labels) claim(l.index, 'scanner-label', 'artefact');
  // The contents rule claims no caption: what captions keep is the same before and after it.
  const keep = rewritten(lines, claims);
  const seen = without(lines, claims, keep);
  const before = claims.size;
  const contents = contentsClaim(seen.lines, seen.origin, claim);
  // Claims are only ever added: with no contents list, the stream is the one just made.
  return { claims, lines: claims.size === before ? seen.lines : without(lines, claims, keep).lines, meta, contents };
}

/** Caption lines a heading rule reads as a heading stay in the stream with the marker stripped. */
function rewritten(lines: readonly Line[], claims: Map<number, Claim>): Map<number, string> {
  const out = new Map<number, string>();
  for (const l of lines) {
    const c = claims.get(l.index);
    if (c?.rule === 'illustration-heading' && c.text !== undefined) out.set(l.index, c.text);
  }
  return out;
}

function gutenberg(lines: readonly Line[], claim: (i: number, rule: string, kind: ClaimKind) => void, meta: MetaEntry[]): void {
  const named = (line: Line | undefined, pattern: RegExp) => {
    const m = line && pattern.exec(line.text);
    if (m?.[1]) meta.push({ field: 'licence-title', value: m[1].trim(), line: line!.no });
    if (m?.[2]) meta.push({ field: 'licence-author', value: m[2].trim(), line: line!.no });
  };
  const start = lines.findIndex((l) => GUTENBERG_START.test(l.text));
  if (start >= 0) {
    named(
      lines.find((l, i) => i < start && GUTENBERG_TITLE_LINE.test(l.text)),
      GUTENBERG_TITLE_LINE,
    );
    // Its `Title:`, `Author:` and `Language:` lines are the book's metadata: the line rules read them.
    for (let i = 0; i <= start; i++) if (!matchField(lines[i]!.text)) claim(lines[i]!.index, 'gutenberg-header', 'boilerplate');
  }
  const end = lines.findIndex((l) => GUTENBERG_END.test(l.text) || GUTENBERG_END_LINE.test(l.text));
  if (end < 0) return;
  named(lines[end], GUTENBERG_END_LINE);
  for (let i = end; i < lines.length; i++) claim(lines[i]!.index, 'gutenberg-licence', 'boilerplate');
}

/**
 * `[Illustration]` alone, or `[Illustration: caption]` over one or more lines
 * up to its closing bracket (brackets inside it, `[_Copyright 1894_]`, nest).
 */
function illustrations(
  lines: readonly Line[],
  claims: Map<number, Claim>,
  claim: (i: number, rule: string, kind: ClaimKind, text?: string) => void,
  looksLikeHeading: (text: string) => boolean,
): void {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (claims.has(first.index) || first.item.type !== 'text' || !/^\[Illustration\b/i.test(first.text)) continue;
    let depth = 0;
    let j = i;
    for (; j < lines.length && j - i < 40; j++) {
      for (const ch of lines[j]!.text) depth += ch === '[' ? 1 : ch === ']' ? -1 : 0;
      if (depth <= 0) break;
    }
    // An unclosed bracket: only the first line is the marker.
    if (depth > 0) j = i;
    for (let k = i; k <= j; k++) {
      const l = lines[k]!;
      const words = (k === i ? l.text.replace(/^\[Illustration\s*:?/i, '') : l.text)
        .replace(/\]+\s*$/, '')
        .replace(/^\[+/, '')
        .trim();
      if (!words) claim(l.index, 'illustration-marker', 'illustration');
      else if (looksLikeHeading(words)) claims.set(l.index, { rule: 'illustration-heading', kind: 'caption', text: words });
      else claim(l.index, 'illustration-caption', 'caption', words);
    }
    i = j;
  }
}

/**
 * The stream without the claimed lines (but for headings found in captions,
 * which keep their words), re-indexed, gaps merged; `origin` maps each line
 * back to its place in the full stream.
 */
function without(lines: readonly Line[], claims: Map<number, Claim>, keep: Map<number, string>): { lines: Line[]; origin: number[] } {
  const out: Line[] = [];
  const origin: number[] = [];
  let carried = 0;
  for (const l of lines) {
    const text = keep.get(l.index);
    if (claims.has(l.index) && text === undefined) {
      // A line taken out counts as blank, with the blank lines before it.
      carried += l.gapBefore + 1;
      const prev = out[out.length - 1];
      if (prev) prev.gapAfter += l.gapAfter + 1;
      continue;
    }
    origin.push(l.index);
    out.push({ ...l, text: text ?? l.text, gapBefore: l.gapBefore + carried, index: out.length });
    carried = 0;
  }
  return { lines: out, origin };
}

/** The classified lines with the claimed ones put back in their places, as what they were claimed as. */
export function withClaims(units: readonly Line[], cls: readonly Classified[], claims: ReadonlyMap<number, Claim>): Classified[] {
  const read = new Map(cls.map((c) => [c.line.at, c]));
  return units.flatMap((line): Classified[] => {
    const c = read.get(line.at);
    if (c) return [c];
    const claim = claims.get(line.at);
    if (!claim) return [];
    return [{ line: claim.text === undefined ? line : { ...line, text: claim.text }, rule: claim.rule, kind: claim.kind, data: {} }];
  });
}

/** A stretch of lines a claim rule took out of the story. */
export interface Region {
  rule: string;
  kind: ClaimKind;
  start: number;
  end: number;
}

/** The runs of lines each rule claimed (captions aside: they stay in the book), for `quire inspect`. */
export function claimedRegions(units: readonly Line[], claims: ReadonlyMap<number, Claim>): Region[] {
  const out: Region[] = [];
  for (const l of units) {
    const c = claims.get(l.at);
    if (!c || c.kind === 'caption' || c.kind === 'illustration') continue;
    const last = out[out.length - 1];
    if (last && last.rule === c.rule && l.no - last.end <= 6) last.end = l.no;
    else out.push({ rule: c.rule, kind: c.kind, start: l.no, end: l.no });
  }
  return out;
}

/** One note per kind of thing left out, with where it stood. */
export function reportClaims(units: readonly Line[], claimed: Claimed, diags: Diagnostics): void {
  const spans = (rules: readonly string[]): string => {
    const at = units.filter((l) => rules.includes(claimed.claims.get(l.at)?.rule ?? '')).map((l) => l.no);
    const runs: Array<[number, number]> = [];
    for (const n of at) {
      const last = runs[runs.length - 1];
      if (last && n - last[1] <= 3) last[1] = n;
      else runs.push([n, n]);
    }
    return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
  };
  const boiler = spans(['gutenberg-header', 'gutenberg-licence']);
  if (boiler) diags.info('boilerplate-left-out', `Project Gutenberg's header and licence (lines ${boiler}) are not part of the story and were left out`);
  for (const c of claimed.contents) diags.info('contents-left-out', `the text's own contents list (lines ${c.start}–${c.end}) was left out: the book has a table of contents of its own`, c.start);
  const labels = spans(['scanner-label']);
  if (labels) diags.info('scanner-labels-left-out', `labels a scanner left for its page images (lines ${labels}) were left out`);
}
