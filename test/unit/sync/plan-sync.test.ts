import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import type { IssueRecord } from '../../../src/core/ports/port.js';
import type { DesiredIssue } from '../../../src/core/sync/desired-issue.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { assigneesToCheck, planSync, type PlanContext } from '../../../src/core/sync/plan-sync.js';
import type { IssueOperation } from '../../../src/core/sync/sync-operation.js';
import { desired, issueOf, item } from './fixtures.js';

const allLabels = ['postmortem-action-item', 'severity:SEV1', 'severity:SEV2', 'overdue'];

function context(overrides: Partial<PlanContext> = {}): PlanContext {
  return {
    config: defaultConfig,
    repoLabels: allLabels,
    assignable: new Map([
      ['alice', true],
      ['bob', true],
      ['carol', false],
    ]),
    isRemovable: () => true,
    similarity: (a, b) =>
      a.toLowerCase().replace(/s\b/g, '') === b.toLowerCase().replace(/s\b/g, '') ? 0.9 : 0,
    similarityThreshold: 0.8,
    ...overrides,
  };
}

/** `kind #number reason` per operation, for compact expectations. */
function summary(ops: IssueOperation[]): string[] {
  return ops.map((op) => {
    switch (op.kind) {
      case 'create-label':
        return `create-label ${op.label.name}`;
      case 'create':
        return `create ${op.id}`;
      case 'skip':
        return `skip ${op.id} ${op.reason}`;
      case 'close':
        return `close #${op.number} ${op.reason}`;
      default:
        return `${op.kind} #${op.number}`;
    }
  });
}

const a = desired(item({ id: 'db-a1' }));
const aEdited = desired(item({ id: 'db-a1', title: 'Do db-a1 carefully' }));
const aMoved = desired(item({ id: 'db-a1', line: 42 }));
const aDone = desired(item({ id: 'db-a1', status: 'done' }));
const aBob = desired(item({ id: 'db-a1', owner: '@bob' }));
const aLater = desired(item({ id: 'db-a1', due: '2026-07-01', dueRaw: '2026-07-01' }));
const b = desired(item({ id: 'db-b2', line: 12 }));
const closedByTool = (d: DesiredIssue, n: number): IssueRecord =>
  issueOf(d, n, { state: 'closed', stateReason: 'completed' });

const cases: Array<{
  name: string;
  desired: DesiredIssue[];
  existing: IssueRecord[];
  ctx?: Partial<PlanContext>;
  expected: string[];
}> = [
  {
    name: 'creates one issue per open action item',
    desired: [a, b],
    existing: [],
    expected: ['create db-a1', 'create db-b2'],
  },
  {
    name: 'plans no write when the issue matches the item',
    desired: [a],
    existing: [issueOf(a, 1)],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'ignores a new commit and a moved line alone',
    desired: [aMoved],
    existing: [issueOf(a, 1)],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'updates the issue of an edited item',
    desired: [aEdited],
    existing: [issueOf(a, 1)],
    expected: ['update #1'],
  },
  {
    name: 'updates the issue when the due date changes',
    desired: [aLater],
    existing: [issueOf(a, 1)],
    expected: ['update #1'],
  },
  {
    name: 'updates the issue when the owner changes',
    desired: [aBob],
    existing: [issueOf(a, 1)],
    expected: ['update #1'],
  },
  {
    name: 'closes the issue of a done item as completed',
    desired: [aDone],
    existing: [issueOf(a, 1)],
    expected: ['close #1 completed'],
  },
  {
    name: 'leaves the closed issue of a done item alone',
    desired: [aDone],
    existing: [closedByTool(aDone, 1)],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'reopens the issue of an item un-done',
    desired: [a],
    existing: [closedByTool(aDone, 1)],
    expected: ['reopen #1'],
  },
  {
    name: 'does not reopen an issue people closed while the item is open',
    desired: [a],
    existing: [{ ...issueOf(a, 1), state: 'closed', stateReason: 'completed' }],
    expected: ['skip db-a1 closed-on-github'],
  },
  {
    name: 'does not re-close an issue people reopened while the item is done',
    desired: [aDone],
    existing: [{ ...issueOf(aDone, 1), state: 'open', stateReason: 'reopened' }],
    expected: ['skip db-a1 reopened-on-github'],
  },
  {
    name: 'closes the issue of a removed item as not planned with a comment',
    desired: [b],
    existing: [issueOf(a, 1), issueOf(b, 2)],
    expected: ['skip db-b2 up-to-date', 'comment #1', 'close #1 not_planned'],
  },
  {
    name: 'does not comment twice on a removed item after an interrupted run',
    desired: [],
    existing: [issueOf(a, 1, { comments: 1 })],
    ctx: { closingCommented: new Set([1]) },
    expected: ['close #1 not_planned'],
  },
  {
    name: 'leaves issues of post-mortems out of scope open',
    desired: [],
    existing: [issueOf(a, 1)],
    ctx: { isRemovable: () => false },
    expected: ['skip db-a1 out-of-scope'],
  },
  {
    name: 'does nothing for a removed item whose issue is closed',
    desired: [],
    existing: [closedByTool(aDone, 1)],
    expected: [],
  },
  {
    name: 'links an item that names an issue of the repository',
    desired: [desired(item({ id: 'db-a1', tracker: '#12' }))],
    existing: [],
    expected: ['link #12'],
  },
  {
    name: 'links an item that names the issue URL',
    desired: [desired(item({ id: 'db-a1', tracker: 'https://github.com/acme/ops/issues/7' }))],
    existing: [],
    expected: ['link #7'],
  },
  {
    name: 'creates nothing for an item tracked in another system',
    desired: [
      desired(item({ id: 'db-a1', tracker: 'https://github.com/other/repo/issues/7' })),
      desired(item({ id: 'db-c3', tracker: 'OPS-12' })),
    ],
    existing: [],
    expected: ['skip db-a1 tracked-externally', 'skip db-c3 tracked-externally'],
  },
  {
    name: 'closes its own issue when the item later links another',
    desired: [desired(item({ id: 'db-a1', tracker: '#12' }))],
    existing: [issueOf(a, 5)],
    expected: ['comment #5', 'close #5 not_planned', 'link #12'],
  },
  {
    name: 'keeps tracking when the item links the tool issue itself',
    desired: [desired(item({ id: 'db-a1', tracker: '#5' }))],
    existing: [issueOf(desired(item({ id: 'db-a1', tracker: '#5' })), 5)],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'creates no issue for an item done before it was tracked',
    desired: [aDone],
    existing: [],
    expected: ['skip db-a1 done-untracked'],
  },
  {
    name: 'never touches issues without the marker',
    desired: [],
    existing: [
      {
        ...issueOf(a, 1),
        body: 'Same title, written by a person',
        labels: ['postmortem-action-item'],
      },
    ],
    expected: [],
  },
  {
    name: 'creates an item even when a person filed an issue with the same title',
    desired: [a],
    existing: [{ ...issueOf(a, 1), body: 'Same title, written by a person' }],
    expected: ['create db-a1'],
  },
  {
    name: 'keeps the lowest-numbered of two issues with one marker and closes the other as its duplicate',
    desired: [a],
    existing: [issueOf(a, 9), issueOf(a, 3)],
    expected: ['skip db-a1 up-to-date', 'comment #9', 'close #9 duplicate'],
  },
  {
    name: 'does not comment twice on a duplicate after an interrupted run',
    desired: [a],
    existing: [issueOf(a, 3), issueOf(a, 9, { comments: 1 })],
    ctx: { closingCommented: new Set([9]) },
    expected: ['skip db-a1 up-to-date', 'close #9 duplicate'],
  },
  {
    name: 'leaves duplicates already closed alone',
    desired: [a],
    existing: [issueOf(a, 3), issueOf(a, 9, { state: 'closed', stateReason: 'duplicate' })],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'keeps the issue a person kept when they closed the older one as a duplicate',
    desired: [a],
    existing: [issueOf(a, 3, { state: 'closed', stateReason: 'duplicate' }), issueOf(a, 9)],
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'closes the extras of a removed item as duplicates and the oldest as not planned',
    desired: [],
    existing: [issueOf(a, 3), issueOf(a, 9)],
    expected: ['comment #3', 'close #3 not_planned', 'comment #9', 'close #9 duplicate'],
  },
  {
    name: 'leaves the extras of an item of an unreadable post-mortem open',
    desired: [],
    existing: [issueOf(a, 3), issueOf(a, 9)],
    ctx: { isRemovable: () => false },
    expected: ['skip db-a1 out-of-scope', 'skip db-a1 duplicate-issue'],
  },
  {
    name: 'matches only issues the tool login opened',
    desired: [a],
    existing: [
      issueOf(a, 2, { author: 'mallory' }),
      issueOf(a, 5, { author: 'Postmortem-Tracker[bot]' }),
      issueOf(b, 7, { author: 'mallory' }),
    ],
    ctx: { toolLogin: 'postmortem-tracker[bot]' },
    expected: ['skip db-a1 up-to-date'],
  },
  {
    name: 'creates no issue beyond the open-issue cap',
    desired: [a, b, desired(item({ id: 'db-c3', line: 14 }))],
    existing: [issueOf(a, 1)],
    ctx: { maxOpenIssues: 2 },
    expected: ['skip db-a1 up-to-date', 'create db-b2', 'skip db-c3 open-issue-cap'],
  },
  {
    name: 'counts the issues a plan closes as freed under the open-issue cap',
    desired: [aDone, b],
    existing: [issueOf(a, 1)],
    ctx: { maxOpenIssues: 1 },
    expected: ['close #1 completed', 'create db-b2'],
  },
  {
    name: 'skips an item whose id repeats',
    desired: [a, a],
    existing: [issueOf(a, 1)],
    expected: ['skip db-a1 up-to-date', 'skip db-a1 duplicate-id'],
  },
  {
    name: 'creates missing labels before the issues that use them',
    desired: [a],
    existing: [],
    ctx: { repoLabels: [] },
    expected: ['create-label postmortem-action-item', 'create-label severity:SEV1', 'create db-a1'],
  },
  {
    name: 're-finds an issue by title similarity in the same file when the id changed',
    desired: [desired(item({ id: 'db-zz', title: 'Do db-a1s' }))],
    existing: [issueOf(desired(item({ id: 'db-a1', title: 'Do db-a1' })), 4)],
    expected: ['update #4'],
  },
];

describe('planSync', () => {
  it.each(cases)('$name', ({ desired: want, existing, ctx, expected }) => {
    expect(summary(planSync(want, existing, context(ctx)))).toEqual(expected);
  });

  it('assigns the owner on create only when assignable', () => {
    const carol = desired(item({ id: 'db-c', owner: '@carol' }));
    const ops = planSync([a, carol], [], context());
    const creates = ops.filter((op) => op.kind === 'create');
    expect(creates.map((op) => op.issue.assignees)).toEqual([['alice'], []]);
    expect(creates[1]?.notes.join()).toMatch(/@carol cannot be assigned/);
  });

  it('mentions a team owner in the body and does not assign it', () => {
    const team = desired(item({ id: 'db-t', owner: '@acme/sre' }));
    const [op] = planSync([team], [], context());
    expect(op?.kind === 'create' && op.issue.assignees).toEqual([]);
    expect(op?.kind === 'create' && op.notes.join()).toMatch(/team/);
    expect(team.body).toContain('@acme/sre (a team');
  });

  it('moves the assignment to the new owner and keeps people added by hand', () => {
    const [op] = planSync([aBob], [issueOf(a, 1, { assignees: ['alice', 'dave'] })], context());
    expect(op?.kind === 'update' && op.patch.assignees).toEqual(['dave', 'bob']);
  });

  it('keeps labels people added and adds the overdue label once past due', () => {
    const overdue = desired(item({ id: 'db-a1', due: '2026-03-10', dueRaw: '2026-03-10' }));
    const [op] = planSync(
      [overdue],
      [issueOf(overdue, 1, { labels: ['postmortem-action-item', 'severity:SEV1', 'help wanted'] })],
      context(),
    );
    expect(op, JSON.stringify(op)).toMatchObject({ kind: 'update' });
    expect(op?.kind === 'update' && op.patch.labels).toEqual([
      'help wanted',
      'postmortem-action-item',
      'severity:SEV1',
      'overdue',
    ]);
  });

  it('closes a removed item with the overdue label dropped and the marker marked removed', () => {
    const overdue = desired(item({ id: 'db-a1', due: '2026-03-10', dueRaw: '2026-03-10' }));
    const ops = planSync([], [issueOf(overdue, 1)], context());
    const close = ops.find((op) => op.kind === 'close');
    expect(close?.kind === 'close' && close.patch.labels).toEqual([
      'postmortem-action-item',
      'severity:SEV1',
    ]);
    expect(close?.kind === 'close' && parseMarker(close.patch.body)?.status).toBe('removed');
  });

  it('treats label case and CRLF bodies as unchanged', () => {
    const issue = issueOf(a, 1, {
      body: a.body.replace(/\n/g, '\r\n'),
      labels: a.labels.map((l) => l.toUpperCase()),
    });
    expect(summary(planSync([a], [issue], context()))).toEqual(['skip db-a1 up-to-date']);
  });

  it('asks for assignability only of owners of new or re-owned items', () => {
    const c = desired(item({ id: 'db-c3', owner: '@carol' }));
    const t = desired(item({ id: 'db-t4', owner: '@acme/sre' }));
    expect(assigneesToCheck([a, b, c, t], [issueOf(a, 1)])).toEqual(['alice', 'carol']);
    expect(assigneesToCheck([aBob], [issueOf(a, 1)])).toEqual(['bob']);
    expect(assigneesToCheck([a], [issueOf(a, 1)])).toEqual([]);
  });

  it('puts no severity label when the prefix is empty', () => {
    const config: Config = {
      ...defaultConfig,
      labels: { ...defaultConfig.labels, severityPrefix: '' },
    };
    expect(desired(item({ id: 'x' }), {}, config).labels).toEqual(['postmortem-action-item']);
  });
});
