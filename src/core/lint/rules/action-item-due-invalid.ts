import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';
import { classifyDue } from './classify-due.js';

/** A due date that is written must read as a date. */
export const actionItemDueInvalid: LintRule = {
  id: 'action-item-due-invalid',
  defaultSeverity: 'error',
  description: 'A due date that is written reads as a date.',
  check({ pm, config }) {
    return pm.actionItems.flatMap((item) => {
      const parsed = classifyDue(item, pm, config);
      if (parsed?.kind !== 'invalid') return [];
      return [
        {
          line: item.line,
          message: `Due date ${quote(item.dueRaw ?? '', 30)} of ${quote(item.title, 40)} is not a date; write it as YYYY-MM-DD, e.g. "due 2026-12-10".`,
        },
      ];
    });
  },
};
