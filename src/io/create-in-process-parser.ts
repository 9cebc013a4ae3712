import { createContext, Script } from 'node:vm';
import type { LintResult } from '../core/lint/index.js';
import type * as Lint from '../core/lint/index.js';
import { errorMessage } from '../core/text/index.js';
import type { ParsePool } from './parse-pool.js';
import { tooComplexResult } from './too-complex-result.js';

/**
 * A parser for one-shot processes (the CLI and the Action): each file is parsed on this thread,
 * inside a `node:vm` call whose timeout stops it at `limits.parseTimeoutMs` (V8 terminates the
 * running code, wherever it is, and the call throws). No second isolate to boot and nothing to
 * copy between threads: a small file costs what its parse costs. The heap is not capped per file
 * here; the read limits (`maxFileBytes`, line length, nesting) bound what one file can take. The
 * app keeps {@link createParsePool}: a long-lived server must not stall its event loop.
 */
export function createInProcessParser(): ParsePool {
  // One context and one compiled call for the process: each run only swaps the task in.
  const context = createContext({ run: null as (() => LintResult) | null });
  const guard = new Script('run()', { filename: 'postmortem-tracker:parse-guard' });
  // The parser loads with the first file, not with the host: the Action's first request goes out first.
  let parser: Promise<typeof Lint> | null = null;
  let closed = false;
  return {
    async run(task, timeoutMs) {
      if (closed) throw new Error('the parser is closed');
      parser ??= import('../core/lint/index.js');
      const { runParseTask } = await parser;
      context['run'] = () => runParseTask(task);
      try {
        return guard.runInContext(context, { timeout: timeoutMs }) as LintResult;
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
          return tooComplexResult(
            task.path,
            `it took more than ${timeoutMs} ms to parse (limits.parseTimeoutMs)`,
          );
        if (error instanceof RangeError && /call stack/i.test(error.message))
          return tooComplexResult(task.path, 'it nests too deeply to parse');
        throw new Error(`parsing ${task.path} failed: ${errorMessage(error)}`, { cause: error });
      } finally {
        context['run'] = null;
      }
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
