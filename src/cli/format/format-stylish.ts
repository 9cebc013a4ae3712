import { plural } from '../../core/text/index.js';
import { formatAll, type FileResult, type Reporter } from '../file-result.js';

/** Human-readable report, streamed: diagnostics grouped by file with line:col, severity, message and rule, then a summary. */
export function stylishReporter(): Reporter {
  let errors = 0;
  let warnings = 0;
  let files = 0;
  return {
    file({ file, diagnostics }) {
      files++;
      if (diagnostics.length === 0) return '';
      const out = [file];
      const positions = diagnostics.map((d) => `${d.line}:${d.column}`);
      const width = Math.max(...positions.map((p) => p.length));
      diagnostics.forEach((d, i) => {
        if (d.severity === 'error') errors++;
        else warnings++;
        out.push(
          `  ${(positions[i] ?? '').padEnd(width)}  ${d.severity.padEnd(7)}  ${oneLine(d.message)}  ${d.rule}`,
        );
      });
      return `${out.join('\n')}\n\n`;
    },
    end() {
      const total = errors + warnings;
      return total === 0
        ? `✔ ${plural(files, 'file')} checked, no problems\n`
        : `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')} checked\n`;
    },
  };
}

/** Human-readable report: diagnostics grouped by file with line:col, severity, message and rule, then a summary. */
export function formatStylish(results: readonly FileResult[]): string {
  return formatAll(stylishReporter(), results);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
