import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  defineIssueFields,
  defineProject,
  issueFieldValues,
  planningState,
  projectTable,
  type ProjectState,
} from '../../support/planning-state.js';
import {
  OWNER,
  PATH,
  REPO,
  failingFetch,
  issues,
  runSync,
  standIn,
  trackedById,
} from '../sync/harness.js';
import { withProjectConfig } from './project-config.js';

/** A post-mortem with services and a duration; one item owned by a team, one by a person. */
function postmortem(
  options: { services?: string; duration?: string; items?: string[] } = {},
): Record<string, string> {
  return {
    [PATH]: [
      '# Database failover',
      '',
      '**Date:** 2026-03-01',
      '**Severity:** SEV1',
      `**Services:** ${options.services ?? 'api, db'}`,
      `**Duration:** ${options.duration ?? '0h 37m'}`,
      '',
      '## Summary',
      '',
      'The primary database failed over and writes stopped for twenty minutes.',
      '',
      '## Action items',
      '',
      ...(options.items ?? [
        '- [ ] Add a replica lag alert (Owner: @acme/sre, Due: 2026-04-01)',
        '- [ ] Write a load test for the primary (@alice, Due: 2026-04-15)',
      ]),
      '',
    ].join('\n'),
  };
}

const issueMap: Config['planning']['fields'] = {
  Service: 'services',
  Team: 'ownerTeam',
  'Incident date': 'incidentDate',
  Minutes: 'durationMinutes',
  'Post-mortem': 'postmortemFile',
};

const mapped = (fields: Config['planning']['fields'] = issueMap): Config => ({
  ...defaultConfig,
  planning: { ...defaultConfig.planning, fields },
});

/** An organisation with the default fields and one of each type for the mapping. */
function orgWithFields(): GitHubStandIn {
  const gh = standIn();
  defineIssueFields(gh.state, OWNER, [
    { name: 'Due date', dataType: 'date' },
    { name: 'Severity', dataType: 'single_select', options: ['SEV1', 'SEV2'] },
    { name: 'Service', dataType: 'single_select', options: ['db', 'api', 'web'] },
    { name: 'Team', dataType: 'single_select', options: ['platform', 'sre'] },
    { name: 'Incident date', dataType: 'date' },
    { name: 'Minutes', dataType: 'number' },
    { name: 'Post-mortem', dataType: 'text' },
  ]);
  return gh;
}

function fieldsByTitle(gh: GitHubStandIn): Record<string, Record<string, string | number>> {
  const out: Record<string, Record<string, string | number>> = {};
  for (const issue of trackedById(gh).values())
    out[issue.title] = issueFieldValues(gh.state, OWNER, issue);
  return out;
}

function collect(): {
  info: string[];
  logger: { info(m: string): void; warning(m: string): void };
} {
  const info: string[] = [];
  return {
    info,
    logger: { info: (m) => info.push(m), warning: (m) => info.push(`warning: ${m}`) },
  };
}

/** Writes GitHub refused (a 422 for a value that does not fit, say). */
const refusedWrites = (gh: GitHubStandIn): number =>
  gh.requests.count((r) => r.write && r.status >= 400);

describe('issue fields the config maps by name (planning.fields)', () => {
  it('first sync sets each mapped field by its type in the one write per issue; the dry run lists it; a re-sync writes nothing', async () => {
    const gh = orgWithFields();
    const dry = await runSync(gh, postmortem(), { config: mapped(), dryRun: true });
    expect(
      dry.plan.filter((op) => op.kind === 'set-fields').map((op) => describeOperation(op)),
    ).toContainEqual(
      expect.stringMatching(
        /^set Due date = 2026-04-01, Severity = SEV1, Service = api, Team = sre, Incident date = 2026-03-01, Minutes = 37, Post-mortem = postmortems\/2026-03-01-db-failover\.md on the new issue for /,
      ),
    );
    expect(gh.requests.writes()).toBe(0);

    const report = await runSync(gh, postmortem(), { config: mapped() });
    expect(report.result.failure).toBeNull();
    expect(fieldsByTitle(gh)).toEqual({
      'Add a replica lag alert': {
        'Due date': '2026-04-01',
        Severity: 'SEV1',
        Service: 'api',
        Team: 'sre',
        'Incident date': '2026-03-01',
        Minutes: 37,
        'Post-mortem': PATH,
      },
      // A person, not a team, owns it: Team is left as it is.
      'Write a load test for the primary': {
        'Due date': '2026-04-15',
        Severity: 'SEV1',
        Service: 'api',
        'Incident date': '2026-03-01',
        Minutes: 37,
        'Post-mortem': PATH,
      },
    });
    const fieldWrites = gh.requests.count({
      method: 'POST',
      route: '/repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
    });
    expect(fieldWrites).toBe(2);

    const again = gh.requests.mark();
    const rerun = await runSync(gh, postmortem(), { config: mapped() });
    expect(gh.requests.writes(again)).toBe(0);
    expect(rerun.counts.skipped).toBe(0);
  });

  it('an edit of the post-mortem updates the mapped fields, one write per issue', async () => {
    const gh = orgWithFields();
    await runSync(gh, postmortem(), { config: mapped() });
    const mark = gh.requests.mark();
    const report = await runSync(gh, postmortem({ services: 'web', duration: '1h 5m' }), {
      config: mapped(),
    });
    expect(report.result.failure).toBeNull();
    expect(gh.requests.writes(mark)).toBe(2);
    for (const values of Object.values(fieldsByTitle(gh)))
      expect(values).toMatchObject({ Service: 'web', Minutes: 65 });
  });

  it('a value that does not fit is skipped with one line naming the field and value, never sent, and a re-sync says it again', async () => {
    const gh = orgWithFields();
    const config = mapped({ ...issueMap, 'Incident date': 'services', Nowhere: 'owner' });
    for (const run of [1, 2]) {
      const log = collect();
      const report = await runSync(gh, postmortem({ services: 'billing' }), {
        config,
        logger: log.logger,
      });
      expect(report.result.failure, `run ${run}`).toBeNull();
      expect(
        log.info.filter((l) => l.startsWith('issue fields')),
        `run ${run}`,
      ).toEqual([
        'issue fields: keeping "Due date", "Severity", "Service", "Team", "Incident date", "Minutes" and "Post-mortem" in step with the post-mortems; no issue field named "Nowhere"',
        'issue fields: Service: no option "billing" (2 items); left as it is',
        'issue fields: Incident date: "billing" is not a date (2 items); left as it is',
      ]);
      expect(
        report.plan.filter((op) => op.kind === 'skip' && op.reason === 'field-value-unfit'),
      ).toHaveLength(4);
    }
    expect(refusedWrites(gh)).toBe(0);
    const alert = fieldsByTitle(gh)['Add a replica lag alert'];
    expect(alert).toMatchObject({ Team: 'sre', Minutes: 37 });
    expect(alert).not.toHaveProperty('Service');
    expect(alert).not.toHaveProperty('Incident date');
  });

  it('a fault at every write position still ends with one issue, one project item and the same mapped fields', async () => {
    const config: Config = {
      ...mapped(),
      planning: { ...mapped().planning, project: withBoard().planning.project },
    };
    const before = postmortem();
    const after = postmortem({
      services: 'db',
      items: [
        '- [ ] Add a replica lag alert (Owner: @acme/platform, Due: 2026-04-01)',
        '- [ ] Write a load test for the primary (@alice, Due: 2026-04-15)',
        '- [ ] Add a synthetic write probe (@acme/sre, Due: 2026-05-01)',
      ],
    });
    const prepared = async (): Promise<{ gh: GitHubStandIn; board: ProjectState }> => {
      const gh = orgWithFields();
      const board = projectOf(gh);
      await runSync(gh, before, { config, plain: true });
      return { gh, board };
    };
    const state = ({ gh, board }: { gh: GitHubStandIn; board: ProjectState }) => ({
      fields: fieldsByTitle(gh),
      project: rows(gh, board),
      items: board.items.length,
    });
    const clean = await prepared();
    const cleanReport = await runSync(clean.gh, after, { config, plain: true });
    const total = cleanReport.result.writes;
    expect(cleanReport.plan.filter((op) => op.kind === 'set-fields')).toHaveLength(3);
    expect(cleanReport.plan.filter((op) => op.kind === 'update-project-item')).toHaveLength(3);
    const expected = state(clean);
    expect(expected.fields['Add a replica lag alert']?.['Team']).toBe('platform');
    expect(expected.project['Add a synthetic write probe']).toMatchObject({
      Service: 'db',
      Team: '@acme/sre',
    });
    expect(expected.items).toBe(3);
    for (const how of ['refused', 'lost'] as const)
      for (let k = 1; k <= total; k++) {
        const run = await prepared();
        const failing = await runSync(run.gh, after, {
          config,
          fetch: failingFetch(run.gh.fetch, k, how),
          createAttempts: 1,
          plain: true,
        });
        expect(failing.result.failure, `${how} k=${k}`).not.toBeNull();
        await runSync(run.gh, after, { config, plain: true });
        expect(state(run), `${how} k=${k}`).toEqual(expected);
        const mark = run.gh.requests.mark();
        await runSync(run.gh, after, { config, plain: true });
        expect(run.gh.requests.writes(mark), `${how} k=${k}: a third run writes nothing`).toBe(0);
      }
  });

  it('mapped writes obey the write cap; the next runs finish them', async () => {
    const gh = orgWithFields();
    const first = await runSync(gh, postmortem(), { config: mapped(), maxWrites: 3 });
    expect(first.result.capped).toBe(true);
    for (let runs = 0; runs < 10; runs++) {
      const next = await runSync(gh, postmortem(), { config: mapped(), maxWrites: 3 });
      if (!next.result.capped) break;
    }
    const clean = orgWithFields();
    await runSync(clean, postmortem(), { config: mapped() });
    expect(fieldsByTitle(gh)).toEqual(fieldsByTitle(clean));
  });
});

/** Project 7 with Status, Due and one field of each type for the mapping. */
function withProject(): { gh: GitHubStandIn; board: ProjectState } {
  const gh = standIn();
  return { gh, board: projectOf(gh) };
}

function projectOf(gh: GitHubStandIn): ProjectState {
  return defineProject(gh.state, OWNER, 7, [
    { name: 'Status', dataType: 'single_select', options: ['Todo', 'Done'] },
    { name: 'Due', dataType: 'date' },
    { name: 'Service', dataType: 'single_select', options: ['api', 'db'] },
    { name: 'Team', dataType: 'text' },
    { name: 'Incident', dataType: 'date' },
    { name: 'Minutes', dataType: 'number' },
  ]);
}

const projectMap: Config['planning']['fields'] = {
  Service: 'services',
  Team: 'ownerTeam',
  Incident: 'incidentDate',
  Minutes: 'durationMinutes',
};

const withBoard = (fields: Config['planning']['fields'] = projectMap): Config =>
  withProjectConfig({ fields });

function rows(gh: GitHubStandIn, board: ProjectState): Record<string, Record<string, unknown>> {
  const table = projectTable(gh.state, board);
  const out: Record<string, Record<string, unknown>> = {};
  for (const issue of issues(gh)) {
    const row = table.get(issue.number);
    if (row) out[issue.title] = row;
  }
  return out;
}

describe('project fields the config maps by name (planning.project.fields)', () => {
  it('first sync sets each mapped project field by its type; a re-sync writes nothing; an edit updates them', async () => {
    const { gh, board } = withProject();
    const dry = await runSync(gh, postmortem(), { config: withBoard(), dryRun: true });
    expect(
      dry.plan.filter((op) => op.kind === 'update-project-item').map((op) => describeOperation(op)),
    ).toContainEqual(
      expect.stringMatching(
        /^set Due = 2026-04-01, Status = Todo, Service = api, Team = @acme\/sre, Incident = 2026-03-01, Minutes = 37 on the project item of the new issue for /,
      ),
    );
    await runSync(gh, postmortem(), { config: withBoard() });
    expect(rows(gh, board)).toEqual({
      'Add a replica lag alert': {
        Status: 'Todo',
        Due: '2026-04-01',
        Service: 'api',
        Team: '@acme/sre',
        Incident: '2026-03-01',
        Minutes: 37,
      },
      'Write a load test for the primary': {
        Status: 'Todo',
        Due: '2026-04-15',
        Service: 'api',
        Incident: '2026-03-01',
        Minutes: 37,
      },
    });
    const again = gh.requests.mark();
    await runSync(gh, postmortem(), { config: withBoard() });
    expect(gh.requests.writes(again)).toBe(0);

    const edit = gh.requests.mark();
    await runSync(gh, postmortem({ services: 'db', duration: '2h 0m' }), { config: withBoard() });
    expect(
      gh.requests.count(
        { method: 'PATCH', route: '/orgs/{org}/projectsV2/{project_number}/items/{item_id}' },
        edit,
      ),
    ).toBe(2);
    for (const row of Object.values(rows(gh, board)))
      expect(row).toMatchObject({ Service: 'db', Minutes: 120 });
  });

  it('a value that does not fit is skipped with one line, never sent', async () => {
    const { gh, board } = withProject();
    const log = collect();
    const report = await runSync(gh, postmortem({ services: 'billing' }), {
      config: withBoard({ ...projectMap, Incident: 'owner', Missing: 'tags' }),
      logger: log.logger,
    });
    expect(report.result.failure).toBeNull();
    expect(log.info.filter((l) => l.startsWith('project acme#7'))).toEqual([
      'project acme#7: every item\'s issue is an item; keeping "Due", "Status", "Service", "Team", "Incident", "Minutes" in step; no project field named "Missing"',
      'project acme#7: Service: no option "billing" (2 items); left as it is',
      'project acme#7: Incident: "@acme/sre" is not a date (1 item); left as it is',
      'project acme#7: Incident: "@alice" is not a date (1 item); left as it is',
    ]);
    expect(refusedWrites(gh)).toBe(0);
    expect(rows(gh, board)['Add a replica lag alert']).toEqual({
      Status: 'Todo',
      Due: '2026-04-01',
      Team: '@acme/sre',
      Minutes: 37,
    });
  });
});

describe('the stand-in’s typed field values', () => {
  it('answers 422 for text in a number field and a number in a text field, issue or project', async () => {
    const gh = orgWithFields();
    const board = defineProject(gh.state, OWNER, 8, [
      { name: 'Minutes', dataType: 'number' },
      { name: 'Team', dataType: 'text' },
    ]);
    const octokit = new Octokit({ request: { fetch: gh.fetch } });
    const issue = await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: 'x' });
    const byName = (name: string) =>
      planningState(gh.state)
        .issueFields.get(OWNER)
        ?.find((f) => f.name === name)?.id ?? 0;
    const post = (field_id: number, value: string | number) =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/issue-field-values', {
        owner: OWNER,
        repo: REPO,
        issue_number: issue.data.number,
        issue_field_values: [{ field_id, value }],
      });
    await expect(post(byName('Minutes'), '37')).rejects.toMatchObject({ status: 422 });
    await expect(post(byName('Post-mortem'), 37)).rejects.toMatchObject({ status: 422 });
    await post(byName('Minutes'), 37);
    const item = await octokit.request('POST /orgs/{org}/projectsV2/{project_number}/items', {
      org: OWNER,
      project_number: 8,
      type: 'Issue',
      owner: OWNER,
      repo: REPO,
      number: issue.data.number,
    });
    const [, minutes, team] = board.fields;
    const patch = (id: number, value: string | number) =>
      octokit.request('PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}', {
        org: OWNER,
        project_number: 8,
        item_id: item.data.id,
        fields: [{ id, value }],
      });
    await expect(patch(minutes?.id ?? 0, '37')).rejects.toMatchObject({ status: 422 });
    await expect(patch(team?.id ?? 0, 37)).rejects.toMatchObject({ status: 422 });
    await patch(minutes?.id ?? 0, 37);
    await patch(team?.id ?? 0, '@acme/sre');
    expect(projectTable(gh.state, board).get(issue.data.number)).toEqual({
      Minutes: 37,
      Team: '@acme/sre',
    });
    gh.assertNoContractViolations();
  });
});
