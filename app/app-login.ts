import type { AppIdentity } from './app-identity.js';

/**
 * The login the app opens issues as (`{slug}[bot]`), for re-finding issues that lost the tool
 * label, derived from the app's (cached) identity; null while the identity cannot be looked up.
 */
export function appLogin(
  identity: () => Promise<AppIdentity | null>,
): () => Promise<string | null> {
  return async () => {
    const found = await identity();
    return found === null ? null : `${found.slug}[bot]`;
  };
}
