import type { OwnerKind } from '../markdown/owners.js';
import type { TrackerReference } from './tracker-reference.js';

/** The issue one action item should have, as sync wants it to be. */
export interface DesiredIssue {
  id: string;
  path: string;
  line: number;
  title: string;
  /** The full body, hidden marker included. */
  body: string;
  status: 'open' | 'done';
  /** The managed labels the issue should carry (tool, severity, overdue, extras). */
  labels: string[];
  /** Owner as written, or null. */
  owner: string | null;
  ownerKind: OwnerKind;
  /** Login (without `@`) to assign when assignable: set only for `user` owners. */
  assignee: string | null;
  /** An issue or ticket the item already links, or null. */
  tracker: TrackerReference | null;
  /** `YYYY-MM-DD` after defaulting, or null. */
  due: string | null;
  dueDefaulted: boolean;
  overdue: boolean;
}
