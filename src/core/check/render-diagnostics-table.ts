import type { Diagnostic } from '../model/index.js';
import { escapeMarkdown } from '../text/escape-markdown.js';

/** Longest message shown in one table cell; annotations carry the full text. */
const MAX_MESSAGE = 300;

/**
 * A markdown table of diagnostics, one row each by file and line, for a job summary or a check
 * run's summary; beyond `maxRows` a closing line says how many more the annotations show.
 */
export function renderDiagnosticsTable(
  diagnostics: readonly Diagnostic[],
  maxRows: number,
): string[] {
  if (diagnostics.length === 0) return [];
  const lines = ['| File | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |'];
  for (const d of diagnostics.slice(0, maxRows)) {
    lines.push(
      `| ${escapeMarkdown(d.file)} | ${d.line} | ${d.severity} | ${escapeMarkdown(d.rule)} | ${escapeMarkdown(d.message, { max: MAX_MESSAGE })} |`,
    );
  }
  if (diagnostics.length > maxRows)
    lines.push('', `…and ${diagnostics.length - maxRows} more, shown as annotations.`);
  return lines;
}
