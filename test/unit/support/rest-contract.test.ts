import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

describe('GitHub stand-in REST contract checks', () => {
  let standIn: GitHubStandIn;
  let octokit: Octokit;

  beforeEach(() => {
    standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'web', collaborators: ['alice'] });
    octokit = new Octokit({
      request: { fetch: standIn.fetch },
      log: quietLog,
    });
  });

  it('rejects a body field that the operation does not declare, with 422 and GitHub error shape', async () => {
    const error = await octokit
      .request('POST /repos/{owner}/{repo}/issues', {
        owner: 'acme',
        repo: 'web',
        title: 'x',
        asignees: ['alice'],
      })
      .then(succeeded, failed);
    expect(error.status).toBe(422);
    expect(error.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ field: 'asignees', code: 'invalid' }],
      documentation_url: expect.stringContaining('docs.github.com'),
    });
    expect(standIn.contractViolations).toHaveLength(1);
    expect(standIn.contractViolations[0]).toMatchObject({
      kind: 'invalid-request',
      route: '/repos/{owner}/{repo}/issues',
    });
    expect(standIn.state.repos.get('acme/web')?.issues.size).toBe(0);
  });

  it('rejects a body without a required field', async () => {
    const error = await octokit
      .request('POST /repos/{owner}/{repo}/labels', {
        owner: 'acme',
        repo: 'web',
        color: 'ff0000',
      } as unknown as { owner: string; repo: string; name: string })
      .then(succeeded, failed);
    expect(error.status).toBe(422);
    expect(error.response?.data.errors).toContainEqual(
      expect.objectContaining({ field: 'name', code: 'missing_field' }),
    );
    expect(() => standIn.assertNoContractViolations()).toThrow(/missing_field/);
  });

  it('rejects a body value of the wrong type, including fields nested in arrays of objects', async () => {
    const error = await octokit
      .request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'acme',
        repo: 'web',
        name: 'lint',
        head_sha: 'abc',
        output: {
          title: 't',
          summary: 's',
          annotations: [
            {
              path: 'a.md',
              start_line: 'one' as unknown as number,
              end_line: 1,
              annotation_level: 'failure',
              message: 'm',
            },
          ],
        },
      })
      .then(succeeded, failed);
    expect(error.status).toBe(422);
    expect(standIn.contractViolations[0]?.kind).toBe('invalid-request');
  });

  it('accepts null where the description marks a field nullable', async () => {
    const issue = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 'x',
      milestone: null,
    });
    expect(issue.status).toBe(201);
    standIn.assertNoContractViolations();
  });

  it('answers 404 for a route GitHub does not have and records it', async () => {
    const error = await octokit
      .request('GET /repos/{owner}/{repo}/postmortems', { owner: 'acme', repo: 'web' })
      .then(succeeded, failed);
    expect(error.status).toBe(404);
    expect(standIn.contractViolations).toEqual([
      expect.objectContaining({ kind: 'unknown-route', path: '/repos/acme/web/postmortems' }),
    ]);
  });

  it('answers 404 for a method the route does not support', async () => {
    const error = await octokit
      .request('DELETE /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: 'acme',
        repo: 'web',
        issue_number: 1,
      })
      .then(succeeded, failed);
    expect(error.status).toBe(404);
    expect(standIn.contractViolations[0]?.kind).toBe('unknown-route');
  });

  it('rejects a request without a required query parameter', async () => {
    const error = await octokit
      .request('GET /search/issues', {} as unknown as { q: string })
      .then(succeeded, failed);
    expect(error.status).toBe(422);
    expect(error.response?.data.errors).toContainEqual(
      expect.objectContaining({ resource: 'query', field: 'q', code: 'missing_field' }),
    );
    expect(standIn.contractViolations[0]?.kind).toBe('invalid-request');
  });

  it('rejects a query parameter of the wrong type', async () => {
    const error = await octokit
      .request('GET /repos/{owner}/{repo}/issues?per_page=lots', { owner: 'acme', repo: 'web' })
      .then(succeeded, failed);
    expect(error.status).toBe(422);
  });

  it('flags a real GitHub route the stand-in does not implement instead of faking it', async () => {
    const error = await octokit.rest.repos
      .listForks({ owner: 'acme', repo: 'web' })
      .then(succeeded, failed);
    expect(error.status).toBe(501);
    expect(standIn.contractViolations[0]).toMatchObject({
      kind: 'unimplemented',
      route: '/repos/{owner}/{repo}/forks',
    });
  });

  it('matches a literal segment before a parameter (issues/comments vs issues/{issue_number})', async () => {
    const { data } = await octokit.rest.issues.listCommentsForRepo({ owner: 'acme', repo: 'web' });
    expect(data).toEqual([]);
    expect(standIn.requests.all[0]?.route).toBe('/repos/{owner}/{repo}/issues/comments');
  });

  it('sends rate-limit headers that count down on every response', async () => {
    const a = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
    const b = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
    expect(a.headers['x-ratelimit-limit']).toBe('5000');
    expect(Number(b.headers['x-ratelimit-remaining'])).toBe(
      Number(a.headers['x-ratelimit-remaining']) - 1,
    );
    expect(b.headers['x-ratelimit-resource']).toBe('core');
    expect(Number(b.headers['x-ratelimit-used'])).toBe(2);
  });
});
