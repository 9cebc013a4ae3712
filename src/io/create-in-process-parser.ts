import { createContext, Script } from 'node:vm';
import type * as Lint from '../core/lint/index.js';
import type { LintResult, ParseTask } from '../core/lint/index.js';
import { errorMessage } from '../core/text/index.js';
import type { ParsePool } from './parse-pool.js';
import { tooComplexResult } from './too-complex-result.js';

interface Pending {
  task: ParseTask;
  timeoutMs: number;
  resolve: (result: LintResult) => void;
  reject: (error: Error) => void;
}

/**
 * A parser for one-shot processes (the CLI and the Action): files are parsed on this thread,
 * inside a `node:vm` call whose timeout stops the work at `limits.parseTimeoutMs` (V8 terminates
 * the running code, wherever it is, and the call throws). No second isolate to boot and nothing
 * to copy between threads. Files asked for in the same turn of the event loop share one guarded
 * call (each guarded call starts a watchdog thread); when a shared call runs out of time, the
 * file it was in is parsed again alone with its whole budget, so a file is only ever called too
 * complex on its own time. The heap is not capped per file here; the read limits
 * (`maxFileBytes`, line length, nesting) bound what one file can take. The app keeps
 * {@link createParsePool}: a long-lived server must not stall its event loop.
 */
export function createInProcessParser(): ParsePool {
  // One context and one compiled call for the process: each run only swaps the work in.
  const context = createContext({ run: null as (() => void) | null });
  const guard = new Script('run()', { filename: 'postmortem-tracker:parse-guard' });
  // The parser loads with the first file, not with the host: the Action's first request goes out first.
  let parser: Promise<typeof Lint> | null = null;
  let queue: Pending[] = [];
  let flushing = false;
  let closed = false;

  /** Runs `batch` in one guarded call; answers how many finished before it ran out of time. */
  function runGuarded(
    batch: Pending[],
    runParseTask: typeof Lint.runParseTask,
    timeoutMs: number,
  ): number {
    let finished = 0;
    context['run'] = () => {
      for (const p of batch) {
        const result = runParseTask(p.task);
        finished++;
        p.resolve(result);
      }
    };
    try {
      guard.runInContext(context, { timeout: timeoutMs });
    } catch (error) {
      const p = batch[finished];
      if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        if (batch.length === 1 && p !== undefined) {
          p.resolve(
            tooComplexResult(
              p.task.path,
              `it took more than ${timeoutMs} ms to parse (limits.parseTimeoutMs)`,
            ),
          );
          finished++;
        }
      } else if (p !== undefined) {
        finished++;
        if (error instanceof RangeError && /call stack/i.test(error.message))
          p.resolve(tooComplexResult(p.task.path, 'it nests too deeply to parse'));
        else
          p.reject(
            new Error(`parsing ${p.task.path} failed: ${errorMessage(error)}`, { cause: error }),
          );
      }
    } finally {
      context['run'] = null;
    }
    return finished;
  }

  async function flush(): Promise<void> {
    const { runParseTask } = await (parser ??= import('../core/lint/index.js'));
    while (queue.length > 0) {
      let rest = queue;
      queue = [];
      while (rest.length > 0) {
        const [first, ...others] = rest as [Pending, ...Pending[]];
        if (others.length === 0) {
          runGuarded([first], runParseTask, first.timeoutMs);
          break;
        }
        // One budget for the batch (the smallest asked). The file it stopped in is run again
        // alone with its own budget; the files after it form the next batch.
        const done = runGuarded(rest, runParseTask, Math.min(...rest.map((p) => p.timeoutMs)));
        rest = rest.slice(done);
        const [stopped, ...after] = rest;
        if (stopped !== undefined) runGuarded([stopped], runParseTask, stopped.timeoutMs);
        rest = after;
      }
    }
  }

  function schedule(): void {
    if (flushing) return;
    flushing = true;
    // The files asked for in this turn of the event loop are parsed together, in the order asked.
    setImmediate(() => {
      flush()
        .catch((error: unknown) => {
          for (const p of queue.splice(0))
            p.reject(
              new Error(`the parser did not load: ${errorMessage(error)}`, { cause: error }),
            );
        })
        .finally(() => {
          flushing = false;
          if (queue.length > 0) schedule();
        });
    });
  }

  return {
    run(task, timeoutMs) {
      if (closed) return Promise.reject(new Error('the parser is closed'));
      return new Promise<LintResult>((resolve, reject) => {
        queue.push({ task, timeoutMs, resolve, reject });
        schedule();
      });
    },
    prestart() {
      parser ??= import('../core/lint/index.js');
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
