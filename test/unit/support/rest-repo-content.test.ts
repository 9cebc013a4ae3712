import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { failed, succeeded } from '../../support/request-failure.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { quietLog } from '../../support/quiet-log.js';

describe('GitHub stand-in pulls, checks, contents, git and installations', () => {
  let standIn: GitHubStandIn;
  let octokit: Octokit;

  beforeEach(() => {
    standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({
      owner: 'acme',
      repo: 'web',
      files: { 'postmortems/2026-01-db.md': '# DB\n- [ ] fix\n', 'README.md': 'hello\n' },
    });
    octokit = new Octokit({ request: { fetch: standIn.fetch }, log: quietLog });
  });

  it('lists a pull request files page by page and reports added, modified and removed', async () => {
    const files: Record<string, string | null> = {
      'postmortems/2026-01-db.md': '# DB\n- [x] fix\n',
      'README.md': null,
    };
    for (let i = 0; i < 130; i++)
      files[`postmortems/new-${String(i).padStart(3, '0')}.md`] = `# ${i}\n`;
    const pr = standIn.addPull('acme', 'web', { head: 'add-postmortems', files });
    const got = await octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'web',
      pull_number: pr.number,
    });
    expect(got.data.head.ref).toBe('add-postmortems');
    expect(got.data.head.sha).toBe(pr.pull?.head.sha);
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'acme',
      repo: 'web',
      pull_number: pr.number,
      per_page: 100,
    });
    expect(listed).toHaveLength(132);
    expect(listed.find((f) => f.filename === 'README.md')?.status).toBe('removed');
    expect(listed.find((f) => f.filename === 'postmortems/2026-01-db.md')?.status).toBe('modified');
    expect(listed.filter((f) => f.status === 'added')).toHaveLength(130);
    expect(
      standIn.requests.count({ route: '/repos/{owner}/{repo}/pulls/{pull_number}/files' }),
    ).toBe(2);
  });

  it('appends check-run annotations per request and refuses more than 50 in one request', async () => {
    const annotation = (line: number) => ({
      path: 'postmortems/2026-01-db.md',
      start_line: line,
      end_line: line,
      annotation_level: 'failure' as const,
      message: `bad ${line}`,
    });
    const run = await octokit.rest.checks.create({
      owner: 'acme',
      repo: 'web',
      name: 'postmortem-lint',
      head_sha: 'abc123',
      status: 'in_progress',
      output: {
        title: 'Lint',
        summary: 'first batch',
        annotations: Array.from({ length: 50 }, (_, i) => annotation(i + 1)),
      },
    });
    await octokit.rest.checks.update({
      owner: 'acme',
      repo: 'web',
      check_run_id: run.data.id,
      conclusion: 'failure',
      output: {
        title: 'Lint',
        summary: '70 problems',
        annotations: Array.from({ length: 20 }, (_, i) => annotation(i + 51)),
      },
    });
    const tooMany = await octokit.rest.checks
      .update({
        owner: 'acme',
        repo: 'web',
        check_run_id: run.data.id,
        output: {
          title: 'x',
          summary: 'y',
          annotations: Array.from({ length: 51 }, (_, i) => annotation(i + 1)),
        },
      })
      .then(succeeded, failed);
    expect(tooMany.status).toBe(422);
    const state = standIn.repo('acme', 'web').checkRuns.get(run.data.id);
    expect(state).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      annotationBatches: [50, 20],
    });
    expect(state?.annotations).toHaveLength(70);
    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, {
      owner: 'acme',
      repo: 'web',
      check_run_id: run.data.id,
      per_page: 100,
    });
    expect(listed).toHaveLength(70);
    const forRef = await octokit.rest.checks.listForRef({
      owner: 'acme',
      repo: 'web',
      ref: 'abc123',
    });
    expect(forRef.data.check_runs[0]?.output.annotations_count).toBe(70);
  });

  it('records commit statuses and combines them', async () => {
    await octokit.rest.repos.createCommitStatus({
      owner: 'acme',
      repo: 'web',
      sha: 'abc',
      state: 'pending',
      context: 'pm',
    });
    await octokit.rest.repos.createCommitStatus({
      owner: 'acme',
      repo: 'web',
      sha: 'abc',
      state: 'success',
      context: 'pm',
    });
    const combined = await octokit.rest.repos.getCombinedStatusForRef({
      owner: 'acme',
      repo: 'web',
      ref: 'abc',
    });
    expect(combined.data).toMatchObject({ state: 'success', total_count: 1 });
  });

  it('reads files as base64 and directories as listings, writes with PUT and refuses a stale sha', async () => {
    const file = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'web',
      path: 'postmortems/2026-01-db.md',
    });
    const data = file.data as { content: string; sha: string; encoding: string; type: string };
    expect(data.type).toBe('file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('# DB\n- [ ] fix\n');
    const dir = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'web',
      path: 'postmortems',
    });
    expect(
      (dir.data as Array<{ path: string; type: string }>).map((e) => [e.path, e.type]),
    ).toEqual([['postmortems/2026-01-db.md', 'file']]);
    const root = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'web', path: '' });
    expect((root.data as Array<{ path: string }>).map((e) => e.path)).toEqual([
      'README.md',
      'postmortems',
    ]);
    const raw = await octokit.rest.repos.getContent({
      owner: 'acme',
      repo: 'web',
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    expect(raw.data).toBe('hello\n');

    const put = await octokit.rest.repos.createOrUpdateFileContents({
      owner: 'acme',
      repo: 'web',
      path: 'postmortems/2026-01-db.md',
      message: 'Tick item',
      content: Buffer.from('# DB\n- [x] fix\n').toString('base64'),
      sha: data.sha,
      branch: 'main',
    });
    expect(put.status).toBe(200);
    expect(standIn.files('acme', 'web')['postmortems/2026-01-db.md']).toBe('# DB\n- [x] fix\n');
    const stale = await octokit.rest.repos
      .createOrUpdateFileContents({
        owner: 'acme',
        repo: 'web',
        path: 'postmortems/2026-01-db.md',
        message: 'again',
        content: 'eA==',
        sha: data.sha,
      })
      .then(succeeded, failed);
    expect(stale.status).toBe(409);
    const missing = await octokit.rest.repos
      .getContent({ owner: 'acme', repo: 'web', path: 'nope.md' })
      .then(succeeded, failed);
    expect(missing.status).toBe(404);
    standIn.assertNoContractViolations();
  });

  it('serves a recursive tree and blobs, and builds a branch, commit and PR through the git API', async () => {
    const tree = await octokit.rest.git.getTree({
      owner: 'acme',
      repo: 'web',
      tree_sha: 'main',
      recursive: 'true',
    });
    expect(tree.data.tree.map((e) => `${e.type}:${e.path}`)).toEqual([
      'blob:README.md',
      'tree:postmortems',
      'blob:postmortems/2026-01-db.md',
    ]);
    const blobSha = tree.data.tree.find((e) => e.path === 'postmortems/2026-01-db.md')?.sha ?? '';
    const blob = await octokit.rest.git.getBlob({ owner: 'acme', repo: 'web', file_sha: blobSha });
    expect(Buffer.from(blob.data.content, 'base64').toString('utf8')).toBe('# DB\n- [ ] fix\n');

    const main = await octokit.rest.git.getRef({ owner: 'acme', repo: 'web', ref: 'heads/main' });
    const base = await octokit.rest.git.getCommit({
      owner: 'acme',
      repo: 'web',
      commit_sha: main.data.object.sha,
    });
    const newTree = await octokit.rest.git.createTree({
      owner: 'acme',
      repo: 'web',
      base_tree: base.data.tree.sha,
      tree: [
        {
          path: 'postmortems/2026-01-db.md',
          mode: '100644',
          type: 'blob',
          content: '# DB\n- [x] fix\n',
        },
      ],
    });
    const commit = await octokit.rest.git.createCommit({
      owner: 'acme',
      repo: 'web',
      message: 'Tick',
      tree: newTree.data.sha,
      parents: [main.data.object.sha],
    });
    await octokit.rest.git.createRef({
      owner: 'acme',
      repo: 'web',
      ref: 'refs/heads/tick-1',
      sha: commit.data.sha,
    });
    const dup = await octokit.rest.git
      .createRef({ owner: 'acme', repo: 'web', ref: 'refs/heads/tick-1', sha: commit.data.sha })
      .then(succeeded, failed);
    expect(dup.status).toBe(422);
    const pr = await octokit.rest.pulls.create({
      owner: 'acme',
      repo: 'web',
      title: 'Tick item',
      head: 'tick-1',
      base: 'main',
      body: 'closes',
    });
    expect(pr.data.html_url).toBe(`https://github.com/acme/web/pull/${pr.data.number}`);
    const files = await octokit.rest.pulls.listFiles({
      owner: 'acme',
      repo: 'web',
      pull_number: pr.data.number,
    });
    expect(files.data.map((f) => [f.filename, f.status])).toEqual([
      ['postmortems/2026-01-db.md', 'modified'],
    ]);
    expect(standIn.files('acme', 'web', 'tick-1')['README.md']).toBe('hello\n');
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'acme',
      repo: 'web',
      basehead: 'main...tick-1',
    });
    expect(compare.data).toMatchObject({ status: 'ahead', ahead_by: 1, total_commits: 1 });
    expect(compare.data.files?.map((f) => f.filename)).toEqual(['postmortems/2026-01-db.md']);
    const notFastForward = await octokit.rest.git
      .updateRef({ owner: 'acme', repo: 'web', ref: 'heads/tick-1', sha: main.data.object.sha })
      .then(succeeded, failed);
    expect(notFastForward.status).toBe(422);
    standIn.assertNoContractViolations();
  });

  it('lists installations, mints a token that scopes /installation/repositories, and finds a repo installation', async () => {
    standIn.addRepo({ owner: 'acme', repo: 'api' });
    const inst = standIn.addInstallation({ account: 'acme', repositories: ['web', 'acme/api'] });
    const installations = await octokit.rest.apps.listInstallations();
    expect(installations.data.map((i) => i.id)).toEqual([inst.id]);
    const token = await octokit.rest.apps.createInstallationAccessToken({
      installation_id: inst.id,
    });
    const asInstallation = new Octokit({
      auth: token.data.token,
      request: { fetch: standIn.fetch },
      log: quietLog,
    });
    const repos = await asInstallation.rest.apps.listReposAccessibleToInstallation();
    expect(repos.data.repositories.map((r) => r.full_name)).toEqual(['acme/web', 'acme/api']);
    const byRepo = await octokit.rest.apps.getRepoInstallation({ owner: 'acme', repo: 'api' });
    expect(byRepo.data.id).toBe(inst.id);
    expect(standIn.requests.writes()).toBe(0);
    standIn.assertNoContractViolations();
  });
});
