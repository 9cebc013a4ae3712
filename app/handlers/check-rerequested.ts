import type { Context } from 'probot';
import type { AppDependencies } from '../app-dependencies.js';
import { CHECK_RUN_NAME } from '../publish-check-run.js';

type RerequestedContext = Context<'check_run.rerequested' | 'check_suite.rerequested'>;

/** What a re-run request did, for logs and tests. */
export type RerequestOutcome = 'not-ours' | 'app-unknown' | 'no-pull-request' | 'rechecked';

/** Open pull requests looked at (one page) when the payload lists none, e.g. for a fork's. */
const OPEN_PULLS_PAGE = 100;

/**
 * Re-runs the pull-request check when someone clicks "Re-run" on the app's `postmortem-tracker`
 * check run (`check_run.rerequested`) or on its check suite (`check_suite.rerequested`): a new
 * check run on the same head commit for each pull request of that commit in this repository.
 * Other apps' check runs and suites are ignored (apps with `checks: write` receive them all).
 * Pull requests from forks are not in the payload; they are found among the most recently
 * updated open pull requests (one request), otherwise the request is logged and skipped.
 * `recheck` runs (or enqueues) the check of one pull request at the head commit.
 */
export async function recheckRerequested(
  context: RerequestedContext,
  deps: Pick<AppDependencies, 'appIdentity'>,
  recheck: (pr: { number: number; headSha: string }) => Promise<void>,
): Promise<RerequestOutcome> {
  const { payload } = context;
  const target = rerequested(payload);
  const repo = context.repo();
  const where = `${repo.owner}/${repo.repo}@${target.head_sha.slice(0, 7)}`;
  if (target.name !== undefined && target.name !== CHECK_RUN_NAME) return 'not-ours';
  const identity = await deps.appIdentity();
  if (identity === null) {
    context.log.warn(`${where}: re-run requested, but GET /app failed; not re-running`);
    return 'app-unknown';
  }
  if (target.app?.id !== identity.id) return 'not-ours';

  const numbers = new Set(
    (target.pull_requests ?? [])
      .filter((pr) => pr.base.repo.id === payload.repository.id)
      .map((pr) => pr.number),
  );
  if (numbers.size === 0) {
    const { data: open } = await context.octokit.request('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      state: 'open',
      sort: 'updated',
      direction: 'desc',
      per_page: OPEN_PULLS_PAGE,
    });
    for (const pr of open) if (pr.head.sha === target.head_sha) numbers.add(pr.number);
  }
  if (numbers.size === 0) {
    context.log.info(`${where}: re-run requested, but no open pull request has this head; skipped`);
    return 'no-pull-request';
  }
  for (const number of [...numbers].sort((a, b) => a - b)) {
    await recheck({ number, headSha: target.head_sha });
  }
  return 'rechecked';
}

/** The fields both events share: the check run's (with its name) or the check suite's. */
interface Rerequested {
  name?: string;
  head_sha: string;
  app: { id: number | null } | null;
  pull_requests: Array<{ number: number; base: { repo: { id: number } } }> | null;
}

function rerequested(payload: RerequestedContext['payload']): Rerequested {
  if ('check_run' in payload) {
    const run = payload.check_run;
    return {
      name: run.name,
      head_sha: run.head_sha,
      app: run.app,
      pull_requests: run.pull_requests,
    };
  }
  const suite = payload.check_suite;
  return { head_sha: suite.head_sha, app: suite.app, pull_requests: suite.pull_requests };
}
