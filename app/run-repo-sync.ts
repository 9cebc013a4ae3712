import type { Logger, ProbotOctokit } from 'probot';
import type { Config } from '../src/core/config/index.js';
import { OctokitPort } from '../src/github/octokit-port.js';
import { createOctokitRepoFiles } from '../src/github/octokit-repo-files.js';
import { titleSimilarity } from '../src/core/markdown/index.js';
import { syncRepository, type SyncReport } from '../src/core/sync/index.js';
import { postmortemPaths } from './postmortem-paths.js';
import { readPostmortemFiles } from './read-postmortem-files.js';
import type { RepoRef } from '../src/core/ports/index.js';

/** What one repository sync needs besides the client. */
export interface RepoSyncInput {
  /** Commit to read the post-mortems at (issue permalinks point at it). */
  sha: string;
  config: Config;
  /** `https://github.com` or the GHES URL, for permalinks. */
  serverUrl: string;
  now: Date;
  log: Logger;
  /** The login the app opens issues as, asked only when sync needs it (see `appLogin`). */
  appLogin: () => Promise<string | null>;
}

/**
 * Syncs one repository: reads its post-mortems at `sha` through the API (one tree listing, one
 * GraphQL query per 50 files), parses them, and hands them to the core's `syncRepository`, which
 * plans against the tool's issues and applies the plan through the issues port.
 */
export async function runRepoSync(
  octokit: ProbotOctokit,
  repo: RepoRef,
  input: RepoSyncInput,
): Promise<SyncReport> {
  const { config } = input;
  const { postmortems, unreadable, problems } = await readPostmortemFiles(
    createOctokitRepoFiles(octokit, repo),
    input.sha,
    config,
  );
  const filter = postmortemPaths(config);
  const skipped = new Set(unreadable);
  const report = await syncRepository(
    {
      postmortems,
      config,
      repo,
      sha: input.sha,
      serverUrl: input.serverUrl,
      now: input.now,
      // In scope and either read or gone from the commit: its missing items really were removed.
      isRemovable: (path) => filter.matches(path) && !skipped.has(path),
      similarity: titleSimilarity,
      creatorLogin: input.appLogin,
    },
    new OctokitPort(octokit, repo),
    {
      dryRun: false,
      maxWrites: config.sync.maxWrites,
      logger: {
        info: (message) => input.log.info(message),
        warning: (message) => input.log.warn(message),
      },
    },
  );
  const { counts, result } = report;
  input.log.info(
    `${repo.owner}/${repo.repo}@${input.sha.slice(0, 7)}: ${postmortems.length} post-mortem(s); created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}` +
      (result.capped
        ? `; stopped at maxWrites (${config.sync.maxWrites}), the next sync finishes the rest`
        : '') +
      (result.failure ? `; stopped by a failed write: ${result.failure.message}` : ''),
  );
  for (const problem of problems) input.log.warn(`${repo.owner}/${repo.repo}: ${problem}`);
  if (result.failure)
    throw new Error(`sync of ${repo.owner}/${repo.repo} stopped: ${result.failure.message}`);
  return report;
}
