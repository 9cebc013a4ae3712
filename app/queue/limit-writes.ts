import type { ProbotOctokit } from 'probot';
import { BudgetExhaustedError, type WriteBudget } from './write-budget.js';

interface RequestOptions {
  method?: string;
  url?: string;
  query?: unknown;
  [key: string]: unknown;
}

/** A content-creating request: any REST write but minting a token, and any GraphQL mutation. */
export function isContentWrite(options: RequestOptions): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  const url = options.url ?? '';
  if (method === 'GET' || method === 'HEAD') return false;
  if (/\/access_tokens$/.test(url)) return false;
  if (/\/graphql$/.test(url)) {
    const query = typeof options.query === 'string' ? options.query : '';
    return /^\s*mutation\b/.test(query);
  }
  return true;
}

/**
 * Makes every content-creating request of `octokit` take a slot from the installation's write
 * budget as it is sent (failing at once with the time it may go when that is far off), and records what GitHub answers about limits (`retry-after` on a secondary limit,
 * `x-ratelimit-reset` when the primary quota is spent) so that no process writes before then.
 */
export function limitWrites(
  octokit: ProbotOctokit,
  budget: WriteBudget,
  installationId: number,
): ProbotOctokit {
  octokit.hook.wrap('request', async (request, options) => {
    const opts = options as unknown as RequestOptions & { request?: Record<string, unknown> };
    if (isContentWrite(opts)) {
      // Fail fast, before any retry or pacing plugin queues the request, when the wait is long.
      const { waitMs } = await budget.status(installationId);
      if (waitMs > budget.maxWaitMs)
        throw new BudgetExhaustedError(installationId, budget.clock.now() + waitMs);
      // Take the slot when the request is really sent: Octokit's own write pacing may hold it first.
      const inner = (opts.request?.['fetch'] as typeof fetch | undefined) ?? globalThis.fetch;
      opts.request = {
        ...opts.request,
        fetch: async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
          await budget.acquire(installationId);
          return inner(input, init);
        },
      };
    }
    try {
      return await request(options);
    } catch (error) {
      const until = rateLimitedUntil(error, budget.clock.now());
      if (until !== null) await budget.block(installationId, until);
      throw error;
    }
  });
  return octokit;
}

/** When GitHub says writes may resume, from a 403/429 answer; null for other errors. */
export function rateLimitedUntil(error: unknown, now: number): number | null {
  const e = error as {
    status?: number;
    response?: { headers?: Record<string, string | undefined> };
  };
  if (e?.status !== 403 && e?.status !== 429) return null;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter))
    return now + retryAfter * 1000;
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset)) return Math.max(now, reset * 1000);
  }
  return null;
}
