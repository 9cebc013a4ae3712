import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import { OctokitPort } from '../../../src/github/octokit-port.js';
import { parsePostmortem } from '../../../src/core/markdown/parse-postmortem.js';
import { analyseDigest } from '../../../src/core/digest/analyse-digest.js';
import { renderDigest } from '../../../src/core/digest/render-digest.js';
import { collectTrackedIssues } from '../../../src/core/digest/run-digest.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import { renderReport } from '../../../src/core/report/render-report.js';
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
  NOW,
  OWNER,
  PATH,
  REPO,
  TOOL_LOGIN,
  postmortemText,
  runSync,
  standIn,
  trackedById,
} from '../sync/harness.js';
import { withProjectConfig } from './project-config.js';

const fields = (source: 'postmortem' | 'github'): Config => ({
  ...defaultConfig,
  planning: { ...defaultConfig.planning, issueFields: true, dueDateSource: source },
});
// Due in the future by the post-mortem; a person moves it into the past on GitHub.
const files = {
  [PATH]: postmortemText(['- [ ] Add a replica lag alert (Owner: @alice, Due: 2026-04-30)']),
};

async function changedOnGitHub(config: Config): Promise<GitHubStandIn> {
  const gh = standIn();
  defineIssueFields(gh.state, OWNER, [{ name: 'Due date', dataType: 'date' }]);
  await runSync(gh, files, { config });
  const [issue] = trackedById(gh).values();
  const due = planningState(gh.state).issueFields.get(OWNER)?.[0];
  planningState(gh.state)
    .values.get(issue?.id ?? 0)
    ?.set(due?.id ?? 0, '2026-03-10');
  return gh;
}

async function digest(gh: GitHubStandIn, config: Config) {
  const port = new OctokitPort(new Octokit({ request: { fetch: gh.fetch } }), {
    owner: OWNER,
    repo: REPO,
  });
  const result = analyseDigest({
    postmortems: Object.entries(files).map(([p, t]) => parsePostmortem(t, p)),
    issues: await port.listIssuesByLabel(config.labels.tool),
    config,
    now: NOW,
  });
  return {
    result,
    text: renderDigest(result, { repoUrl: null, defaultBranch: 'main' }).join('\n'),
  };
}

describe('the due date read back from GitHub', () => {
  it('by default the post-mortem wins: the digest shows both dates, overdue from the post-mortem, and sync sets the field back', async () => {
    const config = fields('postmortem');
    const gh = await changedOnGitHub(config);
    const { result, text } = await digest(gh, config);
    expect(result.items.overdue).toEqual([]);
    const row = [...result.items.dueSoon, ...result.items.oldestOpen].find(
      (r) => r.title === 'Add a replica lag alert',
    );
    expect(row?.dueDisagreement).toEqual({
      postmortem: '2026-04-30',
      github: '2026-03-10',
      sources: [{ where: 'issue-field', date: '2026-03-10' }],
    });
    expect(text).toContain('2026-04-30 (post-mortem 2026-04-30, GitHub 2026-03-10: they disagree)');
    await runSync(gh, files, { config });
    const [issue] = trackedById(gh).values();
    expect(issue && issueFieldValues(gh.state, OWNER, issue)).toEqual({ 'Due date': '2026-04-30' });
  });

  it('with dueDateSource github, GitHub’s date decides overdue, the digest says they disagree, and sync keeps it', async () => {
    const config = fields('github');
    const gh = await changedOnGitHub(config);
    const { result, text } = await digest(gh, config);
    expect(result.items.overdue.map((r) => [r.title, r.due, r.days])).toEqual([
      ['Add a replica lag alert', '2026-03-10', 10],
    ]);
    expect(text).toContain('2026-03-10 (post-mortem 2026-04-30, GitHub 2026-03-10: they disagree)');
    const mark = gh.requests.mark();
    const report = await runSync(gh, files, { config });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(report.plan).toContainEqual(
      expect.objectContaining({ kind: 'skip', reason: 'due-changed-on-github' }),
    );
    const [issue] = trackedById(gh).values();
    expect(issue && issueFieldValues(gh.state, OWNER, issue)).toEqual({ 'Due date': '2026-03-10' });
  });
});

const withProject = (source: 'postmortem' | 'github'): Config =>
  withProjectConfig({ severityField: '' }, { dueDateSource: source });

/** Synced into project 7; then a person moves the item's Due in the project into the past. */
async function movedInProject(
  config: Config,
  orgDue?: string,
): Promise<{ gh: GitHubStandIn; board: ProjectState }> {
  const gh = standIn();
  if (orgDue !== undefined)
    defineIssueFields(gh.state, OWNER, [{ name: 'Due date', dataType: 'date' }]);
  const board = defineProject(gh.state, OWNER, 7, [
    { name: 'Status', dataType: 'single_select', options: ['Todo', 'Done'] },
    { name: 'Due', dataType: 'date' },
  ]);
  await runSync(gh, files, { config });
  const [issue] = trackedById(gh).values();
  const item = board.items.find((i) => i.issueId === issue?.id);
  const due = board.fields.find((f) => f.name === 'Due');
  item?.values.set(due?.id ?? 0, '2026-03-10');
  if (orgDue !== undefined) {
    const field = planningState(gh.state).issueFields.get(OWNER)?.[0];
    planningState(gh.state)
      .values.get(issue?.id ?? 0)
      ?.set(field?.id ?? 0, orgDue);
  }
  return { gh, board };
}

/** The digest and the dashboard as the hosts build them: tracked issues through collectTrackedIssues. */
async function readBack(gh: GitHubStandIn, config: Config) {
  const port = new OctokitPort(new Octokit({ request: { fetch: gh.fetch } }), {
    owner: OWNER,
    repo: REPO,
  });
  const mark = gh.requests.mark();
  const issues = await collectTrackedIssues(port, config, TOOL_LOGIN, { projectDue: true });
  const requests = gh.requests.filter(undefined, mark).map((r) => `${r.method} ${r.route ?? ''}`);
  const postmortems = Object.entries(files).map(([p, t]) => parsePostmortem(t, p));
  const result = analyseDigest({ postmortems, issues, config, now: NOW });
  const report = buildReport({ postmortems, issues, config, now: NOW });
  const html = renderReport(report, {
    uplotJs: '',
    uplotCss: '',
    repoUrl: null,
    defaultBranch: 'main',
  });
  return {
    requests,
    result,
    text: renderDigest(result, { repoUrl: null, defaultBranch: 'main' }).join('\n'),
    item: report.incidents[0]?.items[0],
    html,
  };
}

describe('the project’s due date read back', () => {
  it('a Due changed in the project is a disagreement in the digest and on the dashboard; the post-mortem wins by default and sync sets it back', async () => {
    const config = withProject('postmortem');
    const { gh, board } = await movedInProject(config);
    const { requests, result, text, item, html } = await readBack(gh, config);
    // One issue listing, the project's fields, one page of its items.
    expect(requests).toEqual([
      'GET /repos/{owner}/{repo}/issues',
      'GET /orgs/{org}/projectsV2/{project_number}/fields',
      'GET /orgs/{org}/projectsV2/{project_number}/items',
    ]);
    expect(result.items.overdue).toEqual([]);
    expect(text).toContain(
      '2026-04-30 (post-mortem 2026-04-30, project 2026-03-10: they disagree)',
    );
    expect(item).toMatchObject({ due: '2026-04-30', state: 'open' });
    expect(item?.dueDisagreement).toEqual({
      postmortem: '2026-04-30',
      github: '2026-03-10',
      sources: [{ where: 'project', date: '2026-03-10' }],
    });
    expect(html).toContain(
      '<span class="disagree">(post-mortem 2026-04-30, project 2026-03-10: they disagree)</span>',
    );
    await runSync(gh, files, { config });
    expect([...projectTable(gh.state, board).values()][0]?.['Due']).toBe('2026-04-30');
  });

  it('with dueDateSource github, the project’s Due decides overdue in the digest and on the dashboard, and sync keeps it', async () => {
    const config = withProject('github');
    const { gh, board } = await movedInProject(config);
    const { result, text, item } = await readBack(gh, config);
    expect(result.items.overdue.map((r) => [r.title, r.due, r.days])).toEqual([
      ['Add a replica lag alert', '2026-03-10', 10],
    ]);
    expect(text).toContain(
      '2026-03-10 (post-mortem 2026-04-30, project 2026-03-10: they disagree)',
    );
    expect(item).toMatchObject({ due: '2026-03-10', state: 'overdue' });
    const mark = gh.requests.mark();
    const report = await runSync(gh, files, { config });
    expect(gh.requests.writes(mark)).toBe(0);
    expect(report.plan).toContainEqual(
      expect.objectContaining({ kind: 'skip', reason: 'due-changed-on-github' }),
    );
    expect([...projectTable(gh.state, board).values()][0]?.['Due']).toBe('2026-03-10');
  });

  it('names both places when the issue field and the project each hold another date', async () => {
    const config = withProject('postmortem');
    const { gh } = await movedInProject(config, '2026-03-12');
    const { text, item } = await readBack(gh, config);
    expect(text).toContain(
      '2026-04-30 (post-mortem 2026-04-30, GitHub 2026-03-12, project 2026-03-10: they disagree)',
    );
    expect(item?.dueDisagreement?.github).toBe('2026-03-12');
  });

  it('without a project, or with one that cannot be read, the digest reads the issues only; a check never reads the project', async () => {
    const config = withProject('postmortem');
    const { gh } = await movedInProject(config);
    const none = await readBack(gh, { ...config, planning: { ...config.planning, project: null } });
    expect(none.requests).toEqual(['GET /repos/{owner}/{repo}/issues']);
    expect(none.item?.dueDisagreement).toBeUndefined();
    const port = new OctokitPort(new Octokit({ request: { fetch: gh.fetch } }), {
      owner: OWNER,
      repo: REPO,
    });
    // A pull-request check needs the issues' states only: the default reads no project.
    const check = gh.requests.mark();
    const forCheck = await collectTrackedIssues(port, config, TOOL_LOGIN);
    expect(gh.requests.filter(undefined, check).map((r) => r.route)).toEqual([
      '/repos/{owner}/{repo}/issues',
    ]);
    expect(forCheck[0]?.projectDue).toBeUndefined();
    planningState(gh.state).projects.clear();
    const lines: string[] = [];
    const issues = await collectTrackedIssues(port, config, TOOL_LOGIN, {
      projectDue: true,
      log: (l) => lines.push(l),
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.projectDue).toBeUndefined();
    expect(lines).toEqual(['project acme#7 not read (HTTP 404): its due dates are not compared']);
  });
});
