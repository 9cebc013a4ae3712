import type { Context } from 'probot';
import type { AppDependencies } from '../app-dependencies.js';
import { defaultBranchHead } from '../default-branch-head.js';
import { CONFIG_PATH, loadRepoConfig } from '../load-repo-config.js';
import { runRepoSync } from '../run-repo-sync.js';

type InstallationContext =
  Context<'installation.created'> | Context<'installation_repositories.added'>;

/**
 * Runs the initial sync of each repository an installation adds, once it has opted in with its
 * own `.github/postmortem-tracker.yml`; repositories without one are left untouched (not one
 * write). Repositories are processed one at a time; one failing does not stop the others.
 */
export async function syncAddedRepositories(
  context: InstallationContext,
  deps: AppDependencies,
): Promise<void> {
  const { payload } = context;
  const added =
    'repositories_added' in payload ? payload.repositories_added : (payload.repositories ?? []);
  const serverUrl = new URL(payload.installation.account?.html_url ?? 'https://github.com').origin;
  const failures: Error[] = [];
  for (const entry of added) {
    const [owner = '', name = ''] = entry.full_name.split('/');
    const repo = { owner, repo: name };
    try {
      const loaded = await loadRepoConfig(context.octokit, repo);
      if (loaded.status !== 'ok') {
        context.log.info(
          loaded.status === 'not-opted-in'
            ? `${entry.full_name}: no ${CONFIG_PATH}, nothing to do until it opts in`
            : `${entry.full_name}: ${CONFIG_PATH} has errors; not syncing`,
        );
        continue;
      }
      const head = await defaultBranchHead(context.octokit, repo);
      await runRepoSync(context.octokit, repo, {
        sha: head.sha,
        config: loaded.config,
        serverUrl,
        now: deps.now(),
        log: context.log,
        appLogin: deps.appLogin,
      });
    } catch (error) {
      context.log.error({ err: error }, `${entry.full_name}: initial sync failed`);
      failures.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `initial sync failed for ${failures.length} of ${added.length} repositories`,
    );
  }
}
