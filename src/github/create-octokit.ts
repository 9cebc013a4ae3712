import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { concurrencyGroup } from './concurrency-group.js';
import { createWritePacer, unpacedGroup, type PacerClock } from './write-pacer.js';

/** Where Octokit logs retries and rate limits. */
export interface OctokitLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Options of {@link createOctokit}. */
export interface CreateOctokitOptions {
  /** REST base URL, `https://api.github.com` or a GHES `/api/v3` URL. */
  baseUrl: string;
  token: string | null;
  /** A fetch implementation (tests pass the stand-in's). */
  fetch?: typeof globalThis.fetch;
  logger?: OctokitLogger;
  /** Minimum milliseconds between write requests (default 1000; tests use 0); a function is asked at each write. */
  writeIntervalMs?: number | (() => number);
  /** The clock write pacing waits by (default real time; tests pass a fake one). */
  pacerClock?: PacerClock;
  /** Retries of a 5xx or rate-limited request (default 3). */
  retries?: number;
  /** Milliseconds per `retry-after` second and per backoff step (default 1000; tests shrink it). */
  retryUnitMs?: number;
  /** Longest primary rate-limit wait worth retrying, in seconds (default 60). */
  maxRateLimitWaitSeconds?: number;
  userAgent?: string;
}

const PacedOctokit = Octokit.plugin(retry, throttling);

/** The Octokit type {@link createOctokit} returns. */
export type PacedOctokit = InstanceType<typeof PacedOctokit>;

/**
 * Builds the Octokit every host uses: retries 5xx with backoff, honours `retry-after` on secondary
 * rate limits and waits out short primary limits (a bounded number of times), and paces writes.
 */
export function createOctokit(options: CreateOctokitOptions): PacedOctokit {
  const retries = options.retries ?? 3;
  const unit = options.retryUnitMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const log = options.logger ?? {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  const request: Record<string, unknown> = {};
  if (options.fetch) request['fetch'] = options.fetch;
  return new PacedOctokit({
    baseUrl: options.baseUrl.replace(/(?<!\/)\/+$/, ''),
    ...(options.token ? { auth: options.token } : {}),
    userAgent: options.userAgent ?? 'postmortem-tracker',
    log,
    request,
    retry: { retries, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      // Plugin internals accept any object with Bottleneck's `key(id).schedule(options, job)` shape.
      write: createWritePacer(options.writeIntervalMs ?? 1000, options.pacerClock) as never,
      notifications: unpacedGroup as never,
      // Not in the plugin's types, but read like `write`: the group every request goes through.
      ...({ global: concurrencyGroup(10) } as object),
      onSecondaryRateLimit: (
        retryAfter: number,
        opts: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        log.warn(
          `secondary rate limit on ${opts.method} ${opts.url}; retry ${retryCount + 1}/${retries} after ${retryAfter}s`,
        );
        return retryCount < retries;
      },
      onRateLimit: (
        retryAfter: number,
        opts: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        const retrying = retryCount < retries && retryAfter <= maxWait;
        log.warn(
          `rate limit exhausted on ${opts.method} ${opts.url}; ${retrying ? `retrying after ${retryAfter}s` : 'giving up'}`,
        );
        return retrying;
      },
    },
  });
}
