import type { Context } from 'probot';
import { runPullRequestCheck } from '../run-pull-request-check.js';

/** Pull-request actions that (re)run the check. */
export const PULL_REQUEST_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review',
] as const;

/** Runs the `postmortem-tracker` check (see {@link runPullRequestCheck}) on a pull request's head commit. */
export async function checkPullRequest(context: Context<'pull_request'>): Promise<void> {
  const pr = context.payload.pull_request;
  await runPullRequestCheck(
    { octokit: context.octokit, repo: context.repo(), log: context.log },
    { number: pr.number, headSha: pr.head.sha },
  );
}
