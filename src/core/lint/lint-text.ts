import { parseOptionsFromConfig } from '../config/parse-options-from-config.js';
import type { Config } from '../config/schema.js';
import { emptyPostmortem } from '../markdown/empty-postmortem.js';
import { parsePostmortem } from '../markdown/parse-postmortem.js';
import type { Diagnostic, Postmortem } from '../model/index.js';
import { lintPostmortem } from './lint-postmortem.js';
import { errorMessage } from '../text/error-message.js';

/** The result of linting one file. */
export interface LintResult {
  postmortem: Postmortem;
  diagnostics: Diagnostic[];
}

/** Parses and lints one file; never throws: a file that cannot be processed yields one diagnostic. */
export function lintText(text: string, path: string, config: Config): LintResult {
  let postmortem: Postmortem;
  try {
    postmortem = parsePostmortem(text, path, parseOptionsFromConfig(config));
  } catch (error) {
    return {
      postmortem: emptyPostmortem(path),
      diagnostics: [failure(path, 'parse-error', 'could not be parsed', error)],
    };
  }
  try {
    return { postmortem, diagnostics: lintPostmortem(postmortem, config, { text }) };
  } catch (error) {
    return { postmortem, diagnostics: [failure(path, 'lint-error', 'could not be linted', error)] };
  }
}

/** One error diagnostic for a file the tool failed on, naming the cause. */
function failure(file: string, rule: string, what: string, error: unknown): Diagnostic {
  const cause = errorMessage(error);
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule,
    message: `This file ${what} (${cause}); check that it is a UTF-8 markdown file, and report the problem with this file attached if it is.`,
  };
}
