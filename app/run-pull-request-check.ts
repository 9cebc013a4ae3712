import type { Context, ProbotOctokit } from 'probot';
import type { IssueRecord, RepoRef } from '../src/core/ports/index.js';
import { httpStatus } from '../src/core/ports/index.js';
import type { Config } from '../src/core/config/index.js';
import { collectTrackedIssues } from '../src/core/digest/index.js';
import { loadConfig } from '../src/core/config/index.js';
import { createOctokitRepoFiles } from '../src/github/octokit-repo-files.js';
import { OctokitPort } from '../src/github/octokit-port.js';
import {
  checkPullRequest,
  renderCheckSummary,
  renderCheckTitle,
  resemblanceMessage,
} from '../src/core/check/index.js';
import { localDate } from '../src/core/digest/index.js';
import type { Diagnostic } from '../src/core/model/index.js';
import { checkAnnotations } from './check-annotations.js';
import { knownRules } from '../src/core/rule-ids/index.js';
import { CONFIG_PATH, loadRepoConfig } from './load-repo-config.js';
import { isConfigPath } from '../src/core/config/index.js';
import { postmortemPaths } from './postmortem-paths.js';
import { publishCheckRun } from './publish-check-run.js';
import { readPostmortemContents, readPostmortemFiles } from './read-postmortem-files.js';
import { lintInWorker } from '../src/io/parse-in-worker.js';

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
  /** The app's bot login, so earlier items' state can come from the issues the app opened. */
  toolLogin?: () => Promise<string | null>;
}

/**
 * Runs the shared pull-request check on the post-mortems a pull request adds or changes and
 * reports it as a new `postmortem-tracker` check run on `pr.headSha`. The configuration comes
 * from the default branch (a pull request cannot loosen its own checks); a changed configuration
 * file is validated too. Pull requests that touch neither get no check run.
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
  const postmortems = present.filter((path) => filter.matches(path));
  const configFile = present.find(isConfigPath);
  if (postmortems.length === 0 && configFile === undefined) return;

  const repoFiles = createOctokitRepoFiles(context.octokit, repo);
  const configDiagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (configFile !== undefined) {
    // The proposed configuration takes effect once merged; report its problems now, on its lines.
    const proposed = (await repoFiles.readFiles(pr.headSha, [configFile])).get(configFile);
    configDiagnostics.push(...loadConfig(proposed ?? null, configFile, { knownRules }).diagnostics);
  }
  const port = new OctokitPort(context.octokit, repo);
  const report = await checkPullRequest({
    paths: postmortems,
    // Decoded and bounded as every host reads post-mortems; parsed and linted off the event loop.
    read: (paths) => readPostmortemContents(repoFiles, pr.headSha, paths, config),
    lint: (text, path, lintConfig) => lintInWorker(text, path, lintConfig),
    config,
    configDiagnostics,
    port,
    repo: `${repo.owner}/${repo.repo}`,
    failOn: config.check.failOn,
    recurrence: {
      earlier: async () => ({
        postmortems: (await readPostmortemFiles(repoFiles, pr.headSha, config)).postmortems,
        issues: await trackedIssues(context, port, config),
      }),
      today: localDate(new Date(), config.digest.timeZone),
    },
  });
  const run = await publishCheckRun(context.octokit, repo, {
    headSha: pr.headSha,
    conclusion: report.conclusion,
    title: renderCheckTitle(report),
    summary: renderCheckSummary(report, { configSource: loaded.source }),
    annotations: [
      ...checkAnnotations(report.shown),
      ...(report.resemblances ?? [])
        .filter((r) => r.level === 'notice')
        .map((r) => ({
          path: r.file,
          start_line: r.line,
          end_line: r.line,
          annotation_level: 'notice' as const,
          title: 'Recurrence',
          message: resemblanceMessage(r),
        })),
    ],
  });
  context.log.info(
    `check run ${run.id} on ${repo.owner}/${repo.repo}#${pr.number}: ${report.conclusion}, ${report.diagnostics.length} finding(s)`,
  );
}

/**
 * The issues the app opened for tracked items, so an item closed in GitHub shows as done; null
 * (the markdown's state) when the app's login is unknown or the issues are not readable.
 */
async function trackedIssues(
  context: PullRequestCheckContext,
  port: OctokitPort,
  config: Config,
): Promise<IssueRecord[] | null> {
  const login = (await context.toolLogin?.()) ?? null;
  if (login === null) return null;
  try {
    return await collectTrackedIssues(port, config, login);
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 401 && status !== 403 && status !== 404) throw error;
    context.log.info(
      `tracked issues not readable (HTTP ${status}): earlier items' state from the markdown`,
    );
    return null;
  }
}
