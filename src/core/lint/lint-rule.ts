import type { LintRuleId } from '../rule-ids/index.js';
import type { Config } from '../config/schema.js';
import type { DiagnosticSeverity, Postmortem } from '../model/index.js';

/** What a rule sees: the parsed post-mortem, the config, and (when known) the source text. */
export interface RuleContext {
  pm: Postmortem;
  config: Config;
  /** The source split into lines, or null when only the model is known. */
  lines: readonly string[] | null;
  /**
   * The source lines with code blocks, code spans, HTML comments and URLs blanked out
   * (same lengths, so columns still match), or null when only the model is known.
   */
  prose: readonly string[] | null;
  /** `prose` joined with newlines (for a quick whole-file test before a line-by-line scan), or null. */
  proseText: string | null;
}

/** One finding of a rule, before the severity and file are attached. */
export interface RuleFinding {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** A lint rule: a kebab-case id, a default severity and a check over the parsed post-mortem. */
export interface LintRule {
  id: LintRuleId;
  defaultSeverity: DiagnosticSeverity;
  /** One sentence for the docs: what the rule asks of a post-mortem. */
  description: string;
  check(ctx: RuleContext): RuleFinding[];
}
