import { emptyPostmortem } from '../../src/core/markdown/empty-postmortem.js';
import type { ActionItem, Postmortem } from '../../src/core/model/index.js';

/** A post-mortem with nothing found but what the test sets; `path` defaults to `pm.md`. */
export function buildPostmortem(overrides: Partial<Postmortem> = {}): Postmortem {
  return { ...emptyPostmortem(overrides.path ?? 'pm.md'), ...overrides };
}

/** An open action item owned by `@alice`, with no due date, on line 10; override what the test is about. */
export function buildActionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item',
    title: 'Item',
    owner: '@alice',
    due: null,
    dueRaw: null,
    status: 'open',
    line: 10,
    tracker: null,
    priority: null,
    type: null,
    section: 'Action items',
    ...overrides,
  };
}
