import type { Context } from 'probot';
import type { PushJob } from '../queue/queue-job.js';

/** GitHub lists at most this many commits in a push payload; beyond it the file lists are incomplete. */
const PUSH_COMMIT_LIMIT = 2048;

/**
 * The push job of a push to the default branch (null for other branches and deletions). The job
 * reads the configuration and enqueues a sync when the push touched a post-mortem or the
 * configuration; the webhook itself makes no request.
 */
export function pushJob(context: Context<'push'>): PushJob | null {
  const { payload } = context;
  if (payload.deleted || payload.ref !== `refs/heads/${payload.repository.default_branch}`)
    return null;
  const repo = context.repo();
  return {
    kind: 'push',
    installationId: payload.installation?.id ?? 0,
    ...repo,
    sha: payload.after,
    paths: touchedPaths(payload),
    serverUrl: new URL(payload.repository.html_url).origin,
  };
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
