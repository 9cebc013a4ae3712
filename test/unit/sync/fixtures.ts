import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import type { IssueRecord } from '../../../src/core/ports/port.js';
import type { ActionItem, Postmortem } from '../../../src/core/model/index.js';
import type { DesiredIssue } from '../../../src/core/sync/desired-issue.js';
import { desiredIssues } from '../../../src/core/sync/desired-issues.js';
import { buildActionItem, buildPostmortem } from '../../support/build-postmortem.js';

export const repo = { owner: 'acme', repo: 'ops' };
export const ctx = {
  repo,
  sha: 'a'.repeat(40),
  serverUrl: 'https://github.com',
  now: new Date('2026-03-20T12:00:00Z'),
};

/** An action item with sensible defaults. */
export function item(overrides: Partial<ActionItem> & { id: string }): ActionItem {
  return buildActionItem({
    title: `Do ${overrides.id}`,
    due: '2026-06-01',
    dueRaw: '2026-06-01',
    ...overrides,
  });
}

/** A post-mortem holding the given items. */
export function postmortem(items: ActionItem[], overrides: Partial<Postmortem> = {}): Postmortem {
  return buildPostmortem({
    path: 'postmortems/2026-03-01-db.md',
    title: 'Database failover',
    incidentDate: '2026-03-01',
    severity: 'SEV1',
    status: 'final',
    actionItems: items,
    ...overrides,
  });
}

/** The desired issue of one item (default config and context). */
export function desired(
  it: ActionItem,
  pmOverrides: Partial<Postmortem> = {},
  config: Config = defaultConfig,
): DesiredIssue {
  const [d] = desiredIssues([postmortem([it], pmOverrides)], config, ctx);
  if (!d) throw new Error('no desired issue');
  return d;
}

/** An existing GitHub issue exactly as sync would have created it for `d`. */
export function issueOf(
  d: DesiredIssue,
  number: number,
  overrides: Partial<IssueRecord> = {},
): IssueRecord {
  return {
    number,
    url: `https://github.com/acme/ops/issues/${number}`,
    title: d.title,
    body: d.body,
    state: d.status === 'done' ? 'closed' : 'open',
    stateReason: d.status === 'done' ? 'completed' : null,
    labels: d.labels,
    assignees: d.assignee ? [d.assignee] : [],
    createdAt: '2026-03-02T00:00:00Z',
    closedAt: null,
    updatedAt: '2026-03-02T00:00:00Z',
    comments: 0,
    ...overrides,
  };
}
