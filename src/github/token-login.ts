import type { GitHubClient } from '../core/ports/index.js';

/**
 * The login a token acts as, which is who opens the issues sync writes: `GET /user` for a user's
 * token, else GraphQL's `viewer` for a token refused `/user` — a GitHub App installation token,
 * the Actions `GITHUB_TOKEN` included, whose bot REST names with a `[bot]` suffix that GraphQL may
 * leave off. Null when GitHub says neither (a refused token, an unreachable host): sync then
 * writes nothing.
 */
export async function tokenLogin(
  client: Pick<GitHubClient, 'request' | 'graphql'>,
): Promise<string | null> {
  try {
    const { data } = await client.request('GET /user');
    const login = (data as { login?: unknown }).login;
    if (typeof login === 'string' && login !== '') return login;
  } catch {
    // An installation token may not read /user (403): ask GraphQL below.
  }
  try {
    const { viewer } = await client.graphql<{ viewer: { login?: unknown } }>(
      'query { viewer { login } }',
    );
    const login = viewer.login;
    if (typeof login !== 'string' || login === '') return null;
    // Only an installation's bot is refused /user yet answered here.
    return login.endsWith('[bot]') ? login : `${login}[bot]`;
  } catch {
    return null;
  }
}
