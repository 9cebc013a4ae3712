import type { GitHubClient } from '../core/ports/index.js';
import { tokenLogin } from '../github/token-login.js';

/** The login that opens issues with the Actions `GITHUB_TOKEN` (and with `github.token`, the default input). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login the Action's token opens issues as, which sync and the digest match their own issues
 * and comments by: asked of GitHub (`GET /user`, else GraphQL's `viewer` for an installation
 * token, whether the workflow's `GITHUB_TOKEN` or a GitHub App's), once, only when a run needs it.
 * When GitHub says neither, a token that is not a personal access token is taken to be the
 * workflow's `GITHUB_TOKEN`; a personal access token is unknown (null), and sync writes nothing.
 */
export async function creatorLogin(
  token: string,
  client: Pick<GitHubClient, 'request' | 'graphql'>,
): Promise<string | null> {
  const login = await tokenLogin(client);
  if (login !== null) return login;
  return /^(?:ghp_|github_pat_)/.test(token) ? null : ACTIONS_BOT_LOGIN;
}
