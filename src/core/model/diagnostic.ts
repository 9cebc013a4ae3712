/** How serious a finding is; `off` only appears in configuration, never on a diagnostic. */
export type DiagnosticSeverity = 'error' | 'warning';

/** One finding about one file, positioned so it can become an annotation. */
export interface Diagnostic {
  /** Repository-relative (or CLI-relative) path of the file. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: DiagnosticSeverity;
  /** Rule id, kebab-case, e.g. `action-item-owner`. Parser findings use `parse-*` ids. */
  rule: string;
  /** What is wrong and what to write instead. */
  message: string;
}
