import { Context, type Logger, type Probot, type ProbotOctokit } from 'probot';
import { runPullRequestCheck } from '../run-pull-request-check.js';
import { CONFIG_PATH, loadRepoConfig } from '../load-repo-config.js';
import { isConfigPath } from '../../src/core/config/index.js';
import { defaultBranchHead } from '../default-branch-head.js';
import { digestSlot } from '../digest-slot.js';
import { postmortemPaths } from '../postmortem-paths.js';
import { runRepoSync } from '../run-repo-sync.js';
import { walkInstallations } from '../walk-installations.js';
import type { RepoDigestRunner } from '../run-repo-digest.js';
import type { Coordination } from './coordination.js';
import { limitWrites } from './limit-writes.js';
import {
  describeJob,
  repoKey,
  type CheckJob,
  type DigestJob,
  type EventJob,
  type PushJob,
  type SyncJob,
} from './queue-job.js';
import type { JobHandler, JobOutcome, WorkQueue } from './work-queue.js';
import { BudgetExhaustedError, type WriteBudget } from './write-budget.js';

/** Handlers of events replayed from the queue (`issues.closed` → tick-back, re-run requests). */
export type EventHandlers = Record<string, (context: Context) => Promise<unknown>>;

/** What {@link createQueueJobRunner} needs. */
export interface QueueJobRunnerDeps {
  app: Pick<Probot, 'auth' | 'log'>;
  queue: WorkQueue;
  coordination: Coordination;
  budget: WriteBudget;
  now: () => Date;
  appLogin: () => Promise<string | null>;
  runDigest: RepoDigestRunner;
  events: EventHandlers;
  /** The web origin of the GitHub the app talks to (permalinks of reconcile syncs). */
  serverUrl?: string;
  /** How long a repository's sync lock lasts without renewal (default 60 s). */
  lockTtlMs?: number;
  /** How long a job waits before trying a busy repository again (default 2 s). */
  lockRetryMs?: number;
  /** Shortest pause between a capped sync and its continuation (default 1 s). */
  continueAfterMs?: number;
}

/** Runs queued jobs and enqueues syncs; the one place that knows what each job kind does. */
export interface QueueJobRunner {
  handle: JobHandler;
  /** Enqueues a sync of `job`'s repository as its newest generation (older queued ones are skipped). */
  enqueueSync(job: Omit<SyncJob, 'kind' | 'generation'>, delayMs?: number): Promise<void>;
}

/**
 * The worker side of the queue. A sync holds its repository's lock (one sync per repository in
 * the cluster), skips itself when a newer sync of the repository is queued, asks the write budget
 * how much it may write, and when capped or rate-limited enqueues its own continuation, delayed
 * until the budget allows, until the repository is in line.
 */
export function createQueueJobRunner(deps: QueueJobRunnerDeps): QueueJobRunner {
  const lockTtlMs = deps.lockTtlMs ?? 60_000;
  const lockRetryMs = deps.lockRetryMs ?? 2_000;
  const continueAfterMs = deps.continueAfterMs ?? 1_000;
  const log = deps.app.log;

  async function installationOctokit(installationId: number): Promise<ProbotOctokit> {
    return limitWrites(await deps.app.auth(installationId), deps.budget, installationId);
  }

  async function enqueueSync(
    job: Omit<SyncJob, 'kind' | 'generation'>,
    delayMs = 0,
  ): Promise<void> {
    const generation = await deps.coordination.bump(`sync:${repoKey(job)}`);
    await deps.queue.enqueue({ ...job, kind: 'sync', generation }, { delayMs });
  }

  async function continueSync(job: SyncJob, waitMs: number, why: string): Promise<void> {
    const delayMs = Math.max(waitMs, continueAfterMs);
    log.info(`${repoKey(job)}: ${why}; continuing in ${Math.round(delayMs / 1000)} s`);
    await enqueueSync({ ...job, sha: null, reason: 'continuation' }, delayMs);
  }

  async function sync(job: SyncJob): Promise<JobOutcome> {
    const key = `sync:${repoKey(job)}`;
    if (job.generation < (await deps.coordination.generation(key))) {
      log.debug(`${describeJob(job)}: a newer sync of the repository is queued; skipped`);
      return { status: 'done' };
    }
    const lease = await deps.coordination.acquire(key, lockTtlMs);
    if (lease === null) return { status: 'defer', delayMs: lockRetryMs };
    const renewal = setInterval(() => void lease.renew().catch(() => false), lockTtlMs / 3);
    try {
      const octokit = await installationOctokit(job.installationId);
      const repo = { owner: job.owner, repo: job.repo };
      const loaded = await loadRepoConfig(octokit, repo);
      if (loaded.status !== 'ok') {
        log.info(
          loaded.status === 'not-opted-in'
            ? `${repoKey(job)}: no ${CONFIG_PATH}, nothing to do until it opts in`
            : `${repoKey(job)}: ${CONFIG_PATH} has errors; not syncing until they are fixed`,
        );
        return { status: 'done' };
      }
      const budget = await deps.budget.status(job.installationId);
      if (budget.available === 0) {
        await continueSync(job, budget.waitMs, 'write budget spent');
        return { status: 'done' };
      }
      // The newest commit, not the job's: pushes may be enqueued out of order across workers.
      const { sha } = await defaultBranchHead(octokit, repo);
      const maxWrites = Math.min(loaded.config.sync.maxWrites, budget.available);
      try {
        const report = await runRepoSync(octokit, repo, {
          sha,
          config: { ...loaded.config, sync: { ...loaded.config.sync, maxWrites } },
          serverUrl: job.serverUrl,
          now: deps.now(),
          log: log as Logger,
          appLogin: deps.appLogin,
        });
        if (report.result.capped) {
          const after = await deps.budget.status(job.installationId);
          await continueSync(job, after.waitMs, `stopped after ${maxWrites} writes`);
        }
      } catch (error) {
        const after = await deps.budget.status(job.installationId);
        if (error instanceof BudgetExhaustedError || after.waitMs > 0) {
          await continueSync(job, after.waitMs, 'rate-limited');
          return { status: 'done' };
        }
        throw error;
      }
      return { status: 'done' };
    } finally {
      clearInterval(renewal);
      await lease.release();
    }
  }

  async function push(job: PushJob): Promise<JobOutcome> {
    const octokit = await installationOctokit(job.installationId);
    const loaded = await loadRepoConfig(octokit, { owner: job.owner, repo: job.repo });
    if (loaded.status === 'not-opted-in') return { status: 'done' };
    if (loaded.status === 'invalid') {
      log.warn(`${repoKey(job)}: ${CONFIG_PATH} has errors; not syncing until they are fixed`);
      return { status: 'done' };
    }
    const filter = postmortemPaths(loaded.config);
    if (job.paths !== null && !job.paths.some((p) => isConfigPath(p) || filter.matches(p)))
      return { status: 'done' };
    await enqueueSync({
      installationId: job.installationId,
      owner: job.owner,
      repo: job.repo,
      sha: job.sha,
      serverUrl: job.serverUrl,
      reason: 'push',
    });
    return { status: 'done' };
  }

  async function check(job: CheckJob): Promise<JobOutcome> {
    await runPullRequestCheck(
      {
        octokit: await installationOctokit(job.installationId),
        repo: { owner: job.owner, repo: job.repo },
        log: log as Context['log'],
        toolLogin: deps.appLogin,
      },
      { number: job.number, headSha: job.headSha },
    );
    return { status: 'done' };
  }

  async function digest(job: DigestJob): Promise<JobOutcome> {
    const octokit = await installationOctokit(job.installationId);
    const repo = { owner: job.owner, repo: job.repo };
    const loaded = await loadRepoConfig(octokit, repo);
    if (loaded.status !== 'ok') return { status: 'done' };
    const outcome = await deps.runDigest(octokit, repo, loaded.config, deps.now(), deps.appLogin);
    log.info(`${describeJob(job)}: ${outcome}`);
    return { status: 'done' };
  }

  async function event(job: EventJob): Promise<JobOutcome> {
    const handler = deps.events[job.name];
    if (handler === undefined) return { status: 'done' };
    const octokit = await installationOctokit(job.installationId);
    const context = new Context(
      { id: job.id, name: job.name.split('.')[0], payload: job.payload } as never,
      octokit,
      log as Logger,
    );
    await handler(context);
    return { status: 'done' };
  }

  async function planDigests(): Promise<JobOutcome> {
    const at = deps.now();
    let planned = 0;
    await walkInstallations(deps.app, log as Logger, async ({ installationId, repo, octokit }) => {
      try {
        const loaded = await loadRepoConfig(octokit, repo);
        if (loaded.status !== 'ok') return;
        const slot = digestSlot(at, loaded.config.digest);
        if (!slot.due) return;
        // One id per repository and week: every replica planning it adds one job in all; a week
        // whose digest failed every attempt is tried again at the next planning.
        await deps.queue.enqueue(
          { kind: 'digest', installationId, ...repo, week: slot.week },
          { retryFailed: true },
        );
        planned++;
      } catch (error) {
        log.error({ err: error }, `digest planning: ${repo.owner}/${repo.repo} failed`);
      }
    });
    log.info(`digest planning: ${planned} repositories due this week`);
    return { status: 'done' };
  }

  async function reconcile(): Promise<JobOutcome> {
    let count = 0;
    await walkInstallations(deps.app, log as Logger, async ({ installationId, repo }) => {
      await enqueueSync({
        installationId,
        ...repo,
        sha: null,
        serverUrl: deps.serverUrl ?? 'https://github.com',
        reason: 'reconcile',
      });
      count++;
    });
    log.info(`reconcile: a sync of each of ${count} repositories enqueued`);
    return { status: 'done' };
  }

  const handle: JobHandler = async (job) => {
    switch (job.kind) {
      case 'sync':
        return sync(job);
      case 'push':
        return push(job);
      case 'check':
        return check(job);
      case 'digest':
        return digest(job);
      case 'event':
        return event(job);
      case 'plan-digests':
        return planDigests();
      case 'reconcile':
        return reconcile();
    }
  };

  return { handle, enqueueSync };
}
