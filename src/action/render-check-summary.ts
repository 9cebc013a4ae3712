import type { Diagnostic } from '../core/model/index.js';
import { escapeMarkdown } from '../core/sync/escape-markdown.js';

const MAX_ROWS = 500;

/** Renders the pull-request check as a job summary: one row per diagnostic, by file and line. */
export function renderCheckSummary(files: readonly string[], diagnostics: readonly Diagnostic[], notes: readonly string[]): string {
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
  if (diagnostics.length > 0) {
    lines.push('| File | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |');
    for (const d of diagnostics.slice(0, MAX_ROWS)) {
      lines.push(`| ${escapeMarkdown(d.file)} | ${d.line} | ${d.severity} | ${escapeMarkdown(d.rule)} | ${escapeMarkdown(d.message)} |`);
    }
    if (diagnostics.length > MAX_ROWS) lines.push(`| … | | | | ${diagnostics.length - MAX_ROWS} more |`);
    lines.push('');
  }
  for (const note of notes) lines.push(`> ${escapeMarkdown(note)}`, '');
  return `${lines.join('\n')}\n`;
}
