/** The machine-readable report (`--json`, `--report`) and the one-line summary. */
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

/** The report as `--json` prints it and `--report` writes it: the library's report, serialised. */
export const reportJson = (report: BatchReport): string => `${JSON.stringify(report, null, 2)}\n`;
