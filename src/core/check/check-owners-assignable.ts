import { httpStatus } from '../ports/http-status.js';
import { lookupAssignable } from '../sync/lookup-assignable.js';
import type { IssuesPort } from '../ports/port.js';
import type { Diagnostic, Postmortem } from '../model/index.js';
import { classifyOwner } from '../markdown/owners.js';

/** What the owner check found: warnings on item lines, and notes on what it did not check. */
export interface OwnerCheck {
  /** One `owner-assignable` warning per open item whose `@login` cannot be assigned. */
  diagnostics: Diagnostic[];
  /** Plain sentences for the summary: team owners skipped, or the whole check skipped and why. */
  notes: string[];
}

/**
 * Checks that the `@login` owner of every open action item can be assigned issues in the
 * repository (`repo` is `owner/name`, for the message), with one lookup per distinct owner (or one
 * assignee listing when that is cheaper). Team owners cannot be assigned by design and are skipped
 * with a note; a token that may not ask (403/404, as on pull requests from forks) skips the whole
 * check with a note instead of failing it.
 */
export async function checkOwnersAssignable(
  postmortems: readonly Postmortem[],
  port: Pick<IssuesPort, 'canBeAssigned' | 'listAssignees'>,
  repo: string,
): Promise<OwnerCheck> {
  const places = new Map<string, Array<{ file: string; line: number }>>();
  const teams = new Set<string>();
  for (const pm of postmortems) {
    for (const item of pm.actionItems) {
      if (item.status !== 'open' || item.owner === null) continue;
      const kind = classifyOwner(item.owner);
      if (kind === 'team') teams.add(item.owner);
      if (kind !== 'user') continue;
      const login = item.owner.replace(/^@/, '').toLowerCase();
      places.set(login, [...(places.get(login) ?? []), { file: pm.path, line: item.line }]);
    }
  }
  const notes: string[] = [];
  if (teams.size > 0) {
    notes.push(
      `Team owners were not checked (${[...teams].sort().join(', ')}): teams cannot be assigned issues, so their issues mention the team instead.`,
    );
  }
  if (places.size === 0) return { diagnostics: [], notes };

  let assignable: Map<string, boolean>;
  try {
    assignable = (await lookupAssignable(places.keys(), port)).assignable;
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 403 && status !== 404) throw error;
    notes.push(
      `Owners were not checked: the token may not read assignees (HTTP ${status}), as on pull requests from forks.`,
    );
    return { diagnostics: [], notes };
  }
  const diagnostics: Diagnostic[] = [];
  for (const [login, at] of [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (assignable.get(login) !== false) continue;
    for (const place of at) {
      diagnostics.push({
        ...place,
        column: 1,
        severity: 'warning',
        rule: 'owner-assignable',
        message: `@${login} cannot be assigned issues in ${repo}; give them access, use an assignable owner, or expect the issue to mention them unassigned.`,
      });
    }
  }
  return { diagnostics, notes };
}
