/** A stand-in organisation and payloads for the queue tests (written for this project). */
import type { Probot } from 'probot';
import { createBullmqQueue } from '../../../app/queue/bullmq-queue.js';
import { createRedisBudgetStore, type BudgetLimits } from '../../../app/queue/budget-store.js';
import { createRedisCoordination } from '../../../app/queue/redis-coordination.js';
import { createInProcessQueue } from '../../../app/queue/in-process-queue.js';
import { createMemoryCoordination } from '../../../app/queue/coordination.js';
import { createMemoryBudgetStore } from '../../../app/queue/budget-store.js';
import { createWriteBudget } from '../../../app/queue/write-budget.js';
import type { CreateAppOptions } from '../../../app/create-app.js';
import type { RetryPolicy, WorkQueue } from '../../../app/queue/work-queue.js';
import { parseMarker } from '../../../src/core/sync/marker.js';
import { createGitHubStandIn, type GitHubStandIn } from '../../support/github-stand-in.js';
import { postmortemText } from './fixtures.js';
import { examplePayload, retarget } from './harness.js';

export const CONFIG = '.github/postmortem-tracker.yml';

const WORDS = [
  'alert',
  'runbook',
  'canary',
  'quota',
  'backup',
  'failover',
  'dashboard',
  'timeout',
  'retry',
  'index',
  'replica',
  'certificate',
  'firewall',
  'pager',
  'rollback',
  'schema',
  'cache',
  'queue',
  'ledger',
  'webhook',
  'token',
  'mirror',
  'archive',
  'budget',
] as const;

/** The `i`-th distinct action-item text of a repository. */
export function itemText(repo: string, i: number): string {
  const a = WORDS[i % WORDS.length]!;
  const b = WORDS[(i * 7 + 3) % WORDS.length]!;
  return `Harden the ${a} of ${repo} with a ${b} check number ${i + 1}`;
}

/** A post-mortem of `repo` with `count` open items owned by alice. */
export function repoPostmortem(repo: string, count: number, from = 0): string {
  return postmortemText({
    title: `${repo} outage`,
    items: Array.from({ length: count }, (_, i) => ({
      text: itemText(repo, from + i),
      owner: '@alice',
      due: '2026-04-01',
    })),
  });
}

/** An installed organisation `acme` with `repos` opted in, each with one post-mortem of `items` items. */
export function organisation(
  repos: string[],
  items: number,
  config = '{}\n',
  now?: () => Date,
): { standIn: GitHubStandIn; installationId: number } {
  const standIn = createGitHubStandIn({ warnOnViolation: false, ...(now ? { now } : {}) });
  for (const repo of repos) {
    standIn.addRepo({
      owner: 'acme',
      repo,
      files: { [CONFIG]: config, 'postmortems/2026-02-10-outage.md': repoPostmortem(repo, items) },
      collaborators: ['alice'],
      hasDiscussions: true,
    });
  }
  const installation = standIn.addInstallation({
    account: 'acme',
    accountType: 'Organization',
    repositories: repos.map((r) => `acme/${r}`),
  });
  return { standIn, installationId: installation.id };
}

/** A push payload to `main` of `acme/repo` at `sha`, touching `paths`. */
export function pushPayload(
  installationId: number,
  repo: string,
  sha: string,
  paths: string[],
): Record<string, unknown> {
  const payload = retarget(
    examplePayload('push', (p) => p['ref'] === 'refs/heads/master' && p['commits'].length > 0),
    { owner: 'acme', repo, installationId },
  );
  Object.assign(payload, {
    ref: 'refs/heads/main',
    after: sha,
    created: false,
    deleted: false,
    forced: false,
  });
  Object.assign(payload['commits'][0], { id: sha, added: [], modified: paths, removed: [] });
  return payload;
}

/** Every issue of a repository that carries an item marker, open or closed. */
export function trackedIssues(standIn: GitHubStandIn, repo: string) {
  return [...standIn.repo('acme', repo).issues.values()].filter(
    (i) => i.pull === null && parseMarker(i.body) !== null,
  );
}

/**
 * The queue, coordination and budget of one more app instance: on Redis, another process sharing
 * the queue; in-process, another webhook receiver of the one process's queue.
 */
export interface QueueBackend {
  name: 'in-process' | 'redis';
  /** The options of one more app process on this backend (Redis: sharing the queue; in-process: its own). */
  process(options?: {
    retry?: Partial<RetryPolicy>;
    limits?: BudgetLimits;
  }): Partial<CreateAppOptions> & {
    queue: WorkQueue;
  };
  close(): Promise<void>;
}

/** A fresh backend: a new queue name and key prefix on the test Redis, or a new in-process queue. */
export function queueBackend(kind: 'in-process' | 'redis', redisUrl: string | null): QueueBackend {
  const queues: WorkQueue[] = [];
  const name = `pmt-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const defaults = { perMinute: 80, perHour: 500 };
  if (kind === 'in-process') {
    // One process: every app instance of the test is a webhook receiver of the same queue.
    let shared: (Partial<CreateAppOptions> & { queue: WorkQueue }) | null = null;
    return {
      name: kind,
      process(options = {}) {
        if (shared !== null) return shared;
        const queue = createInProcessQueue({
          retry: { attempts: 1, backoffMs: 10, ...options.retry },
        });
        queues.push(queue);
        shared = {
          queue,
          coordination: createMemoryCoordination(),
          budget: createWriteBudget({
            store: createMemoryBudgetStore(),
            limits: options.limits ?? defaults,
          }),
        };
        return shared;
      },
      async close() {
        for (const q of queues) await q.close();
      },
    };
  }
  return {
    name: kind,
    process(options = {}) {
      const queue = createBullmqQueue({
        url: redisUrl!,
        name,
        concurrency: 4,
        retry: { attempts: 1, backoffMs: 10, ...options.retry },
        lockDurationMs: 2_000,
        stalledIntervalMs: 1_000,
      });
      queues.push(queue);
      return {
        queue,
        coordination: createRedisCoordination(queue.connection, name),
        budget: createWriteBudget({
          store: createRedisBudgetStore(queue.connection, name),
          limits: options.limits ?? defaults,
        }),
      };
    },
    async close() {
      for (const q of queues) await q.close();
    },
  };
}

/** Delivers a webhook to a Probot without waiting for its jobs. */
export async function receive(
  probot: Probot,
  name: string,
  payload: Record<string, unknown>,
  id: string,
): Promise<void> {
  await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
}
