import type { Diagnostic } from '../../core/model/index.js';
import type { FileResult } from '../file-result.js';

/** Escapes a workflow-command message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,title=RULE::message` workflow command. */
export function formatAnnotation(d: Diagnostic): string {
  const props: string[] = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.rule)}`);
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}`;
}

/** GitHub Actions report: one workflow command per diagnostic, which the runner turns into annotations. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines = results.flatMap((r) => r.diagnostics.map(formatAnnotation));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
