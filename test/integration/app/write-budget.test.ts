import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Redis as RedisClient } from 'ioredis';
import {
  createMemoryBudgetStore,
  createRedisBudgetStore,
  type BudgetStore,
} from '../../../app/queue/budget-store.js';
import { limitWrites } from '../../../app/queue/limit-writes.js';
import {
  BudgetExhaustedError,
  createWriteBudget,
  type BudgetClock,
} from '../../../app/queue/write-budget.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { standInOctokit } from './harness.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-server.js';

const START = Date.parse('2026-03-02T09:00:00Z');

function fakeClock(): BudgetClock & { t: number } {
  const clock = {
    t: START,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** The most writes in any window of `ms` ending at a write. */
function peak(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= ms) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/** A store that records the time of every write it grants. */
function recording(store: BudgetStore, granted: number[]): BudgetStore {
  return {
    ...store,
    async reserve(key, now, limits) {
      const status = await store.reserve(key, now, limits);
      if (status.waitMs === 0) granted.push(now);
      return status;
    },
  };
}

let redis: TestRedis | null = null;
let client: Redis | null = null;
beforeAll(async () => {
  if (!redisAvailable) return;
  redis = await startRedis();
  client = new RedisClient(redis.url);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const stores: Array<[string, () => BudgetStore]> = [
  ['in memory', () => createMemoryBudgetStore()],
  ['in Redis', () => createRedisBudgetStore(client!, `budget-test-${Math.random()}`)],
];

describe.each(stores)('the write budget per installation (%s, fake clock)', (name, makeStore) => {
  const skip = name === 'in Redis' && !redisAvailable;

  it.skipIf(skip)(
    'lets three processes sharing it write at most 80 a minute and 500 an hour, and no slower than that',
    async () => {
      const clock = fakeClock();
      const granted: number[] = [];
      const store = recording(makeStore(), granted);
      const limits = { perMinute: 80, perHour: 500 };
      const processes = [0, 1, 2].map(() =>
        createWriteBudget({ store, limits, clock, maxWaitMs: Number.POSITIVE_INFINITY }),
      );
      for (let i = 0; i < 1200; i++) await processes[i % 3]!.acquire(7);

      expect(granted).toHaveLength(1200);
      expect(peak(granted, 60_000)).toBe(80);
      expect(peak(granted, 3_600_000)).toBe(500);
      // 1200 writes at 500 an hour: the last goes out in the third hour, as soon as allowed.
      const hours = (granted.at(-1)! - START) / 3_600_000;
      console.info(
        `budget (${name}): 1200 writes by three users, peak ${peak(granted, 60_000)}/min and ${peak(granted, 3_600_000)}/h, last after ${hours.toFixed(3)} h`,
      );
      expect(hours).toBeGreaterThanOrEqual(2);
      expect(hours).toBeLessThan(2.2);
      // Another installation has its own budget.
      const other = await processes[0]!.status(8);
      expect(other.available).toBe(80);
    },
  );

  it.skipIf(skip)(
    'tells a job when it may continue instead of holding a worker, and reports what is left',
    async () => {
      const clock = fakeClock();
      const budget = createWriteBudget({
        store: makeStore(),
        limits: { perMinute: 80, perHour: 500 },
        clock,
        maxWaitMs: 10_000,
      });
      for (let i = 0; i < 79; i++) await budget.acquire(1);
      expect(await budget.status(1)).toEqual({ available: 1, waitMs: 0 });
      await budget.acquire(1);
      clock.t += 5_000;
      const status = await budget.status(1);
      expect(status).toEqual({ available: 0, waitMs: 55_000 });
      const error = await budget.acquire(1).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BudgetExhaustedError);
      expect((error as BudgetExhaustedError).retryAt).toBe(START + 60_000);
    },
  );

  it.skipIf(skip)(
    'honours retry-after of a secondary rate limit for every process of the installation',
    async () => {
      const clock = fakeClock();
      const gh = createGitHubStandIn({ warnOnViolation: false, now: () => new Date(clock.t) });
      gh.addRepo({ owner: 'acme', repo: 'web' });
      const store = makeStore();
      const limits = { perMinute: 80, perHour: 500 };
      const a = createWriteBudget({ store, limits, clock, maxWaitMs: 120_000 });
      const b = createWriteBudget({ store, limits, clock, maxWaitMs: 120_000 });
      const Octokit = standInOctokit(gh);
      const octokit = limitWrites(new Octokit({ auth: 'ghs_test' }), a, 3);
      gh.faults.secondaryRateLimit({ nthWrite: 1, retryAfter: 90, times: 1 });
      const first = await octokit
        .request('POST /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'web', title: 'x' })
        .then(
          () => 0,
          (e: { status: number }) => e.status,
        );
      expect(first).toBe(403);
      // The other process sees the block too and waits it out before its next write.
      expect((await b.status(3)).waitMs).toBe(90_000);
      const before = clock.t;
      await b.acquire(3);
      expect(clock.t - before).toBe(90_000);
      await octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: 'acme',
        repo: 'web',
        title: 'y',
      });
      expect(gh.repo('acme', 'web').issues.size).toBe(1);
    },
  );

  it.skipIf(skip)('honours x-ratelimit-reset when the primary quota is spent', async () => {
    const clock = fakeClock();
    const gh = createGitHubStandIn({ warnOnViolation: false, now: () => new Date(clock.t) });
    gh.addRepo({ owner: 'acme', repo: 'web' });
    const budget = createWriteBudget({
      store: makeStore(),
      limits: { perMinute: 80, perHour: 500 },
      clock,
      maxWaitMs: 10_000,
    });
    const octokit = limitWrites(new (standInOctokit(gh))({ auth: 'ghs_test' }), budget, 4);
    gh.faults.primaryRateLimit({ nth: 1, resetIn: 600 });
    await octokit
      .request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'web' })
      .catch(() => undefined);
    const status = await budget.status(4);
    expect(status.available).toBe(0);
    expect(status.waitMs).toBeGreaterThan(598_000);
    expect(status.waitMs).toBeLessThanOrEqual(600_000);
    // A write now fails fast with the time it may go, rather than waiting ten minutes in a job.
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues', {
        owner: 'acme',
        repo: 'web',
        title: 'x',
      }),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(gh.requests.writes()).toBe(0);
  });
});
