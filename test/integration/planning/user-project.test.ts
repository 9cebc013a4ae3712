import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/core/config/schema.js';
import { collectTrackedIssues } from '../../../src/core/digest/run-digest.js';
import { OctokitPort } from '../../../src/github/octokit-port.js';
import { defineProject, projectTable } from '../../support/planning-state.js';
import {
  OWNER,
  PATH,
  REPO,
  TOOL_LOGIN,
  base,
  issues,
  postmortemText,
  runSync,
  standIn,
} from '../sync/harness.js';

const files = { [PATH]: postmortemText(base) };

const userProject = (ownerType?: 'user') =>
  configSchema.parse({
    planning: { project: { owner: 'alice', number: 3, ...(ownerType ? { ownerType } : {}) } },
  });

function withUserProject() {
  const gh = standIn();
  const board = defineProject(
    gh.state,
    'alice',
    3,
    [
      { name: 'Status', dataType: 'single_select', options: ['Todo', 'Done'] },
      { name: 'Due', dataType: 'date' },
    ],
    { user: true },
  );
  return { gh, board };
}

describe('a user’s project (planning.project.ownerType: user)', () => {
  it('takes every item’s issue with Due and Status through /users/{username}/projectsV2, and a re-sync writes nothing', async () => {
    const { gh, board } = withUserProject();
    const report = await runSync(gh, files, { config: userProject('user') });
    expect(report.result.failure).toBeNull();
    const projectRoutes = new Set(
      gh.requests.filter((r) => r.route?.includes('projectsV2') ?? false).map((r) => r.route),
    );
    expect([...projectRoutes].sort()).toEqual([
      '/users/{username}/projectsV2/{project_number}/fields',
      '/users/{username}/projectsV2/{project_number}/items',
      '/users/{username}/projectsV2/{project_number}/items/{item_id}',
    ]);
    const rows = projectTable(gh.state, board);
    expect(rows.size).toBe(report.counts.created);
    const alert = issues(gh).find((i) => i.title === 'Add a replica lag alert');
    expect(rows.get(alert?.number ?? 0)).toEqual({ Status: 'Todo', Due: '2026-04-01' });
    const mark = gh.requests.mark();
    await runSync(gh, files, { config: userProject('user') });
    expect(gh.requests.writes(mark)).toBe(0);
    gh.assertNoContractViolations();
  });

  it('the digest reads its due dates back through the same paths', async () => {
    const { gh } = withUserProject();
    const config = userProject('user');
    await runSync(gh, files, { config });
    const port = new OctokitPort(new Octokit({ request: { fetch: gh.fetch } }), {
      owner: OWNER,
      repo: REPO,
    });
    const tracked = await collectTrackedIssues(port, config, TOOL_LOGIN, { projectDue: true });
    expect(tracked.find((i) => i.title === 'Add a replica lag alert')?.projectDue).toBe(
      '2026-04-01',
    );
  });

  it('left as an organisation’s (the default), the same project is not found: one line, no write to it', async () => {
    const { gh, board } = withUserProject();
    const info: string[] = [];
    const report = await runSync(gh, files, {
      config: userProject(),
      logger: { info: (m) => info.push(m), warning: (m) => info.push(m) },
    });
    expect(report.result.failure).toBeNull();
    expect(board.items).toEqual([]);
    expect(info.filter((l) => l.startsWith('project alice#3'))).toEqual([
      expect.stringMatching(
        /^project alice#3 not used \(HTTP 404: .*; a user's project needs planning\.project\.ownerType: user\)/,
      ),
    ]);
  });
});
