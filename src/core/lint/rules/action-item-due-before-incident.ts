import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';
import { classifyDue } from './classify-due.js';

/** A due date falls on or after the incident date. */
export const actionItemDueBeforeIncident: LintRule = {
  id: 'action-item-due-before-incident',
  defaultSeverity: 'error',
  description:
    'A due date falls on or after the incident date (an earlier one is usually a typo in the year or month).',
  check({ pm, config }) {
    const incident = pm.incidentDate;
    if (incident === null) return [];
    return pm.actionItems.flatMap((item) => {
      const parsed = classifyDue(item, pm, config);
      if (parsed?.kind !== 'date' || parsed.date >= incident) return [];
      return [
        {
          line: item.line,
          message: `Due date ${parsed.date} of ${quote(item.title, 40)} is before the incident (${incident}); check the year and month, and write a date after ${incident}.`,
        },
      ];
    });
  },
};
