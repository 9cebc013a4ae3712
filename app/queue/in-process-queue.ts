import { Cron } from 'croner';
import { errorMessage } from '../../src/core/text/index.js';
import { jobId, type QueueJob, type WalkJob } from './queue-job.js';
import {
  DEFAULT_RETRY,
  type DeadLetter,
  type EnqueueOptions,
  type JobHandler,
  type QueueCounts,
  type RetryPolicy,
  type WorkQueue,
} from './work-queue.js';

/** Options of {@link createInProcessQueue}. */
export interface InProcessQueueOptions {
  /** Jobs run at once (default 2). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a finished digest job's id is remembered, so the week is planned once (default 8 days). */
  keepDigestIdsMs?: number;
  /** Dead letters kept (default 100). */
  keepFailed?: number;
  now?: () => number;
}

interface Entry {
  id: string;
  job: QueueJob;
  runAt: number;
  attempts: number;
  active: boolean;
}

/**
 * A queue inside this process with the same semantics as the Redis one: ids deduplicate, delays,
 * retries with doubling backoff, dead letters with the last error. Work is lost when the process
 * stops; the daily reconcile and the next push heal that.
 */
export function createInProcessQueue(options: InProcessQueueOptions = {}): WorkQueue {
  const now = options.now ?? (() => Date.now());
  const concurrency = options.concurrency ?? 2;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const keepDigestIdsMs = options.keepDigestIdsMs ?? 8 * 86_400_000;
  const keepFailed = options.keepFailed ?? 100;
  const entries = new Map<string, Entry>();
  const finished = new Map<string, number>();
  const failed: DeadLetter[] = [];
  let completed = 0;
  let running = 0;
  let handler: JobHandler | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const crons: Cron[] = [];

  function schedule(): void {
    if (handler === null || closed) return;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const at = now();
    const due = [...entries.values()].filter((e) => !e.active).sort((a, b) => a.runAt - b.runAt);
    for (const entry of due) {
      if (running >= concurrency) return;
      if (entry.runAt > at) break;
      void run(entry);
    }
    const next = due.find((e) => !e.active && e.runAt > at);
    if (next !== undefined && running < concurrency)
      timer = setTimeout(schedule, Math.min(next.runAt - at, 2 ** 31 - 1));
  }

  async function run(entry: Entry): Promise<void> {
    entry.active = true;
    running++;
    try {
      const outcome = await handler!(entry.job, entry.attempts + 1);
      if (outcome.status === 'defer') {
        entry.runAt = now() + outcome.delayMs;
      } else {
        entries.delete(entry.id);
        completed++;
        if (entry.job.kind === 'digest') finished.set(entry.id, now() + keepDigestIdsMs);
      }
    } catch (error) {
      entry.attempts++;
      if (entry.attempts < retry.attempts) {
        entry.runAt = now() + retry.backoffMs * 2 ** (entry.attempts - 1);
      } else {
        entries.delete(entry.id);
        failed.unshift({
          id: entry.id,
          job: entry.job,
          attempts: entry.attempts,
          error: errorMessage(error),
          failedAt: new Date(now()),
        });
        failed.length = Math.min(failed.length, keepFailed);
      }
    } finally {
      entry.active = false;
      running--;
      schedule();
    }
  }

  return {
    kind: 'in-process',
    async enqueue(job: QueueJob, enqueueOptions: EnqueueOptions = {}) {
      const id = jobId(job);
      const until = finished.get(id);
      if (until !== undefined && until > now()) return;
      finished.delete(id);
      if (entries.has(id)) return;
      // As on Redis: a dead letter's id blocks a new job of that id unless asked to retry it.
      const dead = failed.findIndex((letter) => letter.id === id);
      const walk = job.kind === 'plan-digests' || job.kind === 'reconcile';
      if (dead >= 0 && !walk) {
        if (!enqueueOptions.retryFailed) return;
        failed.splice(dead, 1);
      }
      entries.set(id, {
        id,
        job,
        runAt: now() + (enqueueOptions.delayMs ?? 0),
        attempts: 0,
        active: false,
      });
      schedule();
    },
    async repeat(job: WalkJob, pattern: string) {
      crons.push(
        new Cron(pattern, { timezone: 'UTC', protect: true }, () => {
          void this.enqueue(job);
        }),
      );
    },
    start(jobHandler) {
      handler = jobHandler;
      schedule();
    },
    async counts(): Promise<QueueCounts> {
      const at = now();
      const waiting = [...entries.values()].filter((e) => !e.active);
      return {
        waiting: waiting.filter((e) => e.runAt <= at).length,
        active: running,
        delayed: waiting.filter((e) => e.runAt > at).length,
        failed: failed.length,
        completed,
      };
    },
    async deadLetters(limit = 50) {
      return failed.slice(0, limit);
    },
    async ping() {
      if (closed) throw new Error('the in-process queue is closed');
    },
    async idle() {
      for (;;) {
        if (running === 0 && entries.size === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async close() {
      closed = true;
      for (const cron of crons) cron.stop();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      while (running > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}
