import { escapeMarkdown } from '../text/escape-markdown.js';
import { plural } from '../text/plural.js';
import type { PullRequestCheckReport } from './check-pull-request.js';
import { renderDiagnosticsTable } from './render-diagnostics-table.js';
import { renderResemblances } from './render-resemblances.js';

/** Rows of the findings table and entries of the file list; a check run's summary holds at most 65,535 characters. */
const MAX_ROWS = 100;

/** Options of {@link renderCheckSummary}. */
export interface CheckSummaryOptions {
  /** Start with a `## Post-mortem check` heading (a job summary; a check run has its own title). */
  heading?: boolean;
  /** Where the configuration came from (`acme/web:.github/postmortem-tracker.yml`), when worth saying. */
  configSource?: string;
}

/** The check's title: one line with the counts. */
export function renderCheckTitle(report: PullRequestCheckReport): string {
  if (report.files.length === 0 && report.diagnostics.length === 0)
    return 'No post-mortem in this pull request';
  const files = plural(report.files.length, 'post-mortem');
  if (report.diagnostics.length === 0) return `${files} checked, no problems`;
  return `${files} checked: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
}

/**
 * The check's markdown summary, the same for the Action's job summary and the app's check run:
 * the counts, a table of the reported findings, what was left out, notes, and the files checked.
 */
export function renderCheckSummary(
  report: PullRequestCheckReport,
  options: CheckSummaryOptions = {},
): string {
  const lines: string[] = [];
  if (options.heading) lines.push('## Post-mortem check', '');
  const source =
    options.configSource === undefined
      ? ''
      : ` (configuration: \`${options.configSource.replace(/[`\r\n]/g, "'")}\`)`;
  lines.push(`**${escapeMarkdown(renderCheckTitle(report))}**${source}`, '');
  if (report.shown.length > 0) lines.push(...renderDiagnosticsTable(report.shown, MAX_ROWS), '');
  for (const { file, count } of report.omitted) {
    lines.push(
      `${escapeMarkdown(file)}: ${plural(count, 'more finding')} not reported (GitHub shows ${report.shown.filter((d) => d.file === file).length} per file); run \`postmortem-tracker lint\` on it to see them all.`,
      '',
    );
  }
  for (const note of report.notes) lines.push(`> ${escapeMarkdown(note)}`, '');
  lines.push(...renderResemblances(report.resemblances ?? []));
  if (report.files.length > 0) {
    lines.push(
      'Files checked:',
      ...report.files.slice(0, MAX_ROWS).map((f) => `- ${escapeMarkdown(f)}`),
    );
    if (report.files.length > MAX_ROWS) lines.push(`- …and ${report.files.length - MAX_ROWS} more`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
