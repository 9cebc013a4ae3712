export { emptyPostmortem } from '../markdown/empty-postmortem.js';
export type { LintRule, RuleContext, RuleFinding } from './lint-rule.js';
export { lintPostmortem, type LintContext } from './lint-postmortem.js';
export { lintText, type LintResult } from './lint-text.js';
export { runParseTask, type ParseTask } from './parse-task.js';
export { lintRules } from './registry.js';
export { sortDiagnostics } from './sort-diagnostics.js';
