import { UsageError } from './usage-error.js';

/**
 * Checks a base URL given by `--api-url`/`--server-url` or `GITHUB_API_URL`/`GITHUB_SERVER_URL`
 * (`what` names it), at once: it needs an http or https scheme and a host.
 */
export function parseBaseUrl(value: string, what: string, example: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host)
    throw new UsageError(`${what} is "${value}"; expected a URL with its scheme, e.g. ${example}`);
  return value.replace(/\/+$/, '');
}
