/**
 * A minimal stand-in for the Bottleneck group @octokit/plugin-throttling paces writes with: at most
 * one job starts per `intervalMs`, one at a time. Passing it as the plugin's `write` group lets the
 * interval be configured (tests use 0) without depending on Bottleneck directly.
 */
export interface WritePacer {
  key(id?: string): {
    schedule<T>(
      options: unknown,
      job: (...args: unknown[]) => Promise<T> | T,
      ...args: unknown[]
    ): Promise<T>;
  };
}

/** The pacer's clock: real time by default; tests pass a fake one that `sleep` advances. */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Creates a pacer that spaces job starts at least `intervalMs` apart (0: no spacing); a function
 * is asked at each write (a host that learns the interval after making its client).
 */
export function createWritePacer(
  intervalMs: number | (() => number),
  clock: PacerClock = realClock,
): WritePacer {
  const interval = typeof intervalMs === 'function' ? intervalMs : () => intervalMs;
  let tail: Promise<unknown> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;
  const limiter = {
    schedule<T>(
      _options: unknown,
      job: (...args: unknown[]) => Promise<T> | T,
      ...args: unknown[]
    ): Promise<T> {
      const run = tail.then(async () => {
        const spacing = interval();
        const wait = lastStart + spacing - clock.now();
        if (spacing > 0 && wait > 0) await clock.sleep(wait);
        lastStart = clock.now();
        return job(...args);
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}

/** A group that never waits (replaces the plugin's 3-second notification pacing; writes are paced already). */
export const unpacedGroup: WritePacer = {
  key: () => ({
    schedule: async <T>(
      _options: unknown,
      job: (...args: unknown[]) => Promise<T> | T,
      ...args: unknown[]
    ): Promise<T> => job(...args),
  }),
};

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
