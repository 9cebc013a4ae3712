import type { GitHubClient } from '../core/github/github-client.js';

/** The login that opens issues with the Actions `GITHUB_TOKEN` (and with `github.token`, the default input). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login the Action's token opens issues as, for re-finding issues that lost the tool label:
 * a personal access token (`ghp_…`, `github_pat_…`) asks `GET /user` (one request, made only when
 * sync needs it); any other token is taken to be the workflow's `GITHUB_TOKEN`. Null when the
 * lookup fails, so sync goes on without the look (it never blocks a run).
 */
export async function creatorLogin(
  token: string,
  client: Pick<GitHubClient, 'request'>,
): Promise<string | null> {
  if (!/^(?:ghp_|github_pat_)/.test(token)) return ACTIONS_BOT_LOGIN;
  try {
    const { data } = await client.request('GET /user');
    const login = (data as { login?: unknown }).login;
    return typeof login === 'string' ? login : null;
  } catch {
    return null;
  }
}
