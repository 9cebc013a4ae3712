import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/core/config/schema.js';
import { describeOperation } from '../../../src/core/sync/describe-operation.js';
import { parseParentMarker } from '../../../src/core/sync/parent-marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import {
  defineIssueFields,
  defineProject,
  issueFieldValues,
  planningState,
  projectTable,
  subIssueNumbers,
  type ProjectState,
} from '../../support/planning-state.js';
import {
  OWNER,
  PATH,
  base,
  failingFetch,
  issues,
  postmortemText,
  runSync,
  snapshot,
  standIn,
  trackedById,
} from '../sync/harness.js';
import { withProjectConfig } from './project-config.js';

const project = (extra: Partial<Config['planning']> = {}): Config => withProjectConfig({}, extra);

const files = (items: string[]): Record<string, string> => ({ [PATH]: postmortemText(items) });

/** A stand-in whose organisation has project 7 with Due, Status (Backlog, Todo, Done) and Severity. */
function withProject(): { gh: GitHubStandIn; board: ProjectState } {
  const gh = standIn();
  const board = defineProject(gh.state, OWNER, 7, [
    {
      name: 'Status',
      dataType: 'single_select',
      options: ['Backlog', 'Todo', 'In progress', 'Done'],
    },
    { name: 'Due', dataType: 'date' },
    { name: 'Severity', dataType: 'single_select', options: ['SEV1', 'SEV2'] },
  ]);
  return { gh, board };
}

/** The project table by item title: what a team sees. */
function table(
  gh: GitHubStandIn,
  board: ProjectState,
): Record<string, Record<string, string | number>> {
  const rows = projectTable(gh.state, board);
  const out: Record<string, Record<string, string | number>> = {};
  for (const issue of issues(gh)) {
    const row = rows.get(issue.number);
    if (row === undefined) continue;
    if (out[issue.title]) throw new Error(`two project items for ${issue.title}`);
    out[issue.title] = row;
  }
  return out;
}

describe('project items', () => {
  it('first sync adds every item issue to the project with Due, Status and Severity; the dry run lists it', async () => {
    const { gh, board } = withProject();
    const dry = await runSync(gh, files(base), { config: project(), dryRun: true });
    const lines = dry.plan
      .filter((op) => op.kind === 'add-project-item' || op.kind === 'update-project-item')
      .map((op) => describeOperation(op));
    const alert = dry.plan.find(
      (op) => op.kind === 'create' && op.issue.title === 'Add a replica lag alert',
    );
    expect(lines).toContain(
      `add the new issue of ${alert && 'id' in alert ? alert.id : '?'} to project acme#7`,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^set Due = 2026-04-01, Status = Todo, Severity = SEV1 on the project item of the new issue for /,
      ),
    );
    expect(gh.requests.writes()).toBe(0);

    const report = await runSync(gh, files(base), { config: project() });
    expect(report.result.failure).toBeNull();
    const rows = table(gh, board);
    expect(Object.keys(rows).sort()).toEqual(
      issues(gh)
        .map((i) => i.title)
        .sort(),
    );
    expect(rows['Add a replica lag alert']).toEqual({
      Due: '2026-04-01',
      Status: 'Todo',
      Severity: 'SEV1',
    });
    expect(Object.values(rows).every((r) => r['Status'] === 'Todo')).toBe(true);
  });

  it('a due-date edit updates the project field; a ticked item closes and moves to Done', async () => {
    const { gh, board } = withProject();
    await runSync(gh, files(base), { config: project() });
    const edited = [...base];
    edited[0] = '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-15)';
    edited[4] = '- [x] Write a load test for the primary (@carol)';
    const mark = gh.requests.mark();
    const report = await runSync(gh, files(edited), { config: project() });
    expect(report.result.failure).toBeNull();
    const rows = table(gh, board);
    expect(rows['Add a replica lag alert']?.['Due']).toBe('2026-04-15');
    expect(rows['Write a load test for the primary']?.['Status']).toBe('Done');
    const loadTest = issues(gh).find((i) => i.title === 'Write a load test for the primary');
    expect(loadTest?.state).toBe('closed');
    // One issue close, two item updates; no item is added twice.
    expect(
      gh.requests.count(
        { method: 'POST', route: '/orgs/{org}/projectsV2/{project_number}/items' },
        mark,
      ),
    ).toBe(0);
    expect(
      gh.requests.count(
        { method: 'PATCH', route: '/orgs/{org}/projectsV2/{project_number}/items/{item_id}' },
        mark,
      ),
    ).toBe(2);
  });

  it('a Due changed on the project is reported as a disagreement and put back; a post-mortem edit is not', async () => {
    const { gh, board } = withProject();
    await runSync(gh, files(base), { config: project() });
    const alert = issues(gh).find((i) => i.title === 'Add a replica lag alert');
    const item = board.items.find((i) => i.issueId === alert?.id);
    const dueField = board.fields.find((f) => f.name === 'Due');
    item?.values.set(dueField?.id ?? 0, '2026-06-30');
    const info: string[] = [];
    const log = { info: (m: string) => info.push(m), warning: (m: string) => info.push(m) };
    await runSync(gh, files(base), { config: project(), logger: log });
    expect(info).toContainEqual(
      expect.stringMatching(
        /^set Due = 2026-04-01 \(was 2026-06-30 on GitHub: the post-mortem and GitHub disagreed/,
      ),
    );
    expect(table(gh, board)['Add a replica lag alert']?.['Due']).toBe('2026-04-01');
    const edited = [...base];
    edited[0] = '- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-20)';
    info.length = 0;
    await runSync(gh, files(edited), { config: project(), logger: log });
    expect(info.filter((l) => l.includes('disagreed'))).toEqual([]);
    expect(table(gh, board)['Add a replica lag alert']?.['Due']).toBe('2026-04-20');
  });

  it('a no-change re-sync makes no write and two reads more than with the feature off', async () => {
    const { gh } = withProject();
    await runSync(gh, files(base), { config: project() });
    const on = gh.requests.mark();
    await runSync(gh, files(base), { config: project() });
    expect(gh.requests.writes(on)).toBe(0);
    const onCount = gh.requests.count(undefined, on);
    const off = gh.requests.mark();
    await runSync(gh, files(base));
    expect(gh.requests.count(undefined, off)).toBe(onCount - 2);
  });

  it('a project that does not exist or is refused leaves sync as today with one informational line', async () => {
    const gh = standIn();
    const today = standIn();
    const info: string[] = [];
    const report = await runSync(gh, files(base), {
      config: project(),
      logger: { info: (m) => info.push(m), warning: (m) => info.push(m) },
    });
    await runSync(today, files(base));
    expect(report.result.failure).toBeNull();
    expect(snapshot(gh)).toEqual(snapshot(today));
    expect(gh.requests.writes()).toBe(today.requests.writes());
    expect(info.filter((l) => l.includes('project'))).toEqual([
      expect.stringMatching(/^project acme#7 not used \(HTTP 404/),
    ]);
  });

  it('a fault at every write position still ends with one issue, one parent link and one project item per item', async () => {
    const config = project({ issueFields: true, parentIssues: true });
    const prepared = () => {
      const made = withProject();
      defineIssueFields(made.gh.state, OWNER, [{ name: 'Due date', dataType: 'date' }]);
      return made;
    };
    const before = files(base);
    const after = files([
      ...base.slice(0, 4),
      '- [x] Write a load test for the primary (@carol)',
      '- [ ] Rotate the replication credentials (Owner: @bob, Due: 2026-03-12)',
      '- [ ] Add a synthetic write probe (@bob, Due: 2026-05-01)',
    ]);
    const state = (gh: GitHubStandIn, board: ProjectState) => {
      const parent = issues(gh).filter((i) => parseParentMarker(i.body) !== null);
      return {
        issues: snapshot(gh),
        parents: parent.map((p) => ({
          title: p.title,
          state: p.state,
          subs: subIssueNumbers(gh.state, p).length,
        })),
        project: table(gh, board),
        fields: [...trackedById(gh).values()].map((i) => issueFieldValues(gh.state, OWNER, i)),
      };
    };
    for (const start of ['empty', 'synced'] as const) {
      const clean = prepared();
      if (start === 'synced') await runSync(clean.gh, before, { config, plain: true });
      const cleanReport = await runSync(clean.gh, after, { config, plain: true });
      const total = cleanReport.result.writes;
      expect(
        cleanReport.plan.some((op) => op.kind === 'update-project-item'),
        start,
      ).toBe(true);
      const expected = state(clean.gh, clean.board);
      expect(expected.parents).toHaveLength(1);
      expect(expected.parents[0]?.subs).toBe(expected.issues.length);
      expect(Object.keys(expected.project)).toHaveLength(expected.issues.length);

      for (const how of ['refused', 'lost'] as const) {
        for (let k = 1; k <= total; k++) {
          const { gh, board } = prepared();
          if (start === 'synced') await runSync(gh, before, { config, plain: true });
          const failing = await runSync(gh, after, {
            config,
            fetch: failingFetch(gh.fetch, k, how),
            createAttempts: 1,
            plain: true,
          });
          expect(failing.result.failure, `${start} ${how} k=${k}`).not.toBeNull();
          const rerun = await runSync(gh, after, { config, plain: true });
          expect(rerun.result.failure, `${start} ${how} k=${k}`).toBeNull();
          expect(state(gh, board), `${start} ${how} k=${k}`).toEqual(expected);
          expect(board.items, `${start} ${how} k=${k}`).toHaveLength(expected.issues.length);
          const mark = gh.requests.mark();
          await runSync(gh, after, { config, plain: true });
          expect(
            gh.requests.writes(mark),
            `${start} ${how} k=${k}: a third run writes nothing`,
          ).toBe(0);
        }
      }
    }
  });
});

describe('the stand-in’s project items', () => {
  it('answers 422 for a bad date and an unknown option, and the existing item for a second add', async () => {
    const { gh, board } = withProject();
    const octokit = new Octokit({ request: { fetch: gh.fetch } });
    const issue = await octokit.rest.issues.create({ owner: OWNER, repo: 'ops', title: 'x' });
    const add = () =>
      octokit.request('POST /orgs/{org}/projectsV2/{project_number}/items', {
        org: OWNER,
        project_number: 7,
        type: 'Issue',
        owner: OWNER,
        repo: 'ops',
        number: issue.data.number,
      });
    const first = await add();
    const second = await add();
    expect(second.data.id).toBe(first.data.id);
    const [, status, due] = board.fields;
    const patch = (id: number, value: string | null) =>
      octokit.request('PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}', {
        org: OWNER,
        project_number: 7,
        item_id: first.data.id,
        fields: [{ id, value }],
      });
    await expect(patch(due?.id ?? 0, '2026-13-01')).rejects.toMatchObject({ status: 422 });
    await expect(patch(status?.id ?? 0, 'no-such-option')).rejects.toMatchObject({ status: 422 });
    await patch(due?.id ?? 0, '2026-04-01');
    expect(projectTable(gh.state, board).get(issue.data.number)).toEqual({ Due: '2026-04-01' });
    expect(planningState(gh.state).projects.size).toBe(1);
    gh.assertNoContractViolations();
  });
});
