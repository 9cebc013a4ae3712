import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LintResult } from '../core/lint/index.js';
import type { ParseTask } from '../core/lint/index.js';
import { createInProcessParser } from './create-in-process-parser.js';
import { tooComplexResult as tooComplex } from './too-complex-result.js';

/** Parses untrusted post-mortems off the main thread, each within a time budget. */
export interface ParsePool {
  /**
   * Runs `task` in a worker; a task still running after `timeoutMs` (counted from when a worker
   * starts it) is stopped with its worker and answers a `file-too-complex` post-mortem.
   */
  run(task: ParseTask, timeoutMs: number): Promise<LintResult>;
  /** Starts one worker now, if none is running, so that it boots while the caller reads its files. */
  prestart(): void;
  /** Stops every worker; tasks still queued or running are rejected. */
  close(): Promise<void>;
}

/** Options of {@link createParsePool}. */
export interface ParsePoolOptions {
  /** Most workers at once (default: 2, or 1 on a one-core machine). */
  size?: number;
  /** Heap limit of each worker, in MB (default 128): a file that needs more is `file-too-complex`. */
  maxHeapMb?: number;
}

interface Job {
  task: ParseTask;
  timeoutMs: number;
  resolve: (result: LintResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * A small pool of `node:worker_threads` workers running `parse-worker`. Idle workers do not keep
 * the process alive. The worker is found next to this module: `parse-worker.js` in `lib/` and in
 * the Action's bundle (`dist/parse-worker.js`), `parse-worker.ts` (through tsx) under vitest.
 */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
  const maxHeapMb = options.maxHeapMb ?? 128;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: startWorker(maxHeapMb), ready: false, job: null, timer: null };
    slot.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        slot.worker.unref(); // dispatch refs it again when it gets a file
      } else if (slot.job !== null) {
        const job = slot.job;
        finish(slot);
        if ('error' in message)
          job.reject(new Error(`parsing ${job.task.path} failed: ${message.error}`));
        else job.resolve(message.result);
      }
      dispatch();
    });
    slot.worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job;
      drop(slot);
      if (job !== null) {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          job.resolve(tooComplex(job.task.path, `it needs more than ${maxHeapMb} MB to parse`));
        else job.reject(new Error(`the parse worker failed on ${job.task.path}: ${error.message}`));
      } else if (!slot.ready) {
        // A worker that cannot start fails every queued task: a broken install, not a bad file.
        for (const queued of queue.splice(0))
          queued.reject(new Error(`the parse worker did not start: ${error.message}`));
      }
      dispatch();
    });
    slot.worker.on('exit', () => {
      const job = slot.job;
      drop(slot);
      if (job !== null)
        job.reject(new Error(`the parse worker exited while parsing ${job.task.path}`));
      dispatch();
    });
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    if (closed) return;
    while (queue.length > 0) {
      const slot = slots.find((s) => s.ready && s.job === null);
      if (slot === undefined) {
        // A worker still booting (started early by prestart) takes the next job: no second one for it.
        const booting = slots.filter((s) => !s.ready);
        for (const s of booting) s.worker.ref();
        if (slots.length < size && booting.length < queue.length) spawn().worker.ref();
        return;
      }
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        const path = job.task.path;
        drop(slot);
        void slot.worker.terminate();
        job.resolve(
          tooComplex(
            path,
            `it took more than ${job.timeoutMs} ms to parse (limits.parseTimeoutMs)`,
          ),
        );
        dispatch();
      }, job.timeoutMs);
      slot.worker.postMessage({ id: nextId++, task: job.task });
    }
  }

  function finish(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  function drop(slot: Slot): void {
    finish(slot);
    const i = slots.indexOf(slot);
    if (i !== -1) slots.splice(i, 1);
  }

  return {
    run(task, timeoutMs) {
      if (closed) return Promise.reject(new Error('the parse pool is closed'));
      return new Promise<LintResult>((resolve, reject) => {
        queue.push({ task, timeoutMs, resolve, reject });
        dispatch();
      });
    },
    prestart() {
      if (!closed && slots.length === 0) spawn();
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the parse pool was closed'));
      const running = slots.splice(0);
      for (const slot of running) {
        const job = slot.job;
        finish(slot);
        job?.reject(new Error('the parse pool was closed'));
      }
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}

type WorkerMessage =
  { ready: true } | { id: number; result: LintResult } | { id: number; error: string };

function startWorker(maxHeapMb: number): Worker {
  // A young generation of its own size: capped with the old one, Node 24 sizes it so small that the
  // worker spends half its time collecting (lint of 1,000 real post-mortems: 19.9 s CPU, 10.8 s with 32 MB).
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 };
  // No inherited flags: some (`--input-type`, `--eval`) make a worker fail to start.
  const execArgv: string[] = [];
  if (import.meta.url.endsWith('.ts')) {
    // Under vitest or tsx the sources are TypeScript: register tsx in the worker, then load it.
    const entry = new URL('./parse-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true, resourceLimits, execArgv });
  }
  return new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits, execArgv });
}

let shared: ParsePool | null = null;

/**
 * The process's one parse pool, created on first use: worker threads (their idle workers never
 * keep the process alive), or this thread after {@link parseOnThisThread}.
 */
export function sharedParsePool(): ParsePool {
  shared ??= createParsePool();
  return shared;
}

/**
 * Makes {@link sharedParsePool} parse on the calling thread, each file still stopped at its time
 * budget ({@link createInProcessParser}): for one-shot processes (the CLI, the Action), where a
 * second isolate costs more than every small file it would parse. The app does not call it.
 */
export function parseOnThisThread(): void {
  if (shared === null) shared = createInProcessParser();
}
