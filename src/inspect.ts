import type { ParsedWork } from './convert.js';
import { formatDiagnostic } from './diagnostics.js';
import { inlineText } from './model.js';

/** The outline `quire inspect` prints: metadata, chapters, and how every line was read. */
export function describeInspection(work: ParsedWork, format: 'json'): object;
export function describeInspection(work: ParsedWork, format: 'text'): string;
export function describeInspection(work: ParsedWork, format: 'json' | 'text'): object | string {
  const { book } = work;
  if (format === 'json') {
    return { meta: book.meta, chapters: book.chapters.map((c) => ({ title: inlineText(c.title), line: c.span.start, sections: c.sections.map((s) => inlineText(s.title)) })), trace: work.trace, diagnostics: work.diagnostics };
  }
  const lines = [`title: ${book.meta.title}`, `authors: ${book.meta.authors.map((a) => a.name).join(', ') || '(none)'}`, ''];
  for (const t of work.trace) lines.push(`${String(t.line).padStart(5)}  ${t.kind.padEnd(10)} ${t.rule.padEnd(18)} ${t.text.slice(0, 60)}`);
  for (const d of work.diagnostics) lines.push(formatDiagnostic(d));
  return lines.join('\n');
}
