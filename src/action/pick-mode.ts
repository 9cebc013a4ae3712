/** The `mode` input's values; `auto` picks one from the event. */
export const ACTION_MODES = ['auto', 'check', 'sync', 'digest'] as const;

/** A `mode` input value. */
export type ActionMode = (typeof ACTION_MODES)[number];

/** Whether a raw `mode` input (trimmed) is one of {@link ACTION_MODES}. */
export function isActionMode(mode: string): mode is ActionMode {
  return (ACTION_MODES as readonly string[]).includes(mode);
}

/** The mode a run performs: the `mode` input, or for `auto` the one the event calls for. */
export function pickMode(mode: ActionMode, eventName: string): 'check' | 'sync' | 'digest' {
  if (mode !== 'auto') return mode;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return 'check';
    case 'push':
      return 'sync';
    case 'schedule':
    case 'workflow_dispatch':
      return 'digest';
    default:
      throw new Error(
        `input "mode" is "auto" but the event "${eventName}" does not pick a mode; set mode to check, sync or digest (auto: pull_request → check, push → sync, schedule/workflow_dispatch → digest)`,
      );
  }
}
