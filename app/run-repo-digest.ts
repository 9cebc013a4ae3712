import type { ProbotOctokit } from 'probot';
import type { Config } from '../src/core/config/index.js';
import { runDigest } from '../src/core/digest/index.js';
import { createOctokitDiscussions } from '../src/github/octokit-discussions.js';
import { OctokitPort } from '../src/github/octokit-port.js';
import { createOctokitRepoFiles } from '../src/github/octokit-repo-files.js';
import type { RepoRef } from '../src/core/ports/index.js';
import { defaultBranchHead } from './default-branch-head.js';
import { readPostmortemFiles } from './read-postmortem-files.js';

/** What posting one repository's digest did. */
export type RepoDigestResult = 'posted' | 'already-posted';

/** Posts one repository's digest for the week, checking the week's marker first. */
export type RepoDigestRunner = (
  octokit: ProbotOctokit,
  repo: RepoRef,
  config: Config,
  now: Date,
  /** The app's bot login: the digest trusts markers only in its own issues and comments. */
  appLogin: () => Promise<string | null>,
) => Promise<RepoDigestResult>;

/**
 * Posts one repository's weekly digest with the core's `runDigest`: post-mortems read from the
 * default branch through the API, tracked issues and the digest's home through the ports. The
 * core publishes idempotently (the week's marker is looked up first), so a second run in the
 * same week updates that week's digest instead of posting another.
 */
export const runRepoDigest: RepoDigestRunner = async (octokit, repo, config, now, appLogin) => {
  const head = await defaultBranchHead(octokit, repo);
  const { postmortems } = await readPostmortemFiles(
    createOctokitRepoFiles(octokit, repo),
    head.sha,
    config,
  );
  const result = await runDigest({
    config,
    now,
    postmortems,
    github: {
      issues: new OctokitPort(octokit, repo),
      discussions: createOctokitDiscussions(octokit, repo),
      toolLogin: appLogin,
    },
  });
  return result.publication?.outcome === 'created' ? 'posted' : 'already-posted';
};
