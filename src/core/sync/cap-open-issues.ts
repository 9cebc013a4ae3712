import type { IssueMatching } from './match-issues.js';
import type { IssueOperation } from './sync-operation.js';

/**
 * Turns the creates that would take the repository past `limit` open tracked issues into skips,
 * counting the tool's open issues the plan leaves open (reopened ones included).
 */
export function capOpenIssues(
  ops: readonly IssueOperation[],
  matching: IssueMatching,
  limit: number,
): IssueOperation[] {
  const closing = new Set(ops.flatMap((op) => (op.kind === 'close' ? [op.number] : [])));
  const reopening = new Set(ops.flatMap((op) => (op.kind === 'reopen' ? [op.number] : [])));
  const tool = [
    ...matching.matches.flatMap((m) => (m.tracked ? [m.tracked] : [])),
    ...matching.orphans,
    ...matching.duplicateIssues,
  ];
  let open = tool.filter(
    ({ issue }) =>
      (issue.state === 'open' && !closing.has(issue.number)) || reopening.has(issue.number),
  ).length;
  return ops.map((op) => {
    if (op.kind !== 'create') return op;
    if (open < limit) {
      open++;
      return op;
    }
    return {
      kind: 'skip',
      id: op.id,
      path: op.path,
      number: null,
      reason: 'open-issue-cap',
      detail: `line ${op.line}: the repository has ${open} open tracked issue(s), the most sync.maxOpenIssues (${limit}) allows: not created`,
    };
  });
}
