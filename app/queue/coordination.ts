/** A held lock; renew it while working, release it when done. */
export interface Lease {
  /** False when the lock was lost (expired and taken by another worker). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * What workers agree on besides the queue: one lock per repository, a generation counter per
 * repository (the newest enqueued sync wins), and the webhook deliveries already seen. Redis
 * shares them across the cluster; the in-memory one serves a single process.
 */
export interface Coordination {
  /** Takes the lock `key` for `ttlMs`, or returns null when someone holds it. */
  acquire(key: string, ttlMs: number): Promise<Lease | null>;
  /** Increments and returns the generation of `key`. */
  bump(key: string): Promise<number>;
  /** The current generation of `key` (0 before the first bump). */
  generation(key: string): Promise<number>;
  /** Records a delivery id; true when it was already recorded within `ttlMs`. */
  seen(deliveryId: string, ttlMs: number): Promise<boolean>;
}

/** Coordination for one process (no Redis). */
export function createMemoryCoordination(now: () => number = () => Date.now()): Coordination {
  const locks = new Map<string, { token: number; until: number }>();
  const generations = new Map<string, number>();
  const deliveries = new Map<string, number>();
  let tokens = 0;
  return {
    async acquire(key, ttlMs) {
      const held = locks.get(key);
      if (held !== undefined && held.until > now()) return null;
      const token = ++tokens;
      locks.set(key, { token, until: now() + ttlMs });
      return {
        async renew() {
          const current = locks.get(key);
          if (current?.token !== token) return false;
          current.until = now() + ttlMs;
          return true;
        },
        async release() {
          if (locks.get(key)?.token === token) locks.delete(key);
        },
      };
    },
    async bump(key) {
      const next = (generations.get(key) ?? 0) + 1;
      generations.set(key, next);
      return next;
    },
    async generation(key) {
      return generations.get(key) ?? 0;
    },
    async seen(deliveryId, ttlMs) {
      const at = now();
      for (const [id, until] of deliveries) if (until <= at) deliveries.delete(id);
      if (deliveries.has(deliveryId)) return true;
      deliveries.set(deliveryId, at + ttlMs);
      return false;
    },
  };
}
