import type { Postmortem } from '../model/index.js';
import type { SyncOperation } from './sync-operation.js';

/** An open item whose owner sync did not assign, where it is, and why. */
export interface UnassignedOwner {
  id: string;
  path: string;
  /** Line of the item in its post-mortem (1 when the item is no longer found). */
  line: number;
  /** Why, as the plan says it (`owner @zed cannot be assigned in this repository: …`). */
  reason: string;
  /** True for a team owner: mentioned by design, never assignable. */
  team: boolean;
}

/** Every owner a sync plan could not assign (items without an owner aside), positioned on the item's line. */
export function unassignedOwners(
  plan: readonly SyncOperation[],
  postmortems: readonly Postmortem[],
): UnassignedOwner[] {
  const lines = new Map<string, number>();
  for (const pm of postmortems) for (const item of pm.actionItems) lines.set(item.id, item.line);
  const out: UnassignedOwner[] = [];
  for (const op of plan) {
    if (op.kind !== 'create' && op.kind !== 'update' && op.kind !== 'reopen') continue;
    for (const reason of op.notes) {
      if (reason === 'no owner') continue;
      out.push({
        id: op.id,
        path: op.path,
        line: lines.get(op.id) ?? 1,
        reason,
        team: reason.includes(' is a team'),
      });
    }
  }
  return out;
}
