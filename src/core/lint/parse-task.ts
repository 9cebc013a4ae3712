import type { Config } from '../config/index.js';
import { lintText, type LintResult } from './lint-text.js';
import type { ParseOptions } from '../markdown/parse-options.js';
import { parsePostmortem } from '../markdown/parse-postmortem.js';
import { capActionItems } from '../read/index.js';

/** One file to parse (and lint, when `config` is given), as handed to a parse worker. */
export interface ParseTask {
  text: string;
  path: string;
  options: ParseOptions;
  /** The configuration to lint against; without it the file is parsed only. */
  config?: Config;
  maxActionItems: number;
}

/**
 * Parses (and lints) one prepared text, then applies the action-item limit; `diagnostics` are the
 * lint findings, or the parser's own when not linting. The work a parse worker does per file.
 */
export function runParseTask(task: ParseTask): LintResult {
  if (task.config === undefined) {
    const postmortem = capActionItems(
      parsePostmortem(task.text, task.path, task.options),
      task.maxActionItems,
    );
    return { postmortem, diagnostics: postmortem.diagnostics };
  }
  const linted = lintText(task.text, task.path, task.config);
  const postmortem = capActionItems(linted.postmortem, task.maxActionItems);
  const cap = postmortem.diagnostics.filter((d) => d.rule === 'too-many-action-items');
  return { postmortem, diagnostics: [...linted.diagnostics, ...cap] };
}
