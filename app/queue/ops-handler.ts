import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueueCounts, WorkQueue } from './work-queue.js';

/** Options of {@link createOpsHandler}. */
export interface OpsHandlerOptions {
  queue: WorkQueue;
  /** Throws when the app cannot authenticate with GitHub (e.g. `GET /app` with its JWT). */
  checkAuth: () => Promise<void>;
  /** How long a successful authentication check is trusted (default 60 s). */
  authCacheMs?: number;
  /** Longest a check may take before it counts as failed (default 3 s). */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * `GET /health` (200 when the app can authenticate and reach its queue, 503 naming what fails)
 * and `GET /metrics` (queue counts in Prometheus text format), as a Probot server handler.
 */
export function createOpsHandler(
  options: OpsHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const now = options.now ?? (() => Date.now());
  const authCacheMs = options.authCacheMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  let authOkUntil = 0;

  const within = <T>(what: string, promise: Promise<T>): Promise<T> =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);

  async function problems(): Promise<string[]> {
    const found: string[] = [];
    if (now() >= authOkUntil) {
      try {
        await within('authenticating with GitHub', options.checkAuth());
        authOkUntil = now() + authCacheMs;
      } catch (error) {
        found.push(`cannot authenticate with GitHub: ${message(error)}`);
      }
    }
    try {
      await within(`reaching the ${options.queue.kind} queue`, options.queue.ping());
    } catch (error) {
      found.push(`cannot reach the ${options.queue.kind} queue: ${message(error)}`);
    }
    return found;
  }

  return async (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/health' && path !== '/metrics')) return false;
    if (path === '/health') {
      const found = await problems();
      res.writeHead(found.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          found.length === 0 ? { status: 'ok' } : { status: 'failing', problems: found },
        ),
      );
      return true;
    }
    try {
      const counts = await within('counting jobs', options.queue.counts());
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(renderMetrics(counts, options.queue.kind));
    } catch (error) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(`# cannot read the queue: ${message(error)}\n`);
    }
    return true;
  };
}

/** Queue counts in Prometheus text exposition format. */
export function renderMetrics(counts: QueueCounts, kind: WorkQueue['kind']): string {
  const lines = [
    '# HELP postmortem_tracker_queue_jobs Jobs in the work queue, by state.',
    '# TYPE postmortem_tracker_queue_jobs gauge',
    ...Object.entries(counts).map(
      ([state, n]) => `postmortem_tracker_queue_jobs{state="${state}",queue="${kind}"} ${n}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The one-line form of the counts for the periodic log. */
export function describeCounts(counts: QueueCounts): string {
  return `queue: ${counts.waiting} waiting, ${counts.active} running, ${counts.delayed} delayed, ${counts.failed} failed`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
