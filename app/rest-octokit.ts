import type { Octokit } from '@octokit/rest';
import type { ProbotOctokit } from 'probot';

/**
 * Probot's Octokit as the `@octokit/rest` type the core's ports are written against. At run time
 * it has everything they use (`rest.*`, `paginate`, `request`, `graphql`); only the deprecated
 * top-level endpoint aliases are missing from its type.
 */
export function restOctokit(octokit: ProbotOctokit): Octokit {
  return octokit as unknown as Octokit;
}
