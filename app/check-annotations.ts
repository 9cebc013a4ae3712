import type { Diagnostic } from '../src/core/model/index.js';

/** A check-run annotation as `POST /repos/{owner}/{repo}/check-runs` takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** GitHub accepts at most this many annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** Turns diagnostics into check-run annotations on their lines. */
export function checkAnnotations(diagnostics: readonly Diagnostic[]): CheckAnnotation[] {
  return diagnostics.map((d) => {
    const endLine = Math.max(d.line, d.endLine ?? d.line);
    const annotation: CheckAnnotation = {
      path: d.file,
      start_line: Math.max(1, d.line),
      end_line: Math.max(1, endLine),
      annotation_level: d.severity === 'error' ? 'failure' : 'warning',
      title: d.rule,
      message: d.message,
    };
    // GitHub rejects columns on annotations that span several lines.
    if (endLine === d.line) {
      annotation.start_column = Math.max(1, d.column);
      annotation.end_column = Math.max(annotation.start_column, d.endColumn ?? d.column);
    }
    return annotation;
  });
}
