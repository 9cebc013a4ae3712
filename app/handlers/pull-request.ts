import type { Context } from 'probot';
import type { CheckJob } from '../queue/queue-job.js';

/** Pull-request actions that (re)run the check. */
export const PULL_REQUEST_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review',
] as const;

/** The check job of a pull request's head commit (see `runPullRequestCheck`). */
export function pullRequestCheckJob(context: Context<'pull_request'>): CheckJob {
  const pr = context.payload.pull_request;
  const { owner, repo } = context.repo();
  return {
    kind: 'check',
    installationId: (context.payload as { installation?: { id: number } }).installation?.id ?? 0,
    owner,
    repo,
    number: pr.number,
    headSha: pr.head.sha,
  };
}
