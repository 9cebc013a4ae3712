import type { Config } from '../config/schema.js';
import type { Diagnostic, Postmortem } from '../model/index.js';
import type { RuleContext } from './lint-rule.js';
import { proseLines } from './prose-lines.js';
import { lintRules } from './registry.js';
import { actionItemDueAmbiguous } from './rules/action-item-due-ambiguous.js';
import { sortDiagnostics } from './sort-diagnostics.js';

/** Options of {@link lintPostmortem}. */
export interface LintContext {
  /** The source text; with it, placeholder and blame checks see the whole file and give columns. */
  text?: string;
}

/** Runs every enabled rule over a parsed post-mortem; parser diagnostics are included, all sorted by line. */
export function lintPostmortem(
  pm: Postmortem,
  config: Config,
  ctx: LintContext = {},
): Diagnostic[] {
  const lines = ctx.text === undefined ? null : ctx.text.split(/\r\n|\r|\n/);
  const prose = lines === null ? null : proseLines(lines);
  const ruleCtx: RuleContext = {
    pm,
    config,
    lines,
    prose,
    proseText: prose === null ? null : prose.join('\n'),
  };
  const out: Diagnostic[] = [];
  // The parser finds ambiguous due dates first; they are this rule's findings, configured by its id.
  const unreadDue = new Set(
    pm.actionItems.filter((i) => i.due === null && i.dueRaw !== null).map((i) => i.line),
  );
  for (const d of pm.diagnostics) {
    const rule =
      d.rule === 'date-ambiguous' && unreadDue.has(d.line) ? actionItemDueAmbiguous.id : d.rule;
    const level = config.rules[rule] ?? config.rules[d.rule] ?? d.severity;
    if (level !== 'off') out.push({ ...d, rule, severity: level });
  }
  for (const rule of lintRules) {
    const level = config.rules[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check(ruleCtx)) {
      const column = f.column ?? firstColumn(lines, f.line);
      const d: Diagnostic = {
        file: pm.path,
        line: f.line,
        column,
        severity: level,
        rule: rule.id,
        message: f.message,
      };
      if (f.endLine !== undefined) d.endLine = f.endLine;
      if (f.endColumn !== undefined) d.endColumn = f.endColumn;
      out.push(d);
    }
  }
  return sortDiagnostics(out);
}

/** The column of a line's first visible character, so whole-line findings point at the text. */
function firstColumn(lines: readonly string[] | null, line: number): number {
  const text = lines?.[line - 1];
  if (text === undefined) return 1;
  const i = text.search(/\S/);
  return i === -1 ? 1 : i + 1;
}
