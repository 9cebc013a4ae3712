import type { Diagnostic } from '../core/model/index.js';

/** The diagnostics of one file, as the formatters take them. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}
