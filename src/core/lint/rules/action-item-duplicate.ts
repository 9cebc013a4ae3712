import type { LintRule, RuleFinding } from '../lint-rule.js';
import { quote } from '../quote.js';

/** Lower-cases, drops punctuation and collapses spaces, so "Add alerts." equals "add  alerts". */
function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** No action item is listed twice. */
export const actionItemDuplicate: LintRule = {
  id: 'action-item-duplicate',
  defaultSeverity: 'error',
  description:
    'No action item is listed twice (same text ignoring case and punctuation); duplicates would become duplicate issues.',
  check({ pm }) {
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    for (const item of pm.actionItems) {
      const key = titleKey(item.title);
      if (key === '') continue;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, item.line);
        continue;
      }
      findings.push({
        line: item.line,
        message: `Action item ${quote(item.title)} repeats the item on line ${first}; remove one, or reword them if they are different work.`,
      });
    }
    return findings;
  },
};
