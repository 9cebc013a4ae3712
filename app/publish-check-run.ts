import type { ProbotOctokit } from 'probot';
import { ANNOTATIONS_PER_REQUEST, type CheckAnnotation } from './check-annotations.js';
import type { CheckConclusion } from '../src/core/check/index.js';
import type { RepoRef } from '../src/core/ports/index.js';

/** Name of the app's check run. */
export const CHECK_RUN_NAME = 'postmortem-tracker';

/** A completed check run to publish. */
export interface CheckRunInput {
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/**
 * Creates the check run with the first 50 annotations and adds the rest with one update per 50,
 * as GitHub requires; the run stays `in_progress` until the last batch lands, so a failure part
 * way never shows a green run. Returns the check run id and the number of requests made.
 */
export async function publishCheckRun(
  octokit: ProbotOctokit,
  repo: RepoRef,
  input: CheckRunInput,
): Promise<{ id: number; requests: number }> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const output = (annotations: CheckAnnotation[]) => ({
    title: input.title,
    summary: input.summary,
    annotations,
  });
  const done = rest.length === 0;
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: input.headSha,
    ...(done ? { status: 'completed', conclusion: input.conclusion } : { status: 'in_progress' }),
    output: output(first),
  });
  for (const [i, annotations] of rest.entries()) {
    const last = i === rest.length - 1;
    await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: data.id,
      ...(last ? { status: 'completed', conclusion: input.conclusion } : {}),
      output: output(annotations),
    });
  }
  return { id: Number(data.id), requests: 1 + rest.length };
}
