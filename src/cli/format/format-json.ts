import type { FileResult } from '../file-result.js';

/** Machine-readable report: one entry per file with its counts and diagnostics. */
export function formatJson(results: readonly FileResult[]): string {
  const files = results.map(({ file, diagnostics }) => ({
    file,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}
