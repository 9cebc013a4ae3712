import { renderDiagnosticsTable } from '../core/check/render-diagnostics-table.js';
import type { Diagnostic } from '../core/model/index.js';
import { escapeMarkdown } from '../core/text/escape-markdown.js';

const MAX_ROWS = 500;

/** Renders the pull-request check as a job summary: one row per diagnostic, by file and line. */
export function renderCheckSummary(
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
  notes: readonly string[],
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const lines = [
    '## Post-mortem check',
    '',
    files.length === 0
      ? 'No post-mortem in this pull request.'
      : `${files.length} post-mortem(s) checked: ${errors} error(s), ${warnings} warning(s).`,
    '',
  ];
  if (diagnostics.length > 0) lines.push(...renderDiagnosticsTable(diagnostics, MAX_ROWS), '');
  for (const note of notes) lines.push(`> ${escapeMarkdown(note)}`, '');
  return `${lines.join('\n')}\n`;
}
