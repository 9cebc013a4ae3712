import { formatAll, type FileResult, type Reporter } from '../file-result.js';

/** Machine-readable report, streamed: a JSON array with one entry per file, its counts and diagnostics. */
export function jsonReporter(): Reporter {
  let first = true;
  return {
    file({ file, diagnostics }) {
      const entry = {
        file,
        errorCount: diagnostics.filter((d) => d.severity === 'error').length,
        warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
        diagnostics,
      };
      // Byte for byte what JSON.stringify(entries, null, 2) writes for this element.
      const element = JSON.stringify(entry, null, 2).replace(/^/gm, '  ');
      const part = `${first ? '[\n' : ',\n'}${element}`;
      first = false;
      return part;
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}

/** Machine-readable report: one entry per file with its counts and diagnostics. */
export function formatJson(results: readonly FileResult[]): string {
  return formatAll(jsonReporter(), results);
}
