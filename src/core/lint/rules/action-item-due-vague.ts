import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';
import { resolveDueDate } from '../../sync/resolve-due-date.js';
import { classifyDue } from './classify-due.js';

/** A due date names a day, not a period such as a quarter or "next sprint". */
export const actionItemDueVague: LintRule = {
  id: 'action-item-due-vague',
  defaultSeverity: 'warning',
  description: 'A due date names a day rather than a period ("Q2 2024", "next sprint").',
  check({ pm, config }) {
    return pm.actionItems.flatMap((item) => {
      if (item.status === 'done') return [];
      const parsed = classifyDue(item, pm, config);
      if (parsed?.kind !== 'vague') return [];
      const undecided = /^(?:tbd|tbc|tba|asap|soon|later|n\/?a|unknown|\?+)$/i.test(
        (item.dueRaw ?? '').trim(),
      );
      const what = undecided ? 'is not decided yet' : 'is a period, not a day';
      const due = resolveDueDate(item, pm, config.defaultDueDays);
      const tracked =
        due.reading !== null
          ? `it is tracked as ${due.date} (${due.reading})`
          : due.defaulted
            ? `it is tracked with the default due date ${due.date}`
            : 'it cannot become overdue';
      return [
        {
          line: item.line,
          message: `Due ${quote(item.dueRaw ?? '', 30)} of ${quote(item.title, 40)} ${what}, so ${tracked}; write the last day you commit to as YYYY-MM-DD.`,
        },
      ];
    });
  },
};
