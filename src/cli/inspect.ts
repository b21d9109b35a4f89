import type { ParsedWork } from '../convert.js';
import { formatDiagnostic } from '../diagnostics.js';
import { chapterCount } from '../model.js';
import { explain, explainLines, outlineOf } from '../structure/explain.js';

/** The outline `quire inspect` prints as JSON: merged metadata, the detected outline, every line's rule. */
export function inspectionJson(work: ParsedWork) {
  return { meta: work.book.meta, outline: outlineOf(work.detection), trace: work.trace, diagnostics: work.diagnostics };
}

/** The same as readable text; with `lines`, every non-blank line and the rule that read it. */
export function inspectionText(work: ParsedWork, file: string, lines = false): string {
  const { meta } = work.book;
  const merged = [
    `Book: ${meta.title}${meta.authors.length ? ` by ${meta.authors.map((a) => a.name).join(' & ')}` : ''} [${meta.language}]`,
    `${chapterCount(work.book)} chapter${chapterCount(work.book) === 1 ? '' : 's'} in the table of contents`,
  ];
  // Detection's own doubts are part of explain(); the rest come from reading and metadata.
  const others = work.diagnostics.filter((d) => !work.detection.diagnostics.includes(d)).map(formatDiagnostic);
  return [...merged, '', explain(work.detection, file, { meta: work.book.meta, sources: work.sources }), ...(lines ? ['', explainLines(work.detection)] : []), ...others].join('\n');
}
