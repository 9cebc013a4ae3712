import type { RepoRef } from '../ports/port.js';
import { encodePath } from '../text/encode-path.js';

/** The permalink to one line of a file at a commit, path segments percent-encoded. */
export function permalink(
  serverUrl: string,
  repo: RepoRef,
  sha: string,
  path: string,
  line: number,
): string {
  return `${serverUrl.replace(/(?<!\/)\/+$/, '')}/${repo.owner}/${repo.repo}/blob/${sha}/${encodePath(path)}#L${line}`;
}
