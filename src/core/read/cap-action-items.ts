import type { Diagnostic, Postmortem } from '../model/index.js';

/**
 * `pm` unchanged when it has at most `max` action items; otherwise without items and with a
 * `too-many-action-items` error on the first item over the limit, so sync tracks none of them
 * (and leaves their issues as they are) rather than opening thousands of issues.
 */
export function capActionItems(pm: Postmortem, max: number): Postmortem {
  if (pm.actionItems.length <= max) return pm;
  const first = pm.actionItems[max];
  const diagnostic: Diagnostic = {
    file: pm.path,
    line: first?.line ?? 1,
    column: 1,
    severity: 'error',
    rule: 'too-many-action-items',
    message: `${pm.path} has ${pm.actionItems.length} action items, over the limit of ${max} (limits.maxActionItems); none is tracked and their issues are left as they are until the file is split or the limit raised.`,
  };
  return { ...pm, actionItems: [], diagnostics: [...pm.diagnostics, diagnostic] };
}
