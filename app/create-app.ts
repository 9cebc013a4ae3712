import type { ApplicationFunction, Context } from 'probot';
import type { AppDependencies } from './app-dependencies.js';
import { appIdentity } from './app-identity.js';
import { appLogin } from './app-login.js';
import { recheckRerequested } from './handlers/check-rerequested.js';
import { addedRepositorySyncs } from './handlers/installation.js';
import { tickBackClosedItem } from './handlers/issues-closed.js';
import { PULL_REQUEST_ACTIONS, pullRequestCheckJob } from './handlers/pull-request.js';
import { pushJob } from './handlers/push.js';
import { runRepoDigest, type RepoDigestRunner } from './run-repo-digest.js';
import { GITHUB_WRITE_LIMITS, createMemoryBudgetStore } from './queue/budget-store.js';
import { createMemoryCoordination, type Coordination } from './queue/coordination.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import { createOpsHandler, describeCounts } from './queue/ops-handler.js';
import { createQueueJobRunner, type QueueJobRunner } from './queue/run-queue-job.js';
import { describeJob } from './queue/queue-job.js';
import type { WorkQueue } from './queue/work-queue.js';
import { createWriteBudget, type WriteBudget } from './queue/write-budget.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions extends Partial<AppDependencies> {
  /** The work queue (default: in this process). */
  queue?: WorkQueue;
  /** Locks, sync generations and seen deliveries (default: in this process). */
  coordination?: Coordination;
  /** The write budget per installation (default: GitHub's 80 a minute and 500 an hour, in this process). */
  budget?: WriteBudget;
  /** Run queued jobs in this process (default true; off for a webhook-only replica). */
  worker?: boolean;
  /** Register the repeatable walks: digest planning and reconcile (default true). */
  scheduler?: boolean;
  /** Cron pattern (UTC) of the digest planning walk (default hourly at minute 2). */
  cron?: string;
  /** Cron pattern (UTC) of the reconcile walk (default daily at 03:17). */
  reconcileCron?: string;
  runDigest?: RepoDigestRunner;
  /** The web origin of GitHub, for permalinks of syncs that no webhook started. */
  serverUrl?: string;
  /** How long a delivery id is remembered to drop a replay (default one hour). */
  deliveryTtlMs?: number;
  /** Queue counts in the log every this many milliseconds (default 60 s; 0: never). */
  metricsLogIntervalMs?: number;
  lockTtlMs?: number;
  lockRetryMs?: number;
  continueAfterMs?: number;
  /** Receives the queue and the job runner once the app is loaded (hosts and tests). */
  onQueue?: (queue: WorkQueue, runner: QueueJobRunner) => void;
}

/**
 * Builds the Probot app function: the routing table from webhook events to queued jobs, the
 * worker that runs them, the repeatable walks (weekly digests, daily reconcile) and the
 * operator's endpoints. A webhook only verifies, filters and enqueues; everything
 * post-mortem-specific happens in the jobs, through the shared core.
 */
export function createApp(options: CreateAppOptions = {}): ApplicationFunction {
  return async (app, appOptions) => {
    const identity = options.appIdentity ?? appIdentity(app);
    const deps: AppDependencies = {
      now: options.now ?? (() => new Date()),
      appLogin: options.appLogin ?? appLogin(identity),
      appIdentity: identity,
    };
    const queue = options.queue ?? createInProcessQueue();
    const coordination = options.coordination ?? createMemoryCoordination();
    const budget =
      options.budget ??
      createWriteBudget({ store: createMemoryBudgetStore(), limits: GITHUB_WRITE_LIMITS });
    const deliveryTtlMs = options.deliveryTtlMs ?? 3_600_000;

    const recheck = (context: Context) =>
      recheckRerequested(
        context as Context<'check_run.rerequested' | 'check_suite.rerequested'>,
        deps,
        ({ number, headSha }) =>
          queue.enqueue({
            kind: 'check',
            installationId: installationOf(context),
            owner: context.repo().owner,
            repo: context.repo().repo,
            number,
            headSha,
          }),
      );
    const runner = createQueueJobRunner({
      app,
      queue,
      coordination,
      budget,
      now: deps.now,
      appLogin: deps.appLogin,
      runDigest: options.runDigest ?? runRepoDigest,
      events: {
        'issues.closed': (context) => tickBackClosedItem(context as Context<'issues.closed'>, deps),
        'check_run.rerequested': recheck,
        'check_suite.rerequested': recheck,
      },
      ...(options.serverUrl === undefined ? {} : { serverUrl: options.serverUrl }),
      ...(options.lockTtlMs === undefined ? {} : { lockTtlMs: options.lockTtlMs }),
      ...(options.lockRetryMs === undefined ? {} : { lockRetryMs: options.lockRetryMs }),
      ...(options.continueAfterMs === undefined
        ? {}
        : { continueAfterMs: options.continueAfterMs }),
    });

    /** Drops a replayed delivery (same `X-GitHub-Delivery` within the hour), else enqueues. */
    const accept =
      <C extends Context>(work: (context: C) => Promise<void>) =>
      async (context: C) => {
        if (await coordination.seen(context.id, deliveryTtlMs)) {
          context.log.warn(`delivery ${context.id} (${context.name}) seen already; dropped`);
          return;
        }
        await work(context);
      };
    const replay = (name: string) => async (context: Context) => {
      await queue.enqueue({
        kind: 'event',
        installationId: installationOf(context),
        id: context.id,
        name,
        payload: context.payload as unknown as Record<string, unknown>,
      });
    };

    app.on(
      PULL_REQUEST_ACTIONS.map((action) => `pull_request.${action}` as const),
      accept(async (context) => queue.enqueue(pullRequestCheckJob(context))),
    );
    // Delivered without a subscription: apps with `checks: write` get every check run and suite event.
    app.on('check_run.rerequested', accept(replay('check_run.rerequested')));
    app.on('check_suite.rerequested', accept(replay('check_suite.rerequested')));
    app.on(
      'push',
      accept(async (context) => {
        const job = pushJob(context);
        if (job !== null) await queue.enqueue(job);
      }),
    );
    app.on(
      ['installation.created', 'installation_repositories.added'],
      accept(async (context) => {
        for (const sync of addedRepositorySyncs(context)) await runner.enqueueSync(sync);
      }),
    );
    app.on('issues.closed', accept(replay('issues.closed')));

    if (options.worker !== false) {
      queue.start(async (job, attempt) => {
        try {
          return await runner.handle(job, attempt);
        } catch (error) {
          app.log.warn({ err: error }, `${describeJob(job)}: attempt ${attempt} failed`);
          throw error;
        }
      });
    }
    if (options.scheduler !== false) {
      await queue.repeat({ kind: 'plan-digests' }, options.cron ?? '2 * * * *');
      await queue.repeat({ kind: 'reconcile' }, options.reconcileCron ?? '17 3 * * *');
      // Catch up after a restart instead of waiting for the next hour.
      await queue.enqueue({ kind: 'plan-digests' });
    }

    try {
      appOptions.addHandler(
        createOpsHandler({
          queue,
          checkAuth: async () => {
            const octokit = await app.auth();
            await octokit.request('GET /app');
          },
        }),
      );
    } catch {
      // Loaded without a server (tests, serverless): no /health or /metrics here.
    }
    const interval = options.metricsLogIntervalMs ?? 60_000;
    if (interval > 0) {
      setInterval(() => {
        queue.counts().then(
          (counts) => app.log.info(describeCounts(counts)),
          (error: unknown) => app.log.error({ err: error }, 'cannot read the queue counts'),
        );
      }, interval).unref();
    }
    options.onQueue?.(queue, runner);
  };
}

function installationOf(context: Context): number {
  return (context.payload as { installation?: { id: number } }).installation?.id ?? 0;
}
