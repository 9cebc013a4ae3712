import { describe, expect, it } from 'vitest';
import { ProbotOctokit } from 'probot';
import { createOctokitRepoFiles } from '../../../src/github/octokit-repo-files.js';
import type { RepoFilesPort } from '../../../src/core/ports/repo-files.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';

assertContractsAfterEach();

/** The repo-files port of acme/payments, through a Probot Octokit talking to the stand-in. */
function repoFiles(standIn: GitHubStandIn): RepoFilesPort {
  const Octokit = ProbotOctokit.defaults({
    request: { fetch: standIn.fetch },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
  return createOctokitRepoFiles(new Octokit({ auth: { token: 't' } }), {
    owner: 'acme',
    repo: 'payments',
  });
}

describe('reading many files through the API', () => {
  it('reads 200 files with one tree listing and one GraphQL query per 50, byte for byte', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++)
      files[`postmortems/${i % 4}/pm-${i}.md`] =
        `# Incident ${i}\n\nÜmlaut — “quotes” ${'x'.repeat(i)}\n`;
    files['src/index.ts'] = 'export {};\n';
    standIn.addRepo({ owner: 'acme', repo: 'payments', files });
    const sha = standIn.commitFiles('acme', 'payments', {
      'postmortems/extra "quoted" name.md': 'odd path\n',
    });
    const port = repoFiles(standIn);

    const listing = await port.listFiles(sha);
    const paths = listing.map((f) => f.path).filter((p) => p.startsWith('postmortems/'));
    const texts = await port.readFiles(sha, paths);

    expect(paths).toHaveLength(201);
    const atCommit = standIn.files('acme', 'payments', sha);
    expect(Object.fromEntries(texts)).toEqual(
      Object.fromEntries(paths.map((p) => [p, atCommit[p]])),
    );
    expect(standIn.requests.count({ route: '/repos/{owner}/{repo}/git/trees/{tree_sha}' })).toBe(1);
    expect(standIn.requests.count({ kind: 'graphql' })).toBe(Math.ceil(201 / 50));
    expect(standIn.requests.all).toHaveLength(1 + Math.ceil(201 / 50));
    standIn.assertNoContractViolations();
  });

  it('leaves out paths that do not exist at the commit', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({ owner: 'acme', repo: 'payments', files: { 'postmortems/a.md': 'A\n' } });
    const port = repoFiles(standIn);

    const texts = await port.readFiles('main', ['postmortems/a.md', 'postmortems/gone.md']);

    expect([...texts]).toEqual([['postmortems/a.md', 'A\n']]);
  });
});
