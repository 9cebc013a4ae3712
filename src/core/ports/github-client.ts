/**
 * The part of an Octokit instance the core's GitHub adapters use: `@octokit/rest`'s Octokit, the
 * Action's paced Octokit and Probot's `context.octokit` all fit it as they are, without a cast.
 * Each adapter asks for the members it needs (`Pick<GitHubClient, 'request' | 'graphql'>`).
 */
export interface GitHubClient {
  /** One REST request, route as `'GET /repos/{owner}/{repo}/issues'`. */
  request(route: string, parameters?: Record<string, unknown>): Promise<{ data: unknown }>;
  /** Every page of a REST listing, concatenated (Octokit's `paginate`). */
  paginate(route: string, parameters?: Record<string, unknown>): Promise<unknown[]>;
  /** One GraphQL query or mutation. */
  graphql<T>(query: string, parameters?: Record<string, unknown>): Promise<T>;
}
