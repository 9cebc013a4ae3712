import type { LintRule } from '../lint-rule.js';
import { severityKey } from '../../text/severity-key.js';
import { quote } from '../quote.js';

/** Every open action item has a due date. */
export const actionItemDue: LintRule = {
  id: 'action-item-due',
  defaultSeverity: 'error',
  description: 'Every open action item has a due date.',
  check({ pm, config }) {
    const severity = pm.severity === null ? null : severityKey(pm.severity);
    const fallback = Object.entries(config.defaultDueDays).find(
      ([s]) => severity !== null && severityKey(s) === severity,
    );
    const note = fallback
      ? ` (until then sync assumes ${fallback[1]} days after the incident)`
      : '';
    return pm.actionItems
      .filter((item) => item.status === 'open' && item.due === null && item.dueRaw === null)
      .map((item) => ({
        line: item.line,
        message: `Action item ${quote(item.title)} has no due date; add one as YYYY-MM-DD, e.g. "due 2026-12-10" or a Due column${note}.`,
      }));
  },
};
