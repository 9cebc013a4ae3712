import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/schema.js';
import type {
  IssueFieldDefinition,
  IssueRecord,
  ProjectField,
} from '../../../src/core/ports/port.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import { renderParentMarker } from '../../../src/core/sync/parent-marker.js';
import { planIssueFields, resolveIssueFields } from '../../../src/core/sync/plan-issue-fields.js';
import {
  MAX_SUB_ISSUES,
  planParents,
  planSubIssues,
  type ChildIssue,
} from '../../../src/core/sync/plan-parents.js';
import { planProjectFields, resolveProjectFields } from '../../../src/core/sync/plan-project.js';
import { renderParentBody, renderParentTitle } from '../../../src/core/sync/render-parent-body.js';
import type { SyncOperation } from '../../../src/core/sync/sync-operation.js';

const repo = { owner: 'acme', repo: 'ops' };
const lines = (ops: readonly SyncOperation[]): string[] => ops.map((op) => describeOperation(op));

describe('planIssueFields', () => {
  const defs: IssueFieldDefinition[] = [
    { id: 1, name: 'Due date', dataType: 'date', options: [] },
    { id: 2, name: 'Severity', dataType: 'single_select', options: ['Sev1', 'Sev2'] },
  ];
  const { targets } = resolveIssueFields(defs, defaultConfig);
  const item = {
    id: 'a',
    path: 'p.md',
    number: 7,
    due: '2026-04-01',
    severity: 'SEV1',
    current: [],
  };

  it.each([
    [
      'sets both fields in one write on a bare issue',
      item,
      ['set Due date = 2026-04-01, Severity = Sev1 on #7 for a'],
    ],
    [
      'writes nothing when both already match (a date-time value counts as its date)',
      {
        ...item,
        current: [
          { fieldId: 1, value: '2026-04-01T00:00:00Z' },
          { fieldId: 2, value: 'sev1' },
        ],
      },
      [],
    ],
    [
      'updates only the due date that changed',
      {
        ...item,
        current: [
          { fieldId: 1, value: '2026-03-01' },
          { fieldId: 2, value: 'Sev1' },
        ],
      },
      ['set Due date = 2026-04-01 on #7 for a'],
    ],
    [
      'clears a due date the item no longer has',
      {
        ...item,
        due: null,
        current: [
          { fieldId: 1, value: '2026-03-01' },
          { fieldId: 2, value: 'Sev1' },
        ],
      },
      ['clear Due date on #7 for a'],
    ],
    [
      'leaves the severity alone when no option has its name',
      { ...item, severity: 'P0' },
      ['set Due date = 2026-04-01 on #7 for a'],
    ],
    [
      'plans for an issue a dry run would create',
      { ...item, number: null },
      ['set Due date = 2026-04-01, Severity = Sev1 on the new issue for a'],
    ],
  ] as const)('%s', (_name, target, expected) => {
    expect(lines(planIssueFields([target], targets))).toEqual(expected);
  });

  it('says in one line when the organisation has no such field', () => {
    const { targets: none, note } = resolveIssueFields(
      [{ id: 3, name: 'Due date', dataType: 'text', options: [] }],
      defaultConfig,
    );
    expect(none).toEqual({ due: null, severity: null, mapped: [] });
    expect(note).toMatch(/no date field "Due date"/);
    expect(planIssueFields([item], none)).toEqual([]);
  });
});

describe('planParents and planSubIssues', () => {
  const source = {
    path: 'p.md',
    incidentTitle: 'DB <b>down</b>',
    incidentDate: '2026-03-01',
    severity: 'SEV1',
    impact: null,
    fileUrl: 'https://github.com/acme/ops/blob/abc1234/p.md#L1',
    status: 'open' as const,
  };
  const child = (id: string, over: Partial<ChildIssue> = {}): ChildIssue => ({
    id,
    path: 'p.md',
    number: 10,
    issueId: 1010,
    parent: null,
    status: 'open',
    ...over,
  });
  const options = { repo, closeWhenDone: true, isRemovable: () => true, labels: ['postmortem'] };
  const parentIssue = (over: Partial<IssueRecord> = {}): IssueRecord => ({
    number: 5,
    url: '',
    title: renderParentTitle(source),
    body: renderParentBody(source),
    state: 'open',
    stateReason: null,
    labels: ['postmortem'],
    assignees: [],
    createdAt: '',
    closedAt: null,
    updatedAt: '',
    ...over,
  });

  it('creates a parent only for a post-mortem with an open item, its title escaped nowhere but the body', () => {
    const ops = planParents([source], [child('a')], [], options);
    expect(lines(ops)).toEqual(['create parent issue for p.md: DB <b>down</b> (2026-03-01)']);
    expect(ops[0]?.kind === 'create-parent' && ops[0].issue.body).not.toContain('<b>');
    expect(planParents([source], [], [], options)).toEqual([]);
    expect(planParents([source], [child('a', { status: 'done' })], [], options)).toEqual([]);
  });

  it('closes a parent when all items are done and reopens only one the tool closed', () => {
    expect(
      lines(planParents([source], [child('a', { status: 'done' })], [parentIssue()], options)),
    ).toEqual(['update parent #5 of p.md: all items done']);
    const closedByPerson = parentIssue({ state: 'closed' });
    expect(planParents([source], [child('a')], [closedByPerson], options)).toEqual([]);
    const closedByTool = parentIssue({
      state: 'closed',
      body: renderParentBody({ ...source, status: 'done' }),
    });
    expect(lines(planParents([source], [child('a')], [closedByTool], options))).toEqual([
      'update parent #5 of p.md: items open again, body',
    ]);
  });

  it('closes the parent of a removed post-mortem, not of one out of scope', () => {
    expect(lines(planParents([], [], [parentIssue()], options))).toEqual([
      'update parent #5 of p.md: post-mortem removed',
    ]);
    expect(planParents([], [], [parentIssue()], { ...options, isRemovable: () => false })).toEqual(
      [],
    );
  });

  it('takes the lowest-numbered parent when two carry the marker', () => {
    const other = parentIssue({ number: 9, title: 'stale' });
    const ops = planParents(
      [source],
      [child('a')],
      [other, parentIssue({ title: 'old' })],
      options,
    );
    expect(lines(ops)).toEqual(['update parent #5 of p.md: title']);
    expect(renderParentMarker({ path: 'p.md', status: 'open' })).toContain('"path":"p.md"');
  });

  it('links children, leaves one under another parent, and stops at GitHub’s limit', () => {
    const parents = new Map([['p.md', { number: 5, subIssues: MAX_SUB_ISSUES - 1 }]]);
    const ops = planSubIssues(
      [
        child('a'),
        child('b', { number: 11, parent: { owner: 'acme', repo: 'ops', number: 5 } }),
        child('c', { number: 12, parent: { owner: 'acme', repo: 'ops', number: 99 } }),
        child('d', { number: 13 }),
      ],
      parents,
      repo,
    );
    expect(lines(ops)).toEqual([
      'make #10 of a a sub-issue of #5',
      'skip c (#12): parent-elsewhere (already a sub-issue of acme/ops#99: left there)',
      "skip d (#13): sub-issue-limit (the parent issue has 100 sub-issues, GitHub's limit)",
    ]);
  });
});

describe('planProjectFields', () => {
  const fields = (statusOptions: string[]): ProjectField[] => [
    { id: 1, name: 'Due', dataType: 'date', options: [] },
    {
      id: 2,
      name: 'Status',
      dataType: 'single_select',
      options: statusOptions.map((name, i) => ({ id: `s${i}`, name })),
    },
    { id: 3, name: 'Severity', dataType: 'single_select', options: [{ id: 'v1', name: 'SEV1' }] },
  ];
  const project = {
    owner: 'acme',
    number: 7,
    ownerType: 'organization' as const,
    dueField: 'Due',
    statusField: 'Status',
    severityField: 'Severity',
    fields: {},
  };
  const target = {
    id: 'a',
    path: 'p.md',
    number: 10,
    item: { id: 70, issueId: 1010, values: {} },
    addedItemId: null,
    due: '2026-04-01',
    status: 'open' as const,
    severity: 'SEV1',
  };

  it.each([
    [['Backlog', 'To do', 'Done'], 'To do'],
    [['Backlog', 'Done'], 'Backlog'],
    [['Todo', 'Backlog', 'Done'], 'Todo'],
  ])(
    'an open item takes the first of Todo, To do, Backlog that exists (%j → %s)',
    (options, expected) => {
      const { targets } = resolveProjectFields(fields(options), project);
      expect(lines(planProjectFields([target], targets, project))).toEqual([
        `set Due = 2026-04-01, Status = ${expected}, Severity = SEV1 on the project item of #10 for a`,
      ]);
    },
  );

  it('moves a done item to Done, clears a removed due date, and writes nothing when in step', () => {
    const { targets } = resolveProjectFields(fields(['Todo', 'Done']), project);
    const item = { id: 70, issueId: 1010, values: { 1: '2026-04-01', 2: 's0', 3: 'v1' } };
    expect(planProjectFields([{ ...target, item }], targets, project)).toEqual([]);
    expect(
      lines(planProjectFields([{ ...target, item, status: 'done', due: null }], targets, project)),
    ).toEqual(['set Due = none, Status = Done on the project item of #10 for a']);
  });
});
