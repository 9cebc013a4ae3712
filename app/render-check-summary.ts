import { renderDiagnosticsTable } from '../src/core/check/render-diagnostics-table.js';
import type { Diagnostic } from '../src/core/model/index.js';
import { escapeMarkdown } from '../src/core/text/escape-markdown.js';
import type { CheckConclusion } from '../src/core/check/check-conclusion.js';

/** What the check run reports, before rendering. */
export interface CheckReport {
  conclusion: CheckConclusion;
  /** Post-mortem paths that were checked. */
  files: string[];
  diagnostics: Diagnostic[];
  /** What was not checked, and why (team owners, a token that may not read assignees). */
  notes: string[];
  /** Where the configuration came from (`org/repo:.github/postmortem-tracker.yml`). */
  configSource: string;
}

const MAX_ROWS = 100;

/** The check run's title: one line with the counts. */
export function renderCheckTitle(report: CheckReport): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const files = `${report.files.length} post-mortem${report.files.length === 1 ? '' : 's'}`;
  if (report.diagnostics.length === 0) return `${files} checked, no problems`;
  return `${files}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** The check run's markdown summary: the counts, then a table of findings (the first 100). */
export function renderCheckSummary(report: CheckReport): string {
  const lines = [
    `**${escapeMarkdown(renderCheckTitle(report))}** (configuration: \`${report.configSource.replace(/`/g, "'")}\`)`,
    '',
  ];
  if (report.diagnostics.length > 0) {
    lines.push(...renderDiagnosticsTable(report.diagnostics, MAX_ROWS), '');
  }
  for (const note of report.notes) lines.push(`> ${escapeMarkdown(note)}`, '');
  lines.push('Files checked:', ...report.files.map((f) => `- ${escapeMarkdown(f)}`));
  return lines.join('\n');
}
