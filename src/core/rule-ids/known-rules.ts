import type { KnownRules } from '../config/index.js';

/**
 * Every lint rule's id, in documentation order: what a config's `rules:` may name, known without
 * loading the rules and the parser behind them (the registry is checked against it by a test).
 */
export const LINT_RULE_IDS = [
  'required-sections',
  'severity-missing',
  'severity-scale',
  'action-item-owner',
  'action-item-owner-handle',
  'action-item-due',
  'action-item-due-invalid',
  'action-item-due-ambiguous',
  'action-item-due-vague',
  'action-item-due-before-incident',
  'action-item-duplicate',
  'timeline-order',
  'late-postmortem',
  'placeholder',
  'blame-language',
] as const;

/** A lint rule's id. */
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** Rule ids that are not lint rules but may still be configured: parser and config findings. */
export const externalRulePrefixes: readonly string[] = ['parse-', 'date-', 'config-', 'lint-'];

/** The rule ids and families a config's `rules:` may name, for the config loader. */
export const knownRules: KnownRules = { ids: LINT_RULE_IDS, prefixes: externalRulePrefixes };
