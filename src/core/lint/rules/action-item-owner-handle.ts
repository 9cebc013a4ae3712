import { isGitHubHandle } from '../../markdown/owners.js';
import type { LintRule } from '../lint-rule.js';
import { quote } from '../quote.js';

/** Every owner is a GitHub handle or a configured alias, so sync can assign the issue. */
export const actionItemOwnerHandle: LintRule = {
  id: 'action-item-owner-handle',
  defaultSeverity: 'error',
  description:
    'Every owner is a GitHub handle (`@login`, `@org/team`) or a name mapped in `owners.aliases`.',
  check({ pm, config }) {
    const aliases = config.owners.aliases;
    const known = new Set<string>();
    for (const [name, login] of Object.entries(aliases)) {
      known.add(name.toLowerCase());
      known.add(login.toLowerCase());
    }
    return pm.actionItems
      .filter(
        (item) =>
          item.owner !== null &&
          !isGitHubHandle(item.owner) &&
          !known.has(item.owner.toLowerCase()),
      )
      .map((item) => {
        const owner = item.owner ?? '';
        return {
          line: item.line,
          message: `Owner ${quote(owner, 40)} of ${quote(item.title, 40)} is not a GitHub handle; write "@login" or "@org/team", or map it in the config: owners.aliases: { ${JSON.stringify(owner)}: "@login" }.`,
        };
      });
  },
};
