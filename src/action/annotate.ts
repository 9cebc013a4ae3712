import * as core from '@actions/core';
import type { Diagnostic } from '../core/model/index.js';

/** Emits a diagnostic as a workflow-command annotation on its file and line (works with read-only tokens). */
export function annotate(diagnostic: Diagnostic): void {
  const properties: core.AnnotationProperties = {
    title: diagnostic.rule,
    file: diagnostic.file,
    startLine: diagnostic.line,
    startColumn: diagnostic.column,
  };
  if (diagnostic.endLine !== undefined) properties.endLine = diagnostic.endLine;
  // GitHub rejects a column range across lines, so end columns only go with single-line spans.
  if (
    diagnostic.endColumn !== undefined &&
    (diagnostic.endLine === undefined || diagnostic.endLine === diagnostic.line)
  ) {
    properties.endColumn = diagnostic.endColumn;
  }
  if (diagnostic.severity === 'error') core.error(diagnostic.message, properties);
  else core.warning(diagnostic.message, properties);
}
