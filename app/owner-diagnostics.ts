import type { IssuesPort } from '../src/core/github/port.js';
import type { Diagnostic, Postmortem } from '../src/core/model/index.js';
import { classifyOwner } from '../src/core/sync/desired-issues.js';

/** Above this many owners, one assignee listing is cheaper than one request per owner. */
const LIST_THRESHOLD = 3;

/**
 * A warning on each open action item whose `@owner` cannot be assigned issues in the repository
 * (the same rule id and wording as the Action's check), asking GitHub once per distinct owner.
 */
export async function ownerDiagnostics(
  postmortems: readonly Postmortem[],
  port: IssuesPort,
  repo: string,
): Promise<Diagnostic[]> {
  const places = new Map<string, Array<{ file: string; line: number }>>();
  for (const pm of postmortems) {
    for (const item of pm.actionItems) {
      if (item.status !== 'open' || item.owner === null || classifyOwner(item.owner) !== 'user')
        continue;
      const login = item.owner.replace(/^@/, '').toLowerCase();
      places.set(login, [...(places.get(login) ?? []), { file: pm.path, line: item.line }]);
    }
  }
  if (places.size === 0) return [];
  let assignable: (login: string) => Promise<boolean>;
  if (places.size > LIST_THRESHOLD && port.listAssignees) {
    const all = new Set((await port.listAssignees()).map((l) => l.toLowerCase()));
    assignable = async (login) => all.has(login);
  } else {
    assignable = (login) => port.canBeAssigned(login);
  }
  const out: Diagnostic[] = [];
  for (const [login, at] of [...places].sort(([a], [b]) => a.localeCompare(b))) {
    if (await assignable(login)) continue;
    for (const place of at) {
      out.push({
        ...place,
        column: 1,
        severity: 'warning',
        rule: 'owner-assignable',
        message: `@${login} cannot be assigned issues in ${repo}; give them access, use an assignable owner, or expect the issue to mention them unassigned.`,
      });
    }
  }
  return out;
}
