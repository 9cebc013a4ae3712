import type { TrackedIssue } from './match-issues.js';
import type { IssueOperation } from './sync-operation.js';

/** The comment to post before closing a tool issue, unless an interrupted earlier run already posted it. */
export function closingComment(
  tracked: TrackedIssue,
  body: string,
  alreadyCommented: ReadonlySet<number> | undefined,
): IssueOperation[] {
  if (alreadyCommented?.has(tracked.issue.number)) return [];
  return [
    {
      kind: 'comment',
      id: tracked.marker.id,
      path: tracked.marker.path,
      number: tracked.issue.number,
      body,
    },
  ];
}
