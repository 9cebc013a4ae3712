import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';

/** Every open action item names an owner. */
export const actionItemOwner: LintRule = {
  id: 'action-item-owner',
  defaultSeverity: 'error',
  description: 'Every open action item names an owner.',
  check({ pm }) {
    return pm.actionItems
      .filter((item) => item.status === 'open' && item.owner === null)
      .map((item) => ({
        line: item.line,
        message: `Action item ${quote(item.title)} has no owner; add a GitHub handle, e.g. "@alice" or "(owner: @org/team)", or fill the Owner column.`,
      }));
  },
};
