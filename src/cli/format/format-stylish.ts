import { plural } from '../../core/text/index.js';
import type { FileResult } from '../file-result.js';

/** Human-readable report: diagnostics grouped by file with line:col, severity, message and rule, then a summary. */
export function formatStylish(results: readonly FileResult[]): string {
  let errors = 0;
  let warnings = 0;
  const out: string[] = [];
  for (const { file, diagnostics } of results) {
    if (diagnostics.length === 0) continue;
    out.push(file);
    const positions = diagnostics.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    diagnostics.forEach((d, i) => {
      if (d.severity === 'error') errors++;
      else warnings++;
      out.push(
        `  ${(positions[i] ?? '').padEnd(width)}  ${d.severity.padEnd(7)}  ${oneLine(d.message)}  ${d.rule}`,
      );
    });
    out.push('');
  }
  const files = results.length;
  const total = errors + warnings;
  if (total === 0) {
    out.push(`✔ ${plural(files, 'file')} checked, no problems`);
  } else {
    out.push(
      `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')} checked`,
    );
  }
  return `${out.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
