import type { ProbotOctokit } from 'probot';
import type { RepoRef } from '../src/core/ports/index.js';

/** The default branch of a repository and the commit it points at. */
export interface BranchHead {
  branch: string;
  sha: string;
}

/** Resolves the default branch and its head commit (two requests). */
export async function defaultBranchHead(
  octokit: ProbotOctokit,
  repo: RepoRef,
): Promise<BranchHead> {
  const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { ...repo });
  const { data: ref } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
    ...repo,
    ref: `heads/${repository.default_branch}`,
  });
  return { branch: repository.default_branch, sha: ref.object.sha };
}
