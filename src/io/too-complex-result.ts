import type { LintResult } from '../core/lint/index.js';
import { LEFT_ALONE, unreadPostmortem } from '../core/read/index.js';

/** The answer for a file that could not be parsed within the limits: one `file-too-complex` error saying why. */
export function tooComplexResult(path: string, why: string): LintResult {
  const postmortem = unreadPostmortem(
    path,
    'file-too-complex',
    `${path} is too complex to parse: ${why}; ${LEFT_ALONE}.`,
  );
  return { postmortem, diagnostics: postmortem.diagnostics };
}
