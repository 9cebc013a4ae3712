import {
  createMemoryBudgetStore,
  createRedisBudgetStore,
  GITHUB_WRITE_LIMITS,
} from './queue/budget-store.js';
import { createBullmqQueue } from './queue/bullmq-queue.js';
import { createRedisCoordination } from './queue/redis-coordination.js';
import { createWriteBudget } from './queue/write-budget.js';
import type { CreateAppOptions } from './create-app.js';

type Env = Record<string, string | undefined>;

/** The environment variable was set to something unusable, or a required one is missing. */
export class AppEnvError extends Error {
  override name = 'AppEnvError';
}

/**
 * The app's options from the environment: with `REDIS_URL`, the BullMQ queue, locks, delivery
 * ids and write budget shared by every replica through Redis; without it, everything in this
 * process. Refuses to run in production without a webhook secret (Probot would fall back to the
 * publicly known `development`).
 */
export function appOptionsFromEnv(env: Env): CreateAppOptions {
  if (env['NODE_ENV'] === 'production' && !env['WEBHOOK_SECRET'])
    throw new AppEnvError(
      'WEBHOOK_SECRET is empty: in production the app refuses to start without a webhook secret (Probot would accept deliveries signed with "development"). Set WEBHOOK_SECRET to the secret of the GitHub App.',
    );
  const options: CreateAppOptions = {
    scheduler: env['POSTMORTEM_TRACKER_SCHEDULER'] !== 'off',
    worker: env['POSTMORTEM_TRACKER_WORKER'] !== 'off',
    serverUrl: env['GHE_HOST']
      ? `${env['GHE_PROTOCOL'] ?? 'https'}://${env['GHE_HOST']}`
      : 'https://github.com',
  };
  if (env['POSTMORTEM_TRACKER_CRON']) options.cron = env['POSTMORTEM_TRACKER_CRON'];
  if (env['POSTMORTEM_TRACKER_RECONCILE_CRON'])
    options.reconcileCron = env['POSTMORTEM_TRACKER_RECONCILE_CRON'];
  const limits = {
    perMinute: positive(env, 'POSTMORTEM_TRACKER_WRITES_PER_MINUTE', GITHUB_WRITE_LIMITS.perMinute),
    perHour: positive(env, 'POSTMORTEM_TRACKER_WRITES_PER_HOUR', GITHUB_WRITE_LIMITS.perHour),
  };
  const concurrency = positive(env, 'POSTMORTEM_TRACKER_CONCURRENCY', 4);
  options.metricsLogIntervalMs =
    positive(env, 'POSTMORTEM_TRACKER_METRICS_LOG_SECONDS', 60, true) * 1000;
  const url = env['REDIS_URL'];
  if (url) {
    const queue = createBullmqQueue({
      url,
      concurrency,
      ...(env['POSTMORTEM_TRACKER_LOCK_MS']
        ? {
            lockDurationMs: positive(env, 'POSTMORTEM_TRACKER_LOCK_MS', 30_000),
            stalledIntervalMs: positive(env, 'POSTMORTEM_TRACKER_LOCK_MS', 30_000),
          }
        : {}),
    });
    options.queue = queue;
    options.coordination = createRedisCoordination(queue.connection);
    options.budget = createWriteBudget({
      store: createRedisBudgetStore(queue.connection),
      limits,
    });
    if (env['POSTMORTEM_TRACKER_LOCK_MS'])
      options.lockTtlMs = positive(env, 'POSTMORTEM_TRACKER_LOCK_MS', 30_000);
  } else {
    options.budget = createWriteBudget({
      store: createMemoryBudgetStore(),
      limits,
    });
  }
  return options;
}

function positive(env: Env, name: string, fallback: number, zeroOk = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zeroOk ? 0 : 1))
    throw new AppEnvError(
      `${name}=${JSON.stringify(raw)}: expected a whole number${zeroOk ? '' : ' above 0'}`,
    );
  return value;
}
