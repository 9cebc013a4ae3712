/** Why an item's owner was not assigned to its issue. */
export type UnassignedCause =
  /** `@org/team`: teams cannot be assigned; the body mentions it. */
  | 'team'
  /** A name that is not a GitHub login (`Alice`). */
  | 'not-a-login'
  /** A login GitHub refuses as an assignee in this repository (no access, unknown user). */
  | 'not-assignable';

/**
 * An owner a sync could not assign, with the item it belongs to, for hosts to print. The fields
 * `id`, `path`, `line`, `reason` and `team` read as `unassignedOwners()` returns them.
 */
export interface UnassignedOwner {
  id: string;
  path: string;
  /** Line of the item in its post-mortem. */
  line: number;
  /** The owner as written in the post-mortem (`@carol`, `@acme/sre`, `Alice`). */
  owner: string;
  cause: UnassignedCause;
  /** One plain-text sentence saying what happened instead (`owner @zed cannot be assigned …`). */
  reason: string;
  /** True for a team owner: mentioned by design, never assignable. */
  team: boolean;
}
