import type { Probot } from 'probot';

/**
 * The login the app opens issues as (`{slug}[bot]`), for re-finding issues that lost the tool
 * label. Asks `GET /app` with the app's JWT the first time sync needs it, then remembers it for
 * the life of the process; null (and asked again next time) when the lookup fails.
 */
export function appLogin(app: Pick<Probot, 'auth'>): () => Promise<string | null> {
  let login: string | null = null;
  return async () => {
    if (login !== null) return login;
    try {
      const octokit = await app.auth();
      const { data } = await octokit.request('GET /app');
      login = data?.slug ? `${data.slug}[bot]` : null;
    } catch {
      login = null;
    }
    return login;
  };
}
