import type { ActionMode } from './inputs.js';

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
