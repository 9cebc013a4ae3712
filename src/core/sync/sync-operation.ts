import type { IssueCreate, IssuePatch, LabelSpec, ProjectRef } from '../ports/port.js';
import type { ProjectFieldChange } from './plan-project.js';
import type { FieldChange } from './plan-issue-fields.js';
import type { UnassignedOwner } from './unassigned-owner.js';

/** Why an item or issue is left as it is. */
export type SkipReason =
  /** The issue already matches the item. */
  | 'up-to-date'
  /** Done before it was ever tracked: no issue is created for it. */
  | 'done-untracked'
  /** Someone closed the issue on GitHub while the item is still open; sync does not fight people. */
  | 'closed-on-github'
  /** Someone reopened the issue on GitHub while the item is marked done; left open. */
  | 'reopened-on-github'
  /** The item links a ticket outside this repository. */
  | 'tracked-externally'
  /** Another item in the run has the same id. */
  | 'duplicate-id'
  /** Another issue carries the same marker; the lowest number is the item's issue (left open only when its post-mortem is out of scope or unreadable). */
  | 'duplicate-issue'
  /** Creating the issue would exceed `sync.maxOpenIssues` open tracked issues in the repository. */
  | 'open-issue-cap'
  /** The issue's post-mortem is outside the configured paths or could not be read: not closed. */
  | 'out-of-scope'
  /** The issue is already a sub-issue of another parent (GitHub allows one): left there. */
  | 'parent-elsewhere'
  /** The post-mortem's parent issue has GitHub's maximum of sub-issues. */
  | 'sub-issue-limit'
  /** The due date was changed on GitHub and `planning.dueDateSource` is `github`: kept, and the disagreement said. */
  | 'due-changed-on-github'
  /** A mapped field's value does not fit the field (no option of that name, not a date, not a number): left as it is. */
  | 'field-value-unfit';

/** A change to an item's issue, applied alike for `update`, `close` and `reopen`: the fields sent and what changed, in words. */
export interface IssueEdit {
  id: string;
  path: string;
  number: number;
  patch: IssuePatch;
  changes: string[];
}

/** One step of a sync plan: an issue step, or a planning step that follows them. Every kind but `link` and `skip` writes. */
export type SyncOperation = IssueOperation | PlanningOperation;

/** A step of the issue plan ({@link planSync}): the items' issues and labels. */
export type IssueOperation =
  | { kind: 'create-label'; label: LabelSpec }
  | {
      kind: 'create';
      id: string;
      path: string;
      line: number;
      issue: IssueCreate;
      notes: string[];
      unassigned?: UnassignedOwner;
    }
  | (IssueEdit & { kind: 'update'; notes: string[]; unassigned?: UnassignedOwner })
  | (IssueEdit & { kind: 'close'; reason: 'completed' | 'not_planned' | 'duplicate' })
  | (IssueEdit & { kind: 'reopen'; notes: string[]; unassigned?: UnassignedOwner })
  | { kind: 'comment'; id: string; path: string; number: number; body: string }
  | { kind: 'link'; id: string; path: string; number: number }
  | {
      kind: 'skip';
      id: string;
      path: string;
      number: number | null;
      reason: SkipReason;
      detail: string;
    };

/** A GitHub-native planning step, planned after the issue plan was applied (it needs the issues' numbers). */
export type PlanningOperation =
  /** Issue field values to set on the item's issue (number null: the issue this plan creates). */
  | { kind: 'set-fields'; id: string; path: string; number: number | null; fields: FieldChange[] }
  /** The parent issue of a post-mortem, to create (its items become its sub-issues). */
  | { kind: 'create-parent'; path: string; issue: IssueCreate }
  /** A change to a post-mortem's parent issue (title, body, closed or reopened). */
  | { kind: 'update-parent'; path: string; number: number; patch: IssuePatch; changes: string[] }
  /** Makes the item's issue a sub-issue of its post-mortem's parent (null: created by this plan). */
  | {
      kind: 'add-sub-issue';
      id: string;
      path: string;
      parent: number | null;
      number: number | null;
      issueId: number | null;
    }
  /** Adds the item's issue to the organisation project (number null: created by this plan). */
  | {
      kind: 'add-project-item';
      id: string;
      path: string;
      number: number | null;
      project: ProjectRef;
    }
  /** Sets the item's project fields (item id null: added by this plan). */
  | {
      kind: 'update-project-item';
      id: string;
      path: string;
      number: number | null;
      itemId: number | null;
      project: ProjectRef;
      fields: ProjectFieldChange[];
    }
  /** An issue field whose value the item no longer has (its due date was removed). */
  | { kind: 'clear-field'; id: string; path: string; number: number; field: FieldChange }
  | {
      kind: 'skip';
      id: string;
      path: string;
      number: number | null;
      reason: SkipReason;
      detail: string;
    };

/** Whether applying the operation sends a write request. */
export function isWrite(op: SyncOperation): boolean {
  return op.kind !== 'link' && op.kind !== 'skip';
}
