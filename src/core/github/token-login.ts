import type { GitHubClient } from './github-client.js';

/**
 * The login of the user a token acts for (`GET /user`), which is who opens the issues sync
 * writes; null when GitHub does not say (a token of a GitHub App installation, which may not
 * read `/user`, a refused token, an unreachable host): sync then writes nothing.
 */
export async function tokenLogin(client: Pick<GitHubClient, 'request'>): Promise<string | null> {
  try {
    const { data } = await client.request('GET /user');
    const login = (data as { login?: unknown }).login;
    return typeof login === 'string' && login !== '' ? login : null;
  } catch {
    return null;
  }
}
