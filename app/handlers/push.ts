import type { Context } from 'probot';
import { CONFIG_PATH, loadRepoConfig } from '../load-repo-config.js';
import { postmortemPaths } from '../postmortem-paths.js';
import type { AppDependencies } from '../app-dependencies.js';
import { runRepoSync } from '../run-repo-sync.js';

/** GitHub lists at most this many commits in a push payload; beyond it the file lists are incomplete. */
const PUSH_COMMIT_LIMIT = 2048;

/**
 * Syncs a repository's action items with its issues after a push to the default branch that
 * touches a post-mortem or the configuration. Other pushes cost one configuration read.
 */
export async function syncOnPush(context: Context<'push'>, deps: AppDependencies): Promise<void> {
  const { payload } = context;
  if (payload.deleted || payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
  const repo = context.repo();
  const touched = touchedPaths(payload);
  const loaded = await loadRepoConfig(context.octokit, repo);
  if (loaded.status === 'not-opted-in') return;
  if (loaded.status === 'invalid') {
    context.log.warn(
      `${repo.owner}/${repo.repo}: ${CONFIG_PATH} has errors; not syncing until they are fixed`,
    );
    return;
  }
  const filter = postmortemPaths(loaded.config);
  if (touched !== null && !touched.some((path) => path === CONFIG_PATH || filter.matches(path)))
    return;
  await runRepoSync(context.octokit, repo, {
    sha: payload.after,
    config: loaded.config,
    serverUrl: new URL(payload.repository.html_url).origin,
    now: deps.now(),
    log: context.log,
    appLogin: deps.appLogin,
  });
}

/** Paths the push added, changed or removed; null when the payload cannot tell (force-push, huge push). */
function touchedPaths(payload: Context<'push'>['payload']): string[] | null {
  if (
    payload.forced ||
    payload.created ||
    payload.commits.length === 0 ||
    payload.commits.length >= PUSH_COMMIT_LIMIT
  )
    return null;
  const paths = new Set<string>();
  for (const commit of payload.commits) {
    for (const path of [
      ...(commit.added ?? []),
      ...(commit.modified ?? []),
      ...(commit.removed ?? []),
    ])
      paths.add(path);
  }
  return [...paths];
}
