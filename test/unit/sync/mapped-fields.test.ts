import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../../src/core/config/schema.js';
import type { IssueFieldDefinition, ProjectField } from '../../../src/core/ports/port.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import { desiredIssues } from '../../../src/core/sync/desired-issues.js';
import { fieldSourceValue } from '../../../src/core/sync/field-source-value.js';
import { fitFieldValue } from '../../../src/core/sync/fit-field-value.js';
import { planIssueFields, resolveIssueFields } from '../../../src/core/sync/plan-issue-fields.js';
import { planProjectFields, resolveProjectFields } from '../../../src/core/sync/plan-project.js';
import { buildActionItem, buildPostmortem } from '../../support/build-postmortem.js';

const value = (text: string, over: object = {}) => ({
  text,
  options: [text],
  date: null,
  number: null,
  ...over,
});

describe('fitFieldValue', () => {
  it.each([
    [
      'a date field takes a date',
      'date',
      [],
      value('2026-03-01', { date: '2026-03-01' }),
      { value: '2026-03-01' },
    ],
    ['a date field refuses text', 'date', [], value('Q3'), { unfit: '"Q3" is not a date' }],
    [
      'a single select takes the option as GitHub spells it',
      'single_select',
      ['API', 'DB'],
      value('api'),
      { value: 'API' },
    ],
    [
      'a single select takes the first of the names it has',
      'single_select',
      ['sre'],
      value('@acme/sre', { options: ['@acme/sre', 'acme/sre', 'sre'] }),
      { value: 'sre' },
    ],
    [
      'a single select without the option',
      'single_select',
      ['db'],
      value('billing'),
      { unfit: 'no option "billing"' },
    ],
    ['a text field takes the text', 'text', [], value('api, db'), { value: 'api, db' }],
    ['a number field takes a number', 'number', [], value('37', { number: 37 }), { value: 37 }],
    ['a number field refuses text', 'number', [], value('P1'), { unfit: '"P1" is not a number' }],
    [
      'other types are not set',
      'iteration',
      [],
      value('x'),
      { unfit: 'a iteration field is not set by sync' },
    ],
  ] as const)('%s', (_name, dataType, options, source, expected) => {
    expect(fitFieldValue({ name: 'F', dataType, options }, source)).toEqual(expected);
  });
});

describe('fieldSourceValue', () => {
  const pm = buildPostmortem({
    services: ['api', 'db'],
    durationMinutes: 37,
    incidentDate: '2026-03-01',
    actionItems: [
      buildActionItem({ id: 'a', owner: '@acme/sre', due: '2026-04-01', priority: 'P1' }),
    ],
  });
  const [desired] = desiredIssues([pm], defaultConfig, {
    repo: { owner: 'acme', repo: 'ops' },
    sha: 'abc',
    serverUrl: 'https://github.com',
    now: new Date('2026-03-02T00:00:00Z'),
  });
  const ctx = { postmortem: pm, item: pm.actionItems[0]!, desired: desired! };

  it('reads the team, the services, the incident date, the duration and the priority from the model', () => {
    expect(fieldSourceValue('ownerTeam', ctx)?.options).toEqual(['@acme/sre', 'acme/sre', 'sre']);
    expect(fieldSourceValue('services', ctx)).toMatchObject({
      text: 'api, db',
      options: ['api', 'db'],
    });
    expect(fieldSourceValue('incidentDate', ctx)?.date).toBe(pm.incidentDate);
    expect(fieldSourceValue('due', ctx)?.date).toBe('2026-04-01');
    expect(fieldSourceValue('durationMinutes', ctx)?.number).toBe(37);
    expect(fieldSourceValue('priority', ctx)?.text).toBe('P1');
    expect(fieldSourceValue('type', ctx)).toBeNull();
    expect(fieldSourceValue('tags', ctx)).toBeNull();
  });

  it('has no team for a person', () => {
    const person = {
      ...ctx,
      desired: { ...ctx.desired, owner: '@alice', ownerKind: 'user' as const },
    };
    expect(fieldSourceValue('ownerTeam', person)).toBeNull();
    expect(fieldSourceValue('owner', person)?.text).toBe('@alice');
  });
});

describe('mapped fields in the plan', () => {
  const defs: IssueFieldDefinition[] = [
    { id: 1, name: 'Due date', dataType: 'date', options: [] },
    { id: 2, name: 'Service', dataType: 'single_select', options: ['api'] },
    { id: 3, name: 'Minutes', dataType: 'number', options: [] },
  ];
  const config = configSchema.parse({
    planning: {
      fields: {
        service: 'services',
        Minutes: 'durationMinutes',
        'Due date': 'incidentDate',
        Team: 'ownerTeam',
      },
    },
  });

  it('finds mapped issue fields by name, keeps a field the due-date setting fills, and names the missing ones', () => {
    const { targets, note } = resolveIssueFields(defs, config);
    expect(targets.mapped.map((m) => [m.field.name, m.source])).toEqual([
      ['Service', 'services'],
      ['Minutes', 'durationMinutes'],
    ]);
    expect(note).toBe(
      'issue fields: keeping "Due date", "Service" and "Minutes" in step with the post-mortems; no issue field named "Team"',
    );
  });

  it('writes what differs, skips what does not fit, and leaves a field the item has no value for', () => {
    const { targets } = resolveIssueFields(defs, config);
    const item = {
      id: 'a',
      path: 'p.md',
      number: 7,
      due: null,
      severity: null,
      current: [{ fieldId: 3, value: 37 }],
    };
    expect(
      planIssueFields(
        [
          {
            ...item,
            sources: { services: value('api'), durationMinutes: value('37', { number: 37 }) },
          },
        ],
        targets,
      ),
    ).toEqual([
      {
        kind: 'set-fields',
        id: 'a',
        path: 'p.md',
        number: 7,
        fields: [{ fieldId: 2, name: 'Service', value: 'api' }],
      },
    ]);
    expect(
      planIssueFields([{ ...item, sources: { services: value('billing') } }], targets).map((op) =>
        describeOperation(op),
      ),
    ).toEqual(['skip a (#7): field-value-unfit (Service: no option "billing")']);
    expect(planIssueFields([item], targets)).toEqual([]);
  });

  it('sets a project single select by option id and a number as a number', () => {
    const fields: ProjectField[] = [
      { id: 1, name: 'Service', dataType: 'single_select', options: [{ id: 'o1', name: 'API' }] },
      { id: 2, name: 'Minutes', dataType: 'number', options: [] },
    ];
    const project = {
      owner: 'acme',
      number: 7,
      ownerType: 'organization' as const,
      dueField: '',
      statusField: '',
      severityField: '',
      fields: { Service: 'services', Minutes: 'durationMinutes' } as const,
    };
    const { targets } = resolveProjectFields(fields, project);
    const target = {
      id: 'a',
      path: 'p.md',
      number: 10,
      item: { id: 70, issueId: 1010, values: { 2: '37' } },
      addedItemId: null,
      due: null,
      status: 'open' as const,
      severity: null,
      sources: { services: value('api'), durationMinutes: value('38', { number: 38 }) },
    };
    const [op] = planProjectFields([target], targets, project);
    expect(op?.kind === 'update-project-item' && op.fields).toEqual([
      { fieldId: 1, name: 'Service', value: 'o1', shown: 'API' },
      { fieldId: 2, name: 'Minutes', value: 38, shown: '38' },
    ]);
    const same = { ...target, item: { ...target.item, values: { 1: 'o1', 2: '38' } } };
    expect(planProjectFields([same], targets, project)).toEqual([]);
  });
});
