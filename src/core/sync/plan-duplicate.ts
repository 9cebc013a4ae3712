import { closingComment } from './closing-comment.js';
import type { DuplicateIssue } from './match-issues.js';
import { renderDuplicateComment } from './render-duplicate-comment.js';
import type { IssueOperation } from './sync-operation.js';

/**
 * Closes an extra open issue of an item as a duplicate of the item's oldest issue, after a comment
 * naming it; leaves it open when its post-mortem is out of scope or unreadable (`inScope` false),
 * whose issues stay as they are.
 */
export function planDuplicate(
  dup: DuplicateIssue,
  inScope: boolean,
  alreadyCommented: ReadonlySet<number> | undefined,
): IssueOperation[] {
  const { issue, marker, kept } = dup;
  if (issue.state === 'closed') return [];
  const base = { id: marker.id, path: marker.path, number: issue.number };
  if (!inScope) {
    return [
      {
        kind: 'skip',
        ...base,
        reason: 'duplicate-issue',
        detail: `#${issue.number} repeats #${kept.issue.number}; ${marker.path} is outside the configured paths or unreadable: left open`,
      },
    ];
  }
  return [
    ...closingComment(
      dup,
      renderDuplicateComment(marker.path, marker.id, kept.issue.number),
      alreadyCommented,
    ),
    {
      kind: 'close',
      ...base,
      reason: 'duplicate',
      patch: { state: 'closed', stateReason: 'duplicate' },
      changes: [`duplicate of #${kept.issue.number}`],
    },
  ];
}
