/** The machine-readable report (`--json`, `--report`) and the one-line summary. */
import type { Diagnostic } from '../diagnostics.js';
import type { BatchReport, BatchSummary, WorkResult } from './types.js';

export function summarize(works: readonly WorkResult[], durationMs: number): BatchSummary {
  const count = (s: WorkResult['status']) => works.filter((w) => w.status === s).length;
  return {
    total: works.length,
    built: count('built'),
    skipped: count('skipped'),
    failed: works.filter((w) => !w.ok).length,
    warnings: works.reduce((n, w) => n + w.diagnostics.filter((d) => d.severity === 'warning').length, 0),
    durationMs,
  };
}

/** `12 built, 3 skipped, 1 failed, 2 warnings in 1.4 s` */
export function summaryLine(s: BatchSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${s.built} built, ${s.skipped} skipped, ${s.failed} failed, ${plural(s.warnings, 'warning')} in ${(s.durationMs / 1000).toFixed(1)} s`;
}

export interface JsonProblem {
  /** `file:line`, as editors and CI annotations link to. */
  location: string;
  file?: string;
  line?: number;
  code: string;
  message: string;
}

export interface JsonWork {
  source: string;
  sources: string[];
  status: WorkResult['status'];
  ok: boolean;
  output: string | null;
  title: string | null;
  chapters: number | null;
  words: number | null;
  durationMs: number;
  warnings: JsonProblem[];
  errors: JsonProblem[];
}

export interface JsonReport {
  quire: string;
  ok: boolean;
  summary: BatchSummary;
  works: JsonWork[];
}

const problem = (d: Diagnostic): JsonProblem => ({
  location: `${d.file ?? ''}${d.line ? `:${d.line}` : ''}`,
  ...(d.file === undefined ? {} : { file: d.file }),
  ...(d.line === undefined ? {} : { line: d.line }),
  code: d.code,
  message: d.message,
});

/** One JSON document for the whole batch; every field is always present, `null` when unknown. */
export function jsonReport(report: BatchReport, version: string): JsonReport {
  return {
    quire: version,
    ok: report.ok,
    summary: report.summary,
    works: report.works.map((w) => ({
      source: w.source,
      sources: w.sources,
      status: w.status,
      ok: w.ok,
      output: w.output ?? null,
      title: w.title ?? null,
      chapters: w.chapters ?? null,
      words: w.words ?? null,
      durationMs: w.durationMs,
      warnings: w.diagnostics.filter((d) => d.severity === 'warning').map(problem),
      errors: w.diagnostics.filter((d) => d.severity === 'error').map(problem),
    })),
  };
}
