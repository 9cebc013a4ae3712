import type { Diagnostic } from '../model/index.js';

/** GitHub shows at most this many annotations per file in a check's annotations view. */
export const MAX_ANNOTATIONS_PER_FILE = 50;

/** Diagnostics kept for reporting, and how many were left out of each file. */
export interface CappedDiagnostics {
  /** The first `perFile` diagnostics of each file, in the order given. */
  shown: Diagnostic[];
  /** Files with more diagnostics than `perFile`, and how many of theirs were left out. */
  omitted: Array<{ file: string; count: number }>;
}

/** Keeps the first `perFile` diagnostics of every file and counts the rest, so a run reports a bounded number. */
export function capDiagnostics(
  diagnostics: readonly Diagnostic[],
  perFile: number = MAX_ANNOTATIONS_PER_FILE,
): CappedDiagnostics {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (seen.get(d.file) ?? 0) + 1;
    seen.set(d.file, n);
    if (n <= perFile) shown.push(d);
  }
  const omitted = [...seen]
    .filter(([, n]) => n > perFile)
    .map(([file, n]) => ({ file, count: n - perFile }));
  return { shown, omitted };
}
