/**
 * The line pass: every non-blank line is given to the rule table in order,
 * with what the lines before it were read as, and keeps the first rule that
 * claims it.
 */
import type { Layout } from '../readers/text/layout.js';
import type { Line } from '../readers/text/lines.js';
import { RE, RULES, isLoneTitle, type Classified, type Rule, type RuleContext, type Scan } from './rules.js';
import { quotationStart } from './quotation.js';
import { findGlue } from './shape.js';

export interface ClassifyOptions { chapterPattern?: RegExp; sceneBreakPattern?: RegExp }

/** Whether a rule takes part: a chapter pattern of the user's replaces the built-in chapter rules. */
function active(rule: Rule, options: ClassifyOptions): boolean {
  if (rule.name === 'user-chapter-pattern') return options.chapterPattern !== undefined;
  if (rule.name === 'user-scene-break') return options.sceneBreakPattern !== undefined;
  return !(options.chapterPattern && rule.kind === 'chapter');
}

/** Facts about the whole file some rules need before the line pass. */
export function scan(lines: readonly Line[], layout: Layout, options: ClassifyOptions): Scan {
  const result: Scan = { firstHeading: -1, numberLines: 0, sectionWords: new Map(), loneTitles: 0 };
  for (const l of lines) {
    if (l.text.length > 60) continue;
    if (RE.numberLine.test(l.text)) result.numberLines++;
    const m = RE.section.exec(l.text);
    if (m) result.sectionWords.set(m[1]!.toLowerCase(), (result.sectionWords.get(m[1]!.toLowerCase()) ?? 0) + 1);
    if (isLoneTitle(l, layout)) result.loneTitles++;
  }
  const headingRules = RULES.filter((r) => (r.kind === 'chapter' || r.kind === 'section') && active(r, options));
  for (const l of lines) {
    if (l.text.length > 100) continue;
    const ctx: RuleContext = {
      line: l, text: l.text, prev: undefined, before: [], next: lines[l.index + 1], layout, scan: result,
      inFront: false, seenChapter: false, lastChapterRule: undefined, options,
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
  const out: Classified[] = [];
  let inFront = true;
  let seenChapter = false;
  let lastChapterRule: string | undefined;
  for (const line of lines) {
    const ctx: RuleContext = {
      line, text: line.text, prev: out[out.length - 1], before: out, next: lines[line.index + 1], layout, scan: facts,
      inFront, seenChapter, lastChapterRule, options,
    };
    let cls: Classified | undefined;
    for (const rule of rules) {
      if (line.text.length > rule.max) continue;
      const data = rule.test(ctx);
      if (data) {
        cls = { line, rule: rule.name, kind: data.as ?? rule.kind, data };
        break;
      }
    }
    cls ??= continuedField(ctx) ?? { line, rule: 'paragraph', kind: 'paragraph', data: {} };
    if (cls.kind === 'cite') markQuotation(out, layout);
    if (cls.kind === 'chapter') {
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

/** The epigraph's quotation is the paragraph before its attribution (or the glued tail of it). */
function markQuotation(out: Classified[], layout: Layout): void {
  const first = quotationStart(out, layout);
  if (first < 0) return;
  const last = out[out.length - 1]!;
  const glue = findGlue(last.line.text);
  if (glue > 0) {
    last.rule = 'glued-epigraph';
    last.kind = 'epigraph';
    last.data = { glueAt: glue };
    return;
  }
  for (let i = first; i < out.length; i++) {
    out[i]!.rule = 'epigraph-quote';
    out[i]!.kind = 'epigraph';
  }
}

/** A `Summary:` goes on over the lines that follow it without a gap. */
function continuedField(ctx: RuleContext): Classified | undefined {
  const p = ctx.prev;
  // In one-paragraph-per-line files every line stands alone; elsewhere a line with no gap before it continues.
  if (ctx.layout.mode === 'line' || !p || p.kind !== 'meta' || ctx.line.gapBefore > 0 || p.data.field === undefined) return undefined;
  return { line: ctx.line, rule: 'front-field-continued', kind: 'meta', data: { field: 'continued', value: ctx.text } };
}
