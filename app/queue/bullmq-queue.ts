import { DelayedError, Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
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

/** Options of {@link createBullmqQueue}. */
export interface BullmqQueueOptions {
  /** `redis://…` */
  url: string;
  /** Queue name (default `postmortem-tracker`); replicas sharing a name share the work. */
  name?: string;
  /** Jobs this process runs at once (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * How long a running job's lock lasts without renewal (default 30 s): a process killed mid-job
   * gives its job back to the others after at most this long.
   */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (default 30 s). */
  stalledIntervalMs?: number;
  /** Dead letters kept (default 1000). */
  keepFailed?: number;
}

const DIGEST_KEEP_SECONDS = 8 * 86_400;

/**
 * The durable queue: BullMQ on Redis, shared by every replica. A job survives restarts and
 * crashes (a killed worker's job is taken over once its lock expires), ids deduplicate across the
 * cluster, and jobs that fail every attempt stay in the failed set with their last error.
 */
export function createBullmqQueue(
  options: BullmqQueueOptions,
): WorkQueue & { readonly connection: Redis } {
  const name = options.name ?? 'postmortem-tracker';
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const connection = new Redis(options.url, { maxRetriesPerRequest: null });
  // BullMQ's own copy of ioredis may differ in type from ours; the instance works with both.
  const bullConnection = connection as unknown as ConnectionOptions;
  const queue = new Queue<QueueJob>(name, { connection: bullConnection });
  // Redis going away is reported by GET /health (ping) and the failing jobs, not by a crash.
  connection.on('error', () => undefined);
  queue.on('error', () => undefined);
  let worker: Worker<QueueJob> | null = null;

  return {
    kind: 'redis',
    connection,
    async enqueue(job: QueueJob, enqueueOptions: EnqueueOptions = {}) {
      const walk = job.kind === 'plan-digests' || job.kind === 'reconcile';
      if (enqueueOptions.retryFailed) {
        const existing = await queue.getJob(jobId(job));
        if (existing !== undefined && (await existing.isFailed())) {
          await existing.retry('failed');
          return;
        }
      }
      await queue.add(job.kind, job, {
        jobId: jobId(job),
        delay: Math.max(0, Math.round(enqueueOptions.delayMs ?? 0)),
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs },
        removeOnComplete: job.kind === 'digest' ? { age: DIGEST_KEEP_SECONDS } : true,
        // A failed walk must not block the next one by its id; the log has its error.
        removeOnFail: walk ? true : { count: options.keepFailed ?? 1000 },
      });
    },
    async repeat(job: WalkJob, pattern: string) {
      await queue.upsertJobScheduler(
        job.kind,
        { pattern, tz: 'UTC' },
        { name: job.kind, data: job, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    },
    start(handler: JobHandler) {
      if (worker !== null) return;
      worker = new Worker<QueueJob>(
        name,
        async (job, token) => {
          const outcome = await handler(job.data, job.attemptsMade + 1);
          if (outcome.status === 'defer') {
            await job.moveToDelayed(Date.now() + outcome.delayMs, token);
            throw new DelayedError();
          }
        },
        {
          connection: bullConnection,
          concurrency: options.concurrency ?? 4,
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          // A job whose worker died is started again rather than failed.
          maxStalledCount: 10,
        },
      );
      // Failed attempts are recorded on the job; keep the worker's event emitter from throwing.
      worker.on('error', () => undefined);
    },
    async counts(): Promise<QueueCounts> {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return {
        waiting: c['waiting'] ?? 0,
        active: c['active'] ?? 0,
        delayed: c['delayed'] ?? 0,
        failed: c['failed'] ?? 0,
        completed: c['completed'] ?? 0,
      };
    },
    async deadLetters(limit = 50): Promise<DeadLetter[]> {
      const jobs = await queue.getFailed(0, limit - 1);
      return jobs.map((job) => ({
        id: job.id ?? '',
        job: job.data,
        attempts: job.attemptsMade,
        error: job.failedReason,
        failedAt: new Date(job.finishedOn ?? job.timestamp),
      }));
    },
    async ping() {
      await connection.ping();
    },
    async idle() {
      // Two quiet looks in a row: a retried job passes from delayed to waiting between two reads.
      let quiet = 0;
      while (quiet < 2) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        const delayed = Object.values(c).every((n) => n === 0) ? await queue.getDelayed() : null;
        const walksOnly = delayed?.every(
          (job) => job.data.kind === 'plan-digests' || job.data.kind === 'reconcile',
        );
        quiet = walksOnly ? quiet + 1 : 0;
      }
    },
    async close() {
      // Finish running jobs when Redis answers; do not hang on shutdown when it does not.
      const graceful = (async () => {
        await worker?.close();
        await queue.close();
      })().catch(() => undefined);
      const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([graceful, timeout]);
      void worker?.close(true).catch(() => undefined);
      connection.disconnect();
    },
  };
}
