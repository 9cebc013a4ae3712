import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

describe('GitHub stand-in transports', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('serves a real @octokit/rest client over HTTP on 127.0.0.1, with Link headers pointing back at the server', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({
      owner: 'acme',
      repo: 'web',
      collaborators: ['alice'],
      files: { 'postmortems/a.md': '# A\n' },
    });
    standIn.addIssues('acme', 'web', 120, () => ({ labels: ['postmortem'] }));
    const server = await standIn.listen();
    closers.push(server.close);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const octokit = new Octokit({ baseUrl: server.url, auth: 'ghs_test', log: quietLog });

    const created = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 'over http',
      assignees: ['alice'],
      labels: ['postmortem'],
    });
    expect(created.data.url).toBe(`${server.url}/repos/acme/web/issues/121`);
    const page = await octokit.rest.issues.listForRepo({
      owner: 'acme',
      repo: 'web',
      per_page: 100,
    });
    expect(page.headers.link).toContain(`<${server.url}/repos/acme/web/issues?`);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'web',
      labels: 'postmortem',
      per_page: 100,
    });
    expect(all).toHaveLength(121);
    const file = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'web',
      path: 'postmortems/a.md',
    });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString('utf8')).toBe(
      '# A\n',
    );
    const gql = await octokit.graphql<{ rateLimit: { limit: number } }>('{ rateLimit { limit } }');
    expect(gql.rateLimit.limit).toBe(5000);
    const unknown = await octokit.request('GET /nowhere').then(succeeded, failed);
    expect(unknown.status).toBe(404);
    expect(standIn.contractViolations.map((v) => v.kind)).toEqual(['unknown-route']);
    expect(standIn.requests.count({ kind: 'rest' })).toBe(6);
  });

  it('works as request.fetch under any baseUrl, including a GHES-style /api/v3 prefix', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'web' });
    standIn.addIssues('acme', 'web', 40);
    const octokit = new Octokit({
      baseUrl: 'https://ghe.example.com/api/v3',
      request: { fetch: standIn.fetch },
      log: quietLog,
    });
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'web',
      per_page: 25,
    });
    expect(all).toHaveLength(40);
    expect(all[0]?.url).toBe('https://ghe.example.com/api/v3/repos/acme/web/issues/40');
    expect(standIn.requests.all.map((r) => r.path)).toEqual([
      '/repos/acme/web/issues',
      '/repos/acme/web/issues',
    ]);
    standIn.assertNoContractViolations();
  });

  it('answers 401 to unauthenticated requests when requireAuth is set', async () => {
    const standIn = createGitHubStandIn({ requireAuth: true, warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'web' });
    const anonymous = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
    const error = await anonymous.rest.issues
      .listForRepo({ owner: 'acme', repo: 'web' })
      .then(succeeded, failed);
    expect(error.status).toBe(401);
    const authed = new Octokit({ auth: 'ghs_x', request: { fetch: standIn.fetch }, log: quietLog });
    expect((await authed.rest.issues.listForRepo({ owner: 'acme', repo: 'web' })).status).toBe(200);
  });
});
