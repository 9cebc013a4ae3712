import type { Diagnostic } from '../model/index.js';

/** Most diagnostics reported for one file unless a host says otherwise (as GitHub shows per step). */
export const MAX_REPORTED_PER_FILE = 50;

/**
 * Keeps the first `max` diagnostics (already in reading order) and replaces the rest with one
 * summary line that counts them, so a hostile file cannot flood a report.
 */
export function capDiagnostics(
  diagnostics: Diagnostic[],
  file: string,
  max: number = MAX_REPORTED_PER_FILE,
): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rest = diagnostics.slice(max);
  const errors = rest.filter((d) => d.severity === 'error').length;
  return [
    ...diagnostics.slice(0, max),
    {
      file,
      line: rest[0]?.line ?? 1,
      column: rest[0]?.column ?? 1,
      severity: errors > 0 ? 'error' : 'warning',
      rule: 'config-too-many-problems',
      message: `${rest.length} more problems in this file are not listed (${errors} errors); only the first ${max} are shown — fix these and run again.`,
    },
  ];
}
