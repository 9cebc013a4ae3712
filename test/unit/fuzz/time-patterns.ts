import { Worker } from 'node:worker_threads';
import type { PatternSite } from './regex-inventory.js';

/** One adversarial line: `prefix`, then `token` repeated to the size, then `suffix`. */
export interface LineKind {
  prefix: string;
  token: string;
  suffix: string;
}

/** The slowest line found for one pattern; `ms` is Infinity when it did not finish in time. */
export interface PatternTiming {
  pattern: PatternSite;
  screenMs: number;
  fullMs: number;
  worst: LineKind | undefined;
}

/** How hard to try: every kind at `screenSize`, the `fullTop` slowest again at `fullSize`. */
export interface TimingPlan {
  screenSize: number;
  fullSize: number;
  fullTop: number;
  /** A pattern with no progress for this long is stopped and counted as not finishing. */
  stallMs: number;
}

/** Times every pattern on every kind of line in a worker, stopping patterns that hang. */
export async function timePatterns(
  patterns: readonly PatternSite[],
  kinds: readonly LineKind[],
  plan: TimingPlan,
): Promise<PatternTiming[]> {
  const results: PatternTiming[] = patterns.map((pattern) => ({
    pattern,
    screenMs: 0,
    fullMs: 0,
    worst: undefined,
  }));
  let from = 0;
  while (from < patterns.length) {
    from = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(new URL('./regex-timer.worker.mjs', import.meta.url), {
        workerData: { patterns, kinds, from, ...plan },
      });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const r = results[current];
          if (r) r.fullMs = r.screenMs = Number.POSITIVE_INFINITY;
          void worker.terminate();
          resolve(current + 1);
        }, plan.stallMs);
      };
      arm();
      worker.on('error', reject);
      worker.on(
        'message',
        (m: {
          index: number;
          phase: string;
          worst?: { i: number; ms: number };
          screen?: { i: number; ms: number };
          full?: { i: number; ms: number };
        }) => {
          if (m.phase === 'end') {
            clearTimeout(timer);
            void worker.terminate();
            resolve(patterns.length);
            return;
          }
          current = m.index;
          const r = results[m.index];
          if (r && m.worst) {
            r.screenMs = m.worst.ms;
            r.worst = kinds[m.worst.i];
            r.fullMs = Number.POSITIVE_INFINITY;
          }
          if (r && m.phase === 'done' && m.screen && m.full) {
            r.screenMs = m.screen.ms;
            r.fullMs = m.full.ms;
            r.worst = kinds[m.full.i] ?? kinds[m.screen.i];
          }
          arm();
        },
      );
    });
  }
  return results;
}
