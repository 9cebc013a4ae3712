import type { IssuesPort } from '../ports/port.js';

/** Above this many logins, one assignee listing is cheaper than one check per login. */
const LIST_THRESHOLD = 3;

/** Assignability by lower-case login, and the read requests it took. */
export interface AssignableLookup {
  assignable: Map<string, boolean>;
  reads: number;
}

/**
 * Asks GitHub once per distinct login whether it can be assigned issues in the repository, or
 * lists the assignees once when that is cheaper. Errors (403 for a token that may not ask)
 * propagate with their HTTP status.
 */
export async function lookupAssignable(
  logins: Iterable<string>,
  port: Pick<IssuesPort, 'canBeAssigned' | 'listAssignees'>,
): Promise<AssignableLookup> {
  const wanted = [...new Set([...logins].map((l) => l.toLowerCase()))].sort();
  const assignable = new Map<string, boolean>();
  if (wanted.length > LIST_THRESHOLD && port.listAssignees) {
    const all = new Set((await port.listAssignees()).map((l) => l.toLowerCase()));
    for (const login of wanted) assignable.set(login, all.has(login));
    return { assignable, reads: 1 };
  }
  for (const login of wanted) assignable.set(login, await port.canBeAssigned(login));
  return { assignable, reads: wanted.length };
}
