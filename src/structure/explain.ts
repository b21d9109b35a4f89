/**
 * `quire inspect FILE`: the outline a reader will get, as text — metadata
 * found, every chapter, section, break, note and epigraph with its source
 * line and the rule that decided it, and the doubts.
 */
import path from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import { MARKUP_RULES } from '../readers/items.js';
import { CHAPTER_RULES } from './chapters.js';
import { CLAIM_RULES } from './claims.js';
import { STRAY_BREAK_RULE } from './place.js';
import { RULES } from './rules.js';
import { GAP_BREAK_RULE, REGION_RULES } from './regions.js';
import { outlineOf, plainMeta, type OutlineBlock } from './outline.js';
import type { Metadata } from '../model.js';
import type { ParseResult } from './index.js';

export { outlineOf, type Outline } from './outline.js';

const MODES: Record<string, string> = {
  line: 'one paragraph per line',
  blank: 'paragraphs separated by blank lines',
  wrapped: 'hard-wrapped lines, blank lines between paragraphs',
  indented: 'hard-wrapped lines, paragraphs start indented',
  markup: 'structure from Markdown or HTML markup',
};

const LEFT_OUT: Readonly<Record<string, string>> = {
  'gutenberg-header': "Project Gutenberg's header",
  'gutenberg-licence': "Project Gutenberg's closing line and licence",
  'contents-list': "the text's own contents list",
  'scanner-label': "a scanner's image label",
};

export function explain(result: ParseResult, file: string, merged?: { meta: Partial<Metadata>; sources: Readonly<Record<string, string>> }): string {
  const o = outlineOf(result);
  const out: string[] = [`${file}: ${MODES[o.mode] ?? o.mode}`];
  // The book's metadata where the caller has it (every layer merged, each with where it came from), else the story's own.
  const meta = merged ? plainMeta(merged.meta) : o.meta;
  const keys = Object.keys(meta).filter((k) => meta[k] !== undefined && !(Array.isArray(meta[k]) && (meta[k] as unknown[]).length === 0));
  out.push('', 'Metadata');
  if (keys.length === 0) out.push('  (none)');
  const from = (k: string) => (!merged ? '' : `  (${merged.sources[k] ?? "quire's default"})`);
  for (const k of keys) out.push(`  ${k}: ${JSON.stringify(meta[k])}${from(k)}`);
  const sources = result.trace.filter((t) => t.kind === 'meta' || t.kind === 'title' || t.rule === 'work-title-chapter');
  if (sources.length > 0) out.push('  read from:');
  const manyFiles = new Set(result.trace.map((t) => t.file)).size > 1;
  for (const t of sources) out.push(`    ${(manyFiles ? `${path.basename(t.file)}:${t.line}` : String(t.line)).padEnd(6)} ${t.text}  [${t.rule}]`);
  const blocks = (list: OutlineBlock[], indent: string) => {
    let run: OutlineBlock[] = [];
    const flush = () => {
      if (run.length > 0) out.push(`${indent}${span(run)}  ${run.length} paragraph${run.length > 1 ? 's' : ''}`);
      run = [];
    };
    for (const b of list) {
      if (b.type === 'p') {
        run.push(b);
        continue;
      }
      flush();
      out.push(`${indent}${b.lines.padEnd(8)} ${describe(b)}${b.rule ? `  [${b.rule}]` : ''}`);
    }
    flush();
  };
  if (o.leftOut?.length) {
    out.push('', 'Left out of the story');
    for (const r of o.leftOut) out.push(`  ${r.lines.padEnd(8)} ${LEFT_OUT[r.rule] ?? r.rule}  [${r.rule}]`);
  }
  if (o.imprint?.length) {
    out.push('', "Title page (the printed book's own)");
    blocks(o.imprint, '  ');
  }
  if (o.front.length > 0) {
    out.push('', 'Front matter');
    blocks(o.front, '  ');
  }
  let chapters = 0;
  let parts = 0;
  for (const c of o.chapters) {
    const head = c.title === '' ? '(no heading)' : `${c.label ? `${c.label}: ` : ''}${c.title}`;
    const what = c.part ? `Part ${++parts}` : `Chapter ${++chapters}`;
    out.push('', `${what}  ${head}  ${c.file ? `${path.basename(c.file)} ` : ''}lines ${c.lines}  [${c.rule}]`);
    blocks(c.blocks, '  ');
    for (const s of c.sections) {
      out.push(`  Section  ${s.label ? `${s.label}: ` : ''}${s.title}  lines ${s.lines}  [${s.rule}]`);
      blocks(s.blocks, '    ');
    }
  }
  if (o.back.length > 0) {
    out.push('', 'End matter');
    blocks(o.back, '  ');
  }
  out.push('');
  if (result.diagnostics.length === 0) out.push('No doubts.');
  else for (const d of result.diagnostics) out.push(formatDiagnostic(d));
  const used = [...result.trace.map((t) => t.rule), ...o.chapters.flatMap((c) => [c.rule, ...c.blocks.flatMap((b) => (b.rule ? [b.rule] : []))])];
  out.push('', 'Rules', explainRules(used).trimEnd());
  return out.join('\n') + '\n';
}

/**
 * Every non-blank line with the rule that read it, and what later steps
 * decided about it, for `quire inspect --lines`; lines of a folder work's
 * chapter files carry their file's name.
 */
export function explainLines(result: ParseResult): string {
  const files = new Set(result.trace.map((t) => t.file));
  const at = (t: ParseResult['trace'][number]) => (files.size > 1 ? `${t.file}:${t.line}` : String(t.line));
  const width = Math.max(5, ...result.trace.map((t) => at(t).length));
  const where = (t: ParseResult['trace'][number]) => (files.size > 1 ? at(t).padEnd(width) : at(t).padStart(width));
  return result.trace.map((t) => `${where(t)}  ${t.kind.padEnd(12)} ${t.rule.padEnd(26)} ${t.text}`).join('\n') + '\n';
}

/** What every rule means, by name: the line rules, the region rules, the readers' markup rules and the chaptering decisions. */
export const RULE_DOCS: ReadonlyMap<string, string> = new Map([
  ...RULES.map((r) => [r.name, r.doc] as const),
  ...CLAIM_RULES.map((r) => [r.name, r.doc] as const),
  ...REGION_RULES.map((r) => [r.name, r.doc] as const),
  [GAP_BREAK_RULE.name, GAP_BREAK_RULE.doc],
  ['front-field-continued', 'a hard-wrapped front-matter field going on over the next line'],
  ['paragraph', 'no rule matched: story text'],
  ...MARKUP_RULES,
  ...CHAPTER_RULES,
  [STRAY_BREAK_RULE.name, STRAY_BREAK_RULE.doc],
]);

/** What each of the rules named in `names` means: the legend under `quire inspect`'s outline. */
export function explainRules(names: Iterable<string>): string {
  const used = [...new Set(names)].filter((n) => RULE_DOCS.has(n)).sort();
  return used.map((name) => `  ${name.padEnd(26)} ${RULE_DOCS.get(name)}`).join('\n') + '\n';
}

function span(run: OutlineBlock[]): string {
  const a = run[0]!.lines.split('-')[0]!;
  const z = run[run.length - 1]!.lines.split('-').pop()!;
  return (a === z ? a : `${a}-${z}`).padEnd(8);
}

function describe(b: OutlineBlock): string {
  switch (b.type) {
    case 'break':
      return 'scene break';
    case 'pov':
      return `point of view: ${b.text}`;
    case 'end':
      return `end mark: ${b.text}`;
    case 'epigraph':
      return `epigraph${b.cite ? ` ~ ${b.cite}` : ''}: ${b.text}`;
    case 'note':
      return `author's note${b.label ? ` (${b.label})` : ''}, ${b.count} paragraph${b.count === 1 ? '' : 's'}: ${b.text}`;
    case 'verse':
      return `verse, ${b.count} lines: ${b.text}`;
    default:
      return `${b.type}${b.text ? `: ${b.text}` : ''}`;
  }
}
