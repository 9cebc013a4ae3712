import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

describe('GitHub stand-in issues, labels, comments', () => {
  let standIn: GitHubStandIn;
  let octokit: Octokit;
  let clock: Date;

  beforeEach(() => {
    clock = new Date('2026-03-02T09:00:00Z');
    standIn = createGitHubStandIn({ now: () => clock, warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'web', collaborators: ['alice', 'bob'] });
    octokit = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
  });

  it('pages 250 issues 100 at a time with Link next/last, and paginate() collects all of them', async () => {
    standIn.addIssues('acme', 'web', 250, (i) => ({ labels: i % 2 === 0 ? ['postmortem'] : [] }));
    const first = await octokit.rest.issues.listForRepo({
      owner: 'acme',
      repo: 'web',
      state: 'all',
      per_page: 100,
    });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain('page=2>; rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'web',
      state: 'all',
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((i) => i.number)).size).toBe(250);
    expect(standIn.requests.count({ route: '/repos/{owner}/{repo}/issues', method: 'GET' })).toBe(
      1 + 3,
    );
    const third = standIn.requests.all[3];
    expect(third?.query).toContain('page=3');
    const labelled = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'web',
      labels: 'postmortem',
      per_page: 100,
    });
    expect(labelled).toHaveLength(125);
  });

  it('caps per_page at 100 and defaults it to 30', async () => {
    standIn.addIssues('acme', 'web', 150);
    const big = await octokit.rest.issues.listForRepo({
      owner: 'acme',
      repo: 'web',
      per_page: 100,
      page: 1,
    });
    expect(big.data).toHaveLength(100);
    const dflt = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
    expect(dflt.data).toHaveLength(30);
    expect(dflt.headers.link).toContain('per_page=30&page=5>; rel="last"');
  });

  it('answers 422 Validation Failed naming an assignee who cannot be assigned, on create and update', async () => {
    const create = await octokit.rest.issues
      .create({
        owner: 'acme',
        repo: 'web',
        title: 'Fix alerting',
        assignees: ['alice', 'mallory'],
      })
      .then(succeeded, failed);
    expect(create.status).toBe(422);
    expect(create.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ value: 'mallory', resource: 'Issue', field: 'assignees', code: 'invalid' }],
    });
    const issue = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 'Fix alerting',
      assignees: ['Alice'],
    });
    // GitHub answers with the user's own spelling of the login.
    expect(issue.data.assignees?.map((a) => a.login)).toEqual(['alice']);
    const update = await octokit.rest.issues
      .update({
        owner: 'acme',
        repo: 'web',
        issue_number: issue.data.number,
        assignees: ['team-sre'],
      })
      .then(succeeded, failed);
    expect(update.status).toBe(422);
    expect(
      (
        await octokit.rest.issues.checkUserCanBeAssigned({
          owner: 'acme',
          repo: 'web',
          assignee: 'bob',
        })
      ).status,
    ).toBe(204);
    const no = await octokit.rest.issues
      .checkUserCanBeAssigned({ owner: 'acme', repo: 'web', assignee: 'mallory' })
      .then(succeeded, failed);
    expect(no.status).toBe(404);
    standIn.assertNoContractViolations();
  });

  it('creates, closes as not planned, reopens and filters by since, with html_url and timestamps from the clock', async () => {
    const created = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 'A',
      body: 'b',
      labels: ['postmortem'],
    });
    expect(created.data).toMatchObject({
      number: 1,
      html_url: 'https://github.com/acme/web/issues/1',
      url: 'https://api.github.com/repos/acme/web/issues/1',
      state: 'open',
      state_reason: null,
      created_at: '2026-03-02T09:00:00Z',
      user: { login: 'postmortem-tracker[bot]' },
      labels: [{ name: 'postmortem', color: 'ededed' }],
    });
    clock = new Date('2026-03-05T09:00:00Z');
    const closed = await octokit.rest.issues.update({
      owner: 'acme',
      repo: 'web',
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.data).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      closed_at: '2026-03-05T09:00:00Z',
    });
    const reopened = await octokit.rest.issues.update({
      owner: 'acme',
      repo: 'web',
      issue_number: 1,
      state: 'open',
    });
    expect(reopened.data).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
    });
    standIn.addIssue('acme', 'web', { title: 'old', updated_at: '2026-01-01T00:00:00Z' });
    const since = await octokit.rest.issues.listForRepo({
      owner: 'acme',
      repo: 'web',
      state: 'all',
      since: '2026-03-01T00:00:00Z',
    });
    expect(since.data.map((i) => i.title)).toEqual(['A']);
  });

  it('lists pull requests among issues with a pull_request key, as GitHub does', async () => {
    standIn.addIssue('acme', 'web', { title: 'issue' });
    standIn.addPull('acme', 'web', { title: 'pr', files: { 'postmortems/a.md': '# A\n' } });
    const { data } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'web' });
    expect(data.map((i) => [i.title, 'pull_request' in i && i.pull_request !== undefined])).toEqual(
      [
        ['pr', true],
        ['issue', false],
      ],
    );
  });

  it('refuses to create a label twice (422 already_exists), case-insensitively', async () => {
    await octokit.rest.issues.createLabel({
      owner: 'acme',
      repo: 'web',
      name: 'SEV1',
      color: 'b60205',
      description: 'severity',
    });
    const again = await octokit.rest.issues
      .createLabel({ owner: 'acme', repo: 'web', name: 'sev1', color: 'b60205' })
      .then(succeeded, failed);
    expect(again.status).toBe(422);
    expect(again.response?.data).toMatchObject({
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    });
    standIn.addIssues('acme', 'web', 0);
    for (let i = 0; i < 120; i++) standIn.addLabel('acme', 'web', { name: `l${i}` });
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
      owner: 'acme',
      repo: 'web',
      per_page: 100,
    });
    expect(labels).toHaveLength(121);
  });

  it('creates, lists (paginated) and updates issue comments', async () => {
    const issue = standIn.addIssue('acme', 'web');
    for (let i = 0; i < 105; i++) standIn.addComment('acme', 'web', issue.number, `c${i}`);
    const made = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'web',
      issue_number: issue.number,
      body: 'closing: removed',
    });
    expect(made.status).toBe(201);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'web',
      issue_number: issue.number,
      per_page: 100,
    });
    expect(all).toHaveLength(106);
    const edited = await octokit.rest.issues.updateComment({
      owner: 'acme',
      repo: 'web',
      comment_id: made.data.id,
      body: 'edited',
    });
    expect(edited.data.body).toBe('edited');
    expect(
      (await octokit.rest.issues.get({ owner: 'acme', repo: 'web', issue_number: issue.number }))
        .data.comments,
    ).toBe(106);
  });

  it('refuses an issue or comment body over 65,536 characters and a title over 256, as GitHub does', async () => {
    const long = 'x'.repeat(65_537);
    const body = await octokit.rest.issues
      .create({ owner: 'acme', repo: 'web', title: 't', body: long })
      .then(succeeded, failed);
    expect(body.status).toBe(422);
    expect(body.response?.data).toMatchObject({
      errors: [
        {
          field: 'body',
          code: 'custom',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    });
    const title = await octokit.rest.issues
      .create({ owner: 'acme', repo: 'web', title: 't'.repeat(257) })
      .then(succeeded, failed);
    expect(title.status).toBe(422);
    const ok = await octokit.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 't',
      body: 'x'.repeat(65_536),
    });
    const comment = await octokit.rest.issues
      .createComment({ owner: 'acme', repo: 'web', issue_number: ok.data.number, body: long })
      .then(succeeded, failed);
    expect(comment.status).toBe(422);
    expect(standIn.repo('acme', 'web').issues.size).toBe(1);
  });

  it('answers 404 for an issue that does not exist without recording a contract violation', async () => {
    const error = await octokit.rest.issues
      .get({ owner: 'acme', repo: 'web', issue_number: 99 })
      .then(succeeded, failed);
    expect(error.status).toBe(404);
    expect(standIn.contractViolations).toEqual([]);
  });
});
