import { capDiagnostics } from '../../core/guard/index.js';
import type { Diagnostic } from '../../core/model/index.js';
import { plural } from '../../core/text/index.js';
import { escapeCommandData, escapeCommandProperty } from '../../core/text/index.js';
import { formatAll, type FileResult, type Reporter } from '../file-result.js';

/** One `::error file=…,line=…,col=…,title=RULE::message` workflow command. */
export function formatAnnotation(d: Diagnostic): string {
  const props: string[] = [
    `file=${escapeCommandProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
  ];
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeCommandProperty(d.rule)}`);
  return `::${d.severity} ${props.join(',')}::${escapeCommandData(d.message)}`;
}

/**
 * GitHub Actions report: one workflow command per diagnostic, which the runner turns into
 * annotations — the first 50 of each file (what GitHub shows), then one notice counting the rest.
 */
export function githubReporter(): Reporter {
  return {
    file(r) {
      const { shown, omitted } = capDiagnostics(r.diagnostics);
      const lines = [
        ...shown.map(formatAnnotation),
        ...omitted.map(
          ({ file, count }) =>
            `::notice file=${escapeCommandProperty(file)},title=more findings::${escapeCommandData(`${plural(count, 'more finding')} in this file not annotated; run postmortem-tracker lint on it to see them all.`)}`,
        ),
      ];
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    },
    end: () => '',
  };
}

/** The GitHub Actions report of `results` at once ({@link githubReporter}). */
export function formatGithub(results: readonly FileResult[]): string {
  return formatAll(githubReporter(), results);
}
