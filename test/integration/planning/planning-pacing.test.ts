import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema.js';
import type { PacerClock } from '../../../src/github/write-pacer.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { defineIssueFields, defineProject } from '../../support/planning-state.js';
import { OWNER, PATH, REPO, base, postmortemText, runSync } from '../sync/harness.js';

const everything: Config = {
  ...defaultConfig,
  planning: {
    ...defaultConfig.planning,
    issueFields: true,
    parentIssues: true,
    project: {
      owner: OWNER,
      number: 3,
      ownerType: 'organization',
      dueField: 'Due',
      statusField: 'Status',
      severityField: '',
      fields: {},
    },
  },
};

describe('planning writes are paced like issue writes', () => {
  it('spaces parent, sub-issue, field and project writes at least one second apart', async () => {
    let t = Date.parse('2026-03-20T12:00:00Z');
    const clock: PacerClock = { now: () => t, sleep: async (ms) => void (t += ms) };
    const gh = createGitHubStandIn({ now: () => new Date(t), warnOnViolation: false });
    gh.addRepo({ owner: OWNER, repo: REPO, collaborators: ['alice', 'bob'] });
    defineIssueFields(gh.state, OWNER, [{ name: 'Due date', dataType: 'date' }]);
    defineProject(gh.state, OWNER, 3, [
      { name: 'Status', dataType: 'single_select', options: ['Todo', 'Done'] },
      { name: 'Due', dataType: 'date' },
    ]);
    gh.faults.enforceWritePacing({ minIntervalMs: 1000, retryAfter: 1 });
    const report = await runSync(
      gh,
      { [PATH]: postmortemText(base) },
      { config: everything, pacing: { clock } },
    );
    expect(report.result.failure).toBeNull();
    const writes = gh.requests.filter({ write: true });
    const routes = new Set(writes.map((w) => w.route));
    for (const route of [
      '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues',
      '/repos/{owner}/{repo}/issues/{issue_number}/issue-field-values',
      '/orgs/{org}/projectsV2/{project_number}/items',
      '/orgs/{org}/projectsV2/{project_number}/items/{item_id}',
    ])
      expect(routes.has(route), route).toBe(true);
    expect(writes.every((w) => w.status < 400)).toBe(true);
    const gaps = writes.slice(1).map((w, i) => Date.parse(w.at) - Date.parse(writes[i]!.at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });
});
