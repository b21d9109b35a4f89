/**
 * The line pass: every item is given to the rule table in order, with what
 * the items before it were read as, and keeps the first rule that claims it.
 * A plain-text line or a marked-up paragraph meets every rule; a markup
 * heading meets the heading rules, which read its words (`Chapter 3: The
 * Road` has a label and a title in every format); a block the markup settled
 * keeps the reader's own rule.
 */
import type { Layout } from '../readers/items.js';
import type { Line } from './lines.js';
import type { Contents } from './contents.js';
import { RE, RULES, isLoneTitle, type Classified, type Kind, type Rule, type RuleContext, type Scan } from './rules.js';

export interface ClassifyOptions {
  chapterPattern?: RegExp;
  sceneBreakPattern?: RegExp;
  contents?: readonly Contents[];
  /** The title front matter, a sidecar or a flag gives: a line that says something else is not the title. */
  givenTitle?: string;
  /** The languages to read headings and labels in (the book's and English); every table's when unknown. */
  languages?: readonly string[];
}

const HEADING_KINDS: ReadonlySet<Kind> = new Set(['part', 'chapter', 'section']);

/** Whether a rule takes part: a chapter pattern of the user's replaces the built-in heading rules. */
function active(rule: Rule, options: ClassifyOptions): boolean {
  if (rule.name === 'user-chapter-pattern') return options.chapterPattern !== undefined;
  if (rule.name === 'user-scene-break') return options.sceneBreakPattern !== undefined;
  return !(options.chapterPattern && (rule.kind === 'chapter' || rule.kind === 'part'));
}

/** Facts about the whole file some rules need before the line pass. */
export function scan(lines: readonly Line[], layout: Layout, options: ClassifyOptions): Scan {
  const result: Scan = { firstHeading: -1, numberLines: 0, sectionWords: new Map(), loneTitles: 0 };
  for (const l of lines) {
    if (l.text.length > 60 || l.item.type !== 'text') continue;
    if (RE.numberLine.test(l.text)) result.numberLines++;
    const m = RE.section.exec(l.text);
    if (m) result.sectionWords.set(m[1]!.toLowerCase(), (result.sectionWords.get(m[1]!.toLowerCase()) ?? 0) + 1);
    if (isLoneTitle(l, layout)) result.loneTitles++;
  }
  const headingRules = RULES.filter((r) => HEADING_KINDS.has(r.kind) && active(r, options));
  for (const l of lines) {
    if (l.item.type === 'heading' || l.item.type === 'chapter') {
      result.firstHeading = l.index;
      break;
    }
    if (l.text.length > 100 || l.item.type !== 'text') continue;
    const ctx: RuleContext = {
      line: l,
      text: l.text,
      prev: undefined,
      before: [],
      next: lines[l.index + 1],
      layout,
      scan: result,
      inFront: false,
      seenChapter: false,
      lastChapterRule: undefined,
      options,
      contents: options.contents ?? [],
    };
    if (headingRules.some((r) => l.text.length <= r.max && r.test(ctx) !== null)) {
      result.firstHeading = l.index;
      break;
    }
  }
  return result;
}

export function classify(lines: readonly Line[], layout: Layout, options: ClassifyOptions): Classified[] {
  const facts = scan(lines, layout, options);
  const rules = RULES.filter((r) => active(r, options));
  const wordRules = rules.filter((r) => r.words);
  const out: Classified[] = [];
  let inFront = true;
  let seenChapter = false;
  let lastChapterRule: string | undefined;
  for (const line of lines) {
    const ctx: RuleContext = {
      line,
      text: line.text,
      prev: out[out.length - 1],
      before: out,
      next: lines[line.index + 1],
      layout,
      scan: facts,
      inFront,
      seenChapter,
      lastChapterRule,
      options,
      contents: options.contents ?? [],
    };
    const item = line.item;
    let cls: Classified | undefined;
    if (item.type === 'block') {
      cls = { line, rule: item.rule, kind: item.block.type === 'sceneBreak' ? 'sceneBreak' : 'block', data: {} };
    } else if (item.type === 'chapter') {
      // A site names this chapter; its words may still split into a label and a title (`Chapter 3: The Road`).
      const words = item.label === undefined ? firstMatch(wordRules, ctx) : undefined;
      const data = words && words.kind === 'chapter' && !words.data.untitled ? { title: words.data.title, label: words.data.label } : {};
      cls = { line, rule: item.rule, kind: 'chapter', data: { ...clean(data), fixed: true } };
    } else {
      cls = firstMatch(item.type === 'heading' ? wordRules : rules, ctx);
      if (item.type === 'heading') {
        // Only the words that name a division count here; otherwise the heading's depth decides.
        if (cls && cls.kind === 'section') cls = undefined;
        cls ??= { line, rule: item.rule, kind: 'heading', data: { depth: item.depth } };
      }
    }
    cls ??= continuedField(ctx) ?? { line, rule: 'paragraph', kind: 'paragraph', data: {} };
    if (cls.kind === 'chapter' || cls.kind === 'part' || cls.kind === 'heading') {
      seenChapter = true;
      lastChapterRule = cls.rule;
      inFront = false;
    } else if (cls.kind === 'paragraph' && facts.firstHeading < 0) {
      inFront = false;
    }
    out.push(cls);
  }
  return out;
}

/** Leaves out the fields a rule did not set. */
const clean = (o: Record<string, string | undefined>): Record<string, string> => Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

function firstMatch(rules: readonly Rule[], ctx: RuleContext): Classified | undefined {
  for (const rule of rules) {
    if (ctx.text.length > rule.max) continue;
    const data = rule.test(ctx);
    if (data) return { line: ctx.line, rule: rule.name, kind: data.as ?? rule.kind, data };
  }
  return undefined;
}

/** A `Summary:` goes on over the lines that follow it without a gap. */
function continuedField(ctx: RuleContext): Classified | undefined {
  const p = ctx.prev;
  // In one-paragraph-per-line files every line stands alone; elsewhere a line with no gap before it continues.
  if (ctx.layout.mode === 'line' || ctx.layout.mode === 'markup' || !p || p.kind !== 'meta' || ctx.line.gapBefore > 0 || p.data.field === undefined) return undefined;
  return { line: ctx.line, rule: 'front-field-continued', kind: 'meta', data: { field: 'continued', value: ctx.text } };
}
