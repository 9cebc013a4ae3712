import type { Context, ProbotOctokit } from 'probot';
import type { RepoRef } from '../src/core/github/port.js';
import { loadConfig } from '../src/core/config/load-config.js';
import { createOctokitRepoFiles } from '../src/core/github/octokit-repo-files.js';
import { OctokitPort } from '../src/core/github/octokit-port.js';
import { checkPostmortems } from '../src/core/check/check-postmortems.js';
import { sortDiagnostics } from '../src/core/lint/index.js';
import type { Diagnostic } from '../src/core/model/index.js';
import { checkAnnotations } from './check-annotations.js';
import { checkConclusion } from '../src/core/check/check-conclusion.js';
import { CONFIG_PATH, loadRepoConfig } from './load-repo-config.js';
import { postmortemPaths } from './postmortem-paths.js';
import { publishCheckRun } from './publish-check-run.js';
import { renderCheckSummary, renderCheckTitle, type CheckReport } from './render-check-summary.js';

/** The pull request to check, and the commit its check run goes on. */
export interface PullRequestHead {
  number: number;
  headSha: string;
}

/** What the check needs from a webhook context, whichever event started it. */
export interface PullRequestCheckContext {
  octokit: ProbotOctokit;
  repo: RepoRef;
  log: Context['log'];
}

/**
 * Lints the post-mortems a pull request adds or changes and reports them as a new
 * `postmortem-tracker` check run on `pr.headSha`. The configuration comes from the default
 * branch (a pull request cannot loosen its own checks); a changed configuration file is
 * validated too. Pull requests that touch neither get no check run.
 */
export async function runPullRequestCheck(
  context: PullRequestCheckContext,
  pr: PullRequestHead,
): Promise<void> {
  const { repo } = context;
  const loaded = await loadRepoConfig(context.octokit, repo);
  if (loaded.status === 'not-opted-in') {
    context.log.debug(`${repo.owner}/${repo.repo} has no ${CONFIG_PATH}: no check`);
    return;
  }
  const config = loaded.config;
  const filter = postmortemPaths(config);
  const changed = await context.octokit.paginate(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    {
      ...repo,
      pull_number: pr.number,
      per_page: 100,
    },
  );
  const present = changed.filter((file) => file.status !== 'removed').map((file) => file.filename);
  const postmortems = present.filter((path) => filter.matches(path)).sort();
  const configChanged = present.includes(CONFIG_PATH);
  if (postmortems.length === 0 && !configChanged) return;

  const texts = await createOctokitRepoFiles(context.octokit, repo).readFiles(pr.headSha, [
    ...postmortems,
    ...(configChanged ? [CONFIG_PATH] : []),
  ]);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (configChanged) {
    // The proposed configuration takes effect once merged; report its problems now, on its lines.
    diagnostics.push(...loadConfig(texts.get(CONFIG_PATH) ?? null, CONFIG_PATH).diagnostics);
  }
  const readable = postmortems.flatMap((path) => {
    const text = texts.get(path);
    return text === undefined ? [] : [{ path, text }];
  });
  const checked = await checkPostmortems(
    readable,
    config,
    new OctokitPort(context.octokit, repo),
    `${repo.owner}/${repo.repo}`,
  );
  diagnostics.push(...checked.diagnostics);
  const notes = checked.notes;
  sortDiagnostics(diagnostics);
  const report: CheckReport = {
    conclusion: checkConclusion(diagnostics, config.check.failOn),
    files: postmortems,
    diagnostics,
    notes,
    configSource: loaded.source,
  };
  const run = await publishCheckRun(context.octokit, repo, {
    headSha: pr.headSha,
    conclusion: report.conclusion,
    title: renderCheckTitle(report),
    summary: renderCheckSummary(report),
    annotations: checkAnnotations(diagnostics),
  });
  context.log.info(
    `check run ${run.id} on ${repo.owner}/${repo.repo}#${pr.number}: ${report.conclusion}, ${diagnostics.length} finding(s)`,
  );
}
