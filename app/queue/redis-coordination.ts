import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Coordination } from './coordination.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** Coordination shared by every replica through Redis (`SET NX PX` locks with a token). */
export function createRedisCoordination(redis: Redis, prefix = 'postmortem-tracker'): Coordination {
  const k = (kind: string, key: string) => `${prefix}:${kind}:${key}`;
  return {
    async acquire(key, ttlMs) {
      const token = randomUUID();
      const name = k('lock', key);
      const ok = await redis.set(name, token, 'PX', ttlMs, 'NX');
      if (ok !== 'OK') return null;
      return {
        async renew() {
          return Number(await redis.eval(RENEW, 1, name, token, String(ttlMs))) === 1;
        },
        async release() {
          await redis.eval(RELEASE, 1, name, token);
        },
      };
    },
    async bump(key) {
      return redis.incr(k('generation', key));
    },
    async generation(key) {
      return Number((await redis.get(k('generation', key))) ?? 0);
    },
    async seen(deliveryId, ttlMs) {
      const ok = await redis.set(k('delivery', deliveryId), '1', 'PX', ttlMs, 'NX');
      return ok !== 'OK';
    },
  };
}
