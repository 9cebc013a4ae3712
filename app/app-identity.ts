import type { Probot } from 'probot';

/** Who the app is on GitHub: its numeric id and its slug. */
export interface AppIdentity {
  id: number;
  slug: string;
}

/**
 * Looks the app up with `GET /app` (the app's JWT) the first time it is needed and remembers it
 * for the life of the process; null (and asked again next time) when the lookup fails.
 */
export function appIdentity(app: Pick<Probot, 'auth'>): () => Promise<AppIdentity | null> {
  let identity: AppIdentity | null = null;
  return async () => {
    if (identity !== null) return identity;
    try {
      const octokit = await app.auth();
      const { data } = await octokit.request('GET /app');
      identity = data?.slug ? { id: Number(data.id), slug: data.slug } : null;
    } catch {
      identity = null;
    }
    return identity;
  };
}
