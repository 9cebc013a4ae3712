import { httpStatus } from '../core/ports/index.js';
import { errorMessage } from '../core/text/index.js';

/** Where a request went, for messages that say what to do. */
export interface GitHubTarget {
  /** `owner/name`. */
  repo: string;
  apiUrl: string;
}

/**
 * One line that says what to do about a failed GitHub request: a refused token (401), a
 * repository that is missing or hidden from the token (404), a token without the permission
 * (403), or a host that cannot be reached. Null for anything else (a bug to report).
 */
export function describeGitHubError(error: unknown, target: GitHubTarget): string | null {
  const status = httpStatus(error);
  if (status === null) return null;
  const detail = errorMessage(error).split('\n')[0] ?? '';
  const answered =
    typeof error === 'object' &&
    error !== null &&
    'response' in error &&
    Boolean((error as { response?: unknown }).response);
  if (!answered && status === 500)
    return `cannot reach ${target.apiUrl} (${detail}); check --api-url or GITHUB_API_URL and the network`;
  switch (status) {
    case 401:
      return `the token was refused (HTTP 401: ${detail}); set a valid token in GITHUB_TOKEN or GH_TOKEN, or pass it with --token-stdin`;
    case 403:
      return `the token may not do this in ${target.repo} (HTTP 403: ${detail}); it needs issues: write (and metadata: read)`;
    case 404:
      return `${target.repo} not found or not visible to this token (HTTP 404); check --repo, --api-url and the token's repository access`;
    default:
      return `GitHub answered HTTP ${status} (${detail}); run again later, or check ${target.apiUrl}`;
  }
}
