import type { Redis } from 'ioredis';

/** GitHub's secondary limits on content-creating requests (lower them for GHES if needed). */
export interface BudgetLimits {
  perMinute: number;
  perHour: number;
}

/** The default {@link BudgetLimits}: GitHub.com's documented 80 a minute and 500 an hour. */
export const GITHUB_WRITE_LIMITS: BudgetLimits = { perMinute: 80, perHour: 500 };

/** The budget now: writes still allowed, and milliseconds until the next is allowed when none. */
export interface BudgetStatus {
  available: number;
  waitMs: number;
}

/**
 * Where the budget's sliding windows live: in memory for one process, in Redis for the cluster.
 * `now` is passed in (not read from the store) so the budget runs on any clock, fake ones too.
 */
export interface BudgetStore {
  /** Records one write at `now` when the limits allow it (`waitMs` 0), else records nothing. */
  reserve(key: string, now: number, limits: BudgetLimits): Promise<BudgetStatus>;
  status(key: string, now: number, limits: BudgetLimits): Promise<BudgetStatus>;
  /** No writes for `key` before `until` (GitHub said so: `retry-after`, `x-ratelimit-reset`). */
  block(key: string, until: number, now: number): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A {@link BudgetStore} for one process. */
export function createMemoryBudgetStore(): BudgetStore {
  const windows = new Map<string, { writes: number[]; blockedUntil: number }>();
  const look = (key: string, now: number, limits: BudgetLimits, record: boolean) => {
    const w = windows.get(key) ?? { writes: [], blockedUntil: 0 };
    windows.set(key, w);
    w.writes = w.writes.filter((t) => t > now - HOUR);
    if (w.blockedUntil > now) return { available: 0, waitMs: w.blockedUntil - now };
    const lastMinute = w.writes.filter((t) => t > now - MINUTE);
    let waitMs = 0;
    if (w.writes.length >= limits.perHour) waitMs = w.writes[0]! + HOUR - now;
    if (lastMinute.length >= limits.perMinute)
      waitMs = Math.max(waitMs, lastMinute[0]! + MINUTE - now);
    const available = Math.max(
      0,
      Math.min(limits.perHour - w.writes.length, limits.perMinute - lastMinute.length),
    );
    if (record && waitMs === 0) w.writes.push(now);
    return { available: record && waitMs === 0 ? available - 1 : available, waitMs };
  };
  return {
    async reserve(key, now, limits) {
      return look(key, now, limits, true);
    },
    async status(key, now, limits) {
      return look(key, now, limits, false);
    },
    async block(key, until) {
      const w = windows.get(key) ?? { writes: [], blockedUntil: 0 };
      w.blockedUntil = Math.max(w.blockedUntil, until);
      windows.set(key, w);
    },
  };
}

// KEYS: writes (sorted set of times), blocked-until. ARGV: now, perMinute, perHour, record, member.
const LOOK = `
local now = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local perHour = tonumber(ARGV[3])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - ${HOUR})
local blocked = tonumber(redis.call('get', KEYS[2]) or '0')
if blocked > now then return {0, blocked - now} end
local hour = redis.call('zcard', KEYS[1])
local minute = redis.call('zcount', KEYS[1], '(' .. (now - ${MINUTE}), '+inf')
local wait = 0
if hour >= perHour then
  local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
  wait = tonumber(oldest[2]) + ${HOUR} - now
end
if minute >= perMinute then
  local first = redis.call('zrangebyscore', KEYS[1], '(' .. (now - ${MINUTE}), '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  wait = math.max(wait, tonumber(first[2]) + ${MINUTE} - now)
end
local available = math.max(0, math.min(perHour - hour, perMinute - minute))
if ARGV[4] == '1' and wait == 0 then
  redis.call('zadd', KEYS[1], now, ARGV[5])
  redis.call('pexpire', KEYS[1], ${HOUR})
  available = available - 1
end
return {available, wait}
`;

const BLOCK = `
local current = tonumber(redis.call('get', KEYS[1]) or '0')
local untilAt = tonumber(ARGV[1])
if untilAt > current then
  redis.call('set', KEYS[1], ARGV[1], 'PX', math.max(1, untilAt - tonumber(ARGV[2])))
end
return 1
`;

/** A {@link BudgetStore} in Redis: one budget per installation for every replica, checked atomically. */
export function createRedisBudgetStore(redis: Redis, prefix = 'postmortem-tracker'): BudgetStore {
  let sequence = 0;
  const keys = (key: string) => [
    `${prefix}:budget:${key}:writes`,
    `${prefix}:budget:${key}:blocked`,
  ];
  const look = async (key: string, now: number, limits: BudgetLimits, record: boolean) => {
    const member = `${now}:${process.pid}:${++sequence}:${Math.random()}`;
    const [available, waitMs] = (await redis.eval(
      LOOK,
      2,
      ...keys(key),
      String(now),
      String(limits.perMinute),
      String(limits.perHour),
      record ? '1' : '0',
      member,
    )) as [number, number];
    return { available: Number(available), waitMs: Number(waitMs) };
  };
  return {
    reserve: (key, now, limits) => look(key, now, limits, true),
    status: (key, now, limits) => look(key, now, limits, false),
    async block(key, until, now) {
      await redis.eval(BLOCK, 1, keys(key)[1]!, String(until), String(now));
    },
  };
}
