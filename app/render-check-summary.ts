import type { Diagnostic } from '../src/core/model/index.js';
import { escapeMarkdown } from '../src/core/sync/escape-markdown.js';
import type { CheckConclusion } from './check-conclusion.js';

/** What the check run reports, before rendering. */
export interface CheckReport {
  conclusion: CheckConclusion;
  /** Post-mortem paths that were checked. */
  files: string[];
  diagnostics: Diagnostic[];
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
    lines.push('| File | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |');
    for (const d of report.diagnostics.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${escapeMarkdown(d.file)} | ${d.line} | ${d.severity} | ${escapeMarkdown(d.rule)} | ${escapeMarkdown(d.message)} |`,
      );
    }
    if (report.diagnostics.length > MAX_ROWS)
      lines.push('', `…and ${report.diagnostics.length - MAX_ROWS} more, shown as annotations.`);
    lines.push('');
  }
  lines.push('Files checked:', ...report.files.map((f) => `- ${escapeMarkdown(f)}`));
  return lines.join('\n');
}
