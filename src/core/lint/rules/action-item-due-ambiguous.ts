import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';
import { classifyDue } from './classify-due.js';

/** A numeric due date must not be readable both day-first and month-first. */
export const actionItemDueAmbiguous: LintRule = {
  id: 'action-item-due-ambiguous',
  defaultSeverity: 'error',
  description:
    "A numeric due date is not ambiguous between day-first and month-first (unless `dates.order` settles it); the parser's `date-ambiguous` finding on a due date is reported under this id.",
  check({ pm, config }) {
    // The parser reports ambiguous dates it meets as `date-ambiguous` (lintPostmortem files those
    // under this id); do not say it twice.
    const reported = new Set(
      pm.diagnostics.filter((d) => d.rule === 'date-ambiguous').map((d) => d.line),
    );
    return pm.actionItems.flatMap((item) => {
      if (reported.has(item.line)) return [];
      const parsed = classifyDue(item, pm, config);
      if (parsed?.kind !== 'ambiguous') return [];
      const options = parsed.candidates.map((c) => `"${c}"`).join(' or ');
      return [
        {
          line: item.line,
          message: `Due date ${quote(item.dueRaw ?? '', 30)} of ${quote(item.title, 40)} is ambiguous (${options}); write it as YYYY-MM-DD, or set dates.order to DMY or MDY in the config.`,
        },
      ];
    });
  },
};
