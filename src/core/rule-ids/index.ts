// The names a config's `rules:` may use, known without loading the lint rules and the parser.
export { externalRulePrefixes, knownRules, LINT_RULE_IDS, type LintRuleId } from './known-rules.js';
