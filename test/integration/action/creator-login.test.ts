import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT_LOGIN, creatorLogin } from '../../../src/action/creator-login.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';

assertContractsAfterEach();

describe('the login the Action opens issues as', () => {
  it('is github-actions[bot] for the workflow token, asked of GraphQL after /user refuses it', async () => {
    const gh = createGitHubStandIn({ actor: ACTIONS_BOT_LOGIN, warnOnViolation: false });
    const octokit = new Octokit({ auth: 'ghs_workflowtoken', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghs_workflowtoken', octokit)).toBe(ACTIONS_BOT_LOGIN);
    expect(gh.requests.count({ route: '/user' })).toBe(1);
  });

  it("is a GitHub App's bot for that app's installation token, not github-actions[bot]", async () => {
    const gh = createGitHubStandIn({ actor: 'acme-tracker[bot]', warnOnViolation: false });
    const octokit = new Octokit({ auth: 'ghs_apptoken', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghs_apptoken', octokit)).toBe('acme-tracker[bot]');
  });

  it('is the token owner for a personal access token, asked once with GET /user', async () => {
    const gh = createGitHubStandIn({ actor: 'release-bot', warnOnViolation: false });
    const octokit = new Octokit({ auth: 'github_pat_x', request: { fetch: gh.fetch } });
    expect(await creatorLogin('github_pat_x', octokit)).toBe('release-bot');
    expect(gh.requests.count({ route: '/user' })).toBe(1);
  });

  it('is unknown (null) for a personal access token GitHub will not name, so sync writes nothing', async () => {
    const gh = createGitHubStandIn({ warnOnViolation: false });
    gh.faults.add({ route: '/user', times: Infinity }, { status: 403, message: 'Forbidden' });
    gh.faults.add({ route: 'graphql', times: Infinity }, { status: 403, message: 'Forbidden' });
    const octokit = new Octokit({ auth: 'ghp_x', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghp_x', octokit)).toBeNull();
  });

  it('falls back to github-actions[bot] for a non-personal token when GitHub names nobody', async () => {
    const gh = createGitHubStandIn({ warnOnViolation: false });
    gh.faults.add({ route: '/user', times: Infinity }, { status: 403, message: 'Forbidden' });
    gh.faults.add({ route: 'graphql', times: Infinity }, { status: 403, message: 'Forbidden' });
    const octokit = new Octokit({ auth: 'ghs_x', request: { fetch: gh.fetch } });
    expect(await creatorLogin('ghs_x', octokit)).toBe(ACTIONS_BOT_LOGIN);
  });
});
