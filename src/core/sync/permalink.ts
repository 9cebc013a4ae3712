import type { RepoRef } from '../github/port.js';

/** The permalink to one line of a file at a commit, path segments percent-encoded. */
export function permalink(serverUrl: string, repo: RepoRef, sha: string, path: string, line: number): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/blob/${sha}/${encoded}#L${line}`;
}
