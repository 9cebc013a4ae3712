import type { BudgetLimits, BudgetStatus, BudgetStore } from './budget-store.js';

/** The clock the budget waits by: real time by default, a fake one in tests. */
export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Thrown when a write would have to wait longer than the budget allows a job to wait. */
export class BudgetExhaustedError extends Error {
  constructor(
    readonly installationId: number,
    readonly retryAt: number,
  ) {
    super(
      `write budget of installation ${installationId} spent; next write allowed at ${new Date(retryAt).toISOString()}`,
    );
    this.name = 'BudgetExhaustedError';
  }
}

/** One write budget per installation, shared by every process that uses the same store. */
export interface WriteBudget {
  readonly limits: BudgetLimits;
  /** Waits for one write slot (sleeping at most `maxWaitMs`), or throws {@link BudgetExhaustedError}. */
  acquire(installationId: number): Promise<void>;
  status(installationId: number): Promise<BudgetStatus>;
  /** No writes for the installation before `until` (epoch milliseconds). */
  block(installationId: number, until: number): Promise<void>;
  readonly clock: BudgetClock;
  /** Longest {@link WriteBudget.acquire} sleeps before it throws. */
  readonly maxWaitMs: number;
}

/** Options of {@link createWriteBudget}. */
export interface WriteBudgetOptions {
  store: BudgetStore;
  limits: BudgetLimits;
  clock?: BudgetClock;
  /** Longest a write waits inside a job for the budget (default 10 s); longer, the job continues later. */
  maxWaitMs?: number;
}

const realClock: BudgetClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A write budget over sliding one-minute and one-hour windows per installation. A write that
 * would exceed either waits for the window (briefly) or fails with the time it may go, so the
 * job can continue later instead of holding a worker.
 */
export function createWriteBudget(options: WriteBudgetOptions): WriteBudget {
  const clock = options.clock ?? realClock;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const key = (id: number) => String(id);
  return {
    limits: options.limits,
    clock,
    maxWaitMs,
    async acquire(installationId) {
      for (;;) {
        const now = clock.now();
        const { waitMs } = await options.store.reserve(key(installationId), now, options.limits);
        if (waitMs <= 0) return;
        if (waitMs > maxWaitMs) throw new BudgetExhaustedError(installationId, now + waitMs);
        await clock.sleep(waitMs);
      }
    },
    status(installationId) {
      return options.store.status(key(installationId), clock.now(), options.limits);
    },
    block(installationId, until) {
      return options.store.block(key(installationId), until, clock.now());
    },
  };
}
