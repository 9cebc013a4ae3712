import type { QueueJob, WalkJob } from './queue-job.js';

/** What a handler tells the queue after running a job. */
export type JobOutcome =
  | { status: 'done' }
  /** Run this same job again after `delayMs` without counting an attempt (its repository is busy). */
  | { status: 'defer'; delayMs: number };

/** Runs one job; a thrown error is a failed attempt (retried with backoff, then dead-lettered). */
export type JobHandler = (job: QueueJob, attempt: number) => Promise<JobOutcome>;

/** How many jobs are in each state. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** A job that failed every attempt, kept for the operator with its last error. */
export interface DeadLetter {
  id: string;
  job: QueueJob;
  attempts: number;
  error: string;
  failedAt: Date;
}

/** Options of one enqueue. */
export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** When the same id is a dead letter, run it again (the digest planner, hourly) instead of doing nothing. */
  retryFailed?: boolean;
}

/**
 * The queue between webhooks and work. Two implementations share it: BullMQ on Redis (durable,
 * shared by every replica) and an in-process queue (one process, nothing else to run).
 */
export interface WorkQueue {
  readonly kind: 'redis' | 'in-process';
  /** Adds a job; a job with the same id still queued, running or recently finished makes this a no-op. */
  enqueue(job: QueueJob, options?: EnqueueOptions): Promise<void>;
  /** Enqueues `job` on a cron `pattern` (UTC); with Redis, one job per slot for the whole cluster. */
  repeat(job: WalkJob, pattern: string): Promise<void>;
  /** Starts running jobs with `handler` in this process. */
  start(handler: JobHandler): void;
  counts(): Promise<QueueCounts>;
  /** The most recent jobs that failed every attempt. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Throws when the queue's store cannot be reached. */
  ping(): Promise<void>;
  /** Resolves when no job is waiting, running or delayed, repeatable walks aside (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Retry policy shared by both queues. */
export interface RetryPolicy {
  /** Attempts before a job is dead-lettered (default 5). */
  attempts: number;
  /** First backoff in milliseconds, doubled at each attempt (default 5000). */
  backoffMs: number;
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 5_000 };
