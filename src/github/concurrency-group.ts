import type { WritePacer } from './write-pacer.js';

/**
 * A group that runs at most `max` jobs at once, on promises alone (replaces the plugin's global
 * Bottleneck group of 10: same bound, but without its chain of zero-delay timers, which held a
 * run's first request back until the CPU work queued behind it was done).
 */
export function concurrencyGroup(max: number): WritePacer {
  let running = 0;
  const waiting: Array<() => void> = [];
  const limiter = {
    async schedule<T>(
      _options: unknown,
      job: (...args: unknown[]) => Promise<T> | T,
      ...args: unknown[]
    ): Promise<T> {
      // A finishing job hands its slot to the next one waiting, so the bound holds exactly.
      if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await job(...args);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
  return { key: () => limiter };
}
