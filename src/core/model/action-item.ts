/** Whether an action item still needs doing. */
export type ActionItemStatus = 'open' | 'done';

/** One follow-up task found in a post-mortem. */
export interface ActionItem {
  /**
   * Stable identity that survives re-ordering, typo fixes and owner/due changes
   * (see docs/adr/0001-action-item-identity.md). Sync keys issues on it.
   */
  id: string;
  /** The item's text, markdown stripped, owner/due/status annotations removed. */
  title: string;
  /** `@handle`, `@org/team`, a plain name, or null. */
  owner: string | null;
  /** `YYYY-MM-DD`, or null when absent or not a single day. */
  due: string | null;
  /** The due phrase as written (`Q2 2024`, `next sprint`, `01-04-2026`), or null. */
  dueRaw: string | null;
  status: ActionItemStatus;
  /** 1-based line of the item in the file. */
  line: number;
  /** An issue/ticket link or id already in the item (`https://…/issues/12`, `#2127`, `JIRA-12`), or null. */
  tracker: string | null;
  priority: string | null;
  type: string | null;
  /** The heading text of the action section the item sits under, or null. */
  section: string | null;
}
