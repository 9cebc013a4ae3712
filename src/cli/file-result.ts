import type { Diagnostic } from '../core/model/index.js';

/** The diagnostics of one file, as the formatters take them. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/**
 * A report written while files are linted: each file's part as soon as it is done, the totals at
 * the end, so that linting 10,000 files holds one file's findings at a time, not all of them.
 */
export interface Reporter {
  /** The part of the report for one file (may be empty). */
  file(result: FileResult): string;
  /** What closes the report, after the last file. */
  end(): string;
}

/** The whole report of `results` at once, from a reporter (what tests and small runs use). */
export function formatAll(reporter: Reporter, results: readonly FileResult[]): string {
  return results.map((r) => reporter.file(r)).join('') + reporter.end();
}
