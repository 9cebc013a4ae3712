import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT_LOGIN, creatorLogin } from '../../../src/action/creator-login.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';

assertContractsAfterEach();

describe('the login the Action opens issues as', () => {
  it('is github-actions[bot] for the workflow token, without a request', async () => {
    const gh = createGitHubStandIn({ warnOnViolation: false });
    const octokit = new Octokit({ auth: 'ghs_workflowtoken', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghs_workflowtoken', octokit)).toBe(ACTIONS_BOT_LOGIN);
    expect(gh.requests.all).toHaveLength(0);
  });

  it('is the token owner for a personal access token, asked once with GET /user', async () => {
    const gh = createGitHubStandIn({ actor: 'release-bot', warnOnViolation: false });
    const octokit = new Octokit({ auth: 'github_pat_x', request: { fetch: gh.fetch } });
    expect(await creatorLogin('github_pat_x', octokit)).toBe('release-bot');
    expect(gh.requests.count({ route: '/user' })).toBe(1);
  });

  it('is unknown (null) when GET /user fails, so sync goes on without the look', async () => {
    const gh = createGitHubStandIn({ warnOnViolation: false });
    gh.faults.add({ route: '/user', times: Infinity }, { status: 403, message: 'Forbidden' });
    const octokit = new Octokit({ auth: 'ghp_x', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghp_x', octokit)).toBeNull();
  });
});
