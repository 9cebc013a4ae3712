import type { ActionEnv } from './action-env.js';

/**
 * Why sync does not run on this push (issues follow the default branch only), or null when it
 * runs: pushes to other branches, and a payload that does not name the default branch.
 */
export function syncSkipReason(
  env: Pick<ActionEnv, 'eventName' | 'payload' | 'ref'>,
): string | null {
  if (env.eventName !== 'push') return null;
  const defaultBranch = defaultBranchOf(env.payload);
  if (defaultBranch === null) return 'the push payload does not name the default branch';
  if (env.ref !== `refs/heads/${defaultBranch}`)
    return `${env.ref || 'this ref'} is not the default branch (${defaultBranch})`;
  return null;
}

function defaultBranchOf(payload: Record<string, unknown>): string | null {
  const repository = payload['repository'];
  if (typeof repository !== 'object' || repository === null) return null;
  const branch = (repository as { default_branch?: unknown }).default_branch;
  return typeof branch === 'string' && branch !== '' ? branch : null;
}
