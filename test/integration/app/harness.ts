/** Runs the Probot app against the GitHub stand-in with real webhook payloads. */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Probot, ProbotOctokit } from 'probot';
import { createApp, type CreateAppOptions } from '../../../app/create-app.js';
import { createInProcessQueue } from '../../../app/queue/in-process-queue.js';
import type { WorkQueue } from '../../../app/queue/work-queue.js';
import {
  createGitHubStandIn,
  type GitHubStandIn,
  type IssueState,
} from '../../support/github-stand-in.js';
import { assertContractsAfterEach } from '../../support/contract-guard.js';

// Every test that loads this harness ends with no new contract violation at any stand-in.
assertContractsAfterEach();

// Example payloads are untyped JSON, patched in place by the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const require = createRequire(import.meta.url);

let examples: Array<{ name: string; examples: Json[] }> | null = null;

/**
 * A real example payload from @octokit/webhooks-examples, deep-copied: the first of `event` whose
 * action is `action` (a string) or that satisfies `pick`.
 */
export function examplePayload(event: string, pick?: string | ((payload: Json) => boolean)): Json {
  examples ??= require('@octokit/webhooks-examples') as Array<{ name: string; examples: Json[] }>;
  const group = examples.find((e) => e.name === event);
  const test =
    typeof pick === 'string' ? (e: Json) => e['action'] === pick : (pick ?? (() => true));
  const example = group?.examples.find(test);
  if (!example)
    throw new Error(`no @octokit/webhooks-examples payload for ${event} ${String(pick)}`);
  return structuredClone(example);
}

let key: string | null = null;

/** An RSA key generated for this test run (never committed). */
export function testPrivateKey(): string {
  key ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
  return key;
}

/**
 * Octokit class for the app: requests go to the stand-in; no retries or pacing in tests. A
 * function default, because Probot re-enables throttling on installation clients it derives.
 */
export function standInOctokit(standIn: GitHubStandIn): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Json) => ({
    ...options,
    request: { ...options['request'], fetch: fetchWithUrl(standIn) },
    retry: { ...options['retry'], enabled: false },
    throttle: { ...options['throttle'], enabled: false },
  }));
}

/**
 * The stand-in's fetch, with `Response.url` set as a network fetch sets it: Octokit's paginate
 * reads it for namespaced lists such as `GET /installation/repositories`.
 */
export function fetchWithUrl(standIn: GitHubStandIn): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await standIn.fetch(input, init);
    if (!response.url) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      Object.defineProperty(response, 'url', { value: url });
    }
    return response;
  };
}

const queues = new WeakMap<Probot, WorkQueue>();

/** The queue of a Probot made by {@link createTestProbot}. */
export function queueOf(probot: Probot): WorkQueue {
  const queue = queues.get(probot);
  if (!queue) throw new Error('not a test Probot');
  return queue;
}

/**
 * A Probot instance running the app against the stand-in, on an in-process queue that does not
 * retry (a failing job goes straight to the dead letters) and does not wait between runs.
 */
export async function createTestProbot(
  standIn: GitHubStandIn,
  options: CreateAppOptions = {},
): Promise<Probot> {
  const queue = options.queue ?? createInProcessQueue({ retry: { attempts: 1, backoffMs: 10 } });
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    secret: 'test-secret',
    logLevel: 'fatal',
    request: { fetch: fetchWithUrl(standIn) },
    Octokit: standInOctokit(standIn),
  });
  await probot.load(
    createApp({
      scheduler: false,
      metricsLogIntervalMs: 0,
      lockRetryMs: 20,
      continueAfterMs: 0,
      ...options,
      queue,
    }),
  );
  queues.set(probot, queue);
  return probot;
}

/** The stand-in with one organisation repository, installed. */
export function standInWithRepo(
  options: { files?: Record<string, string>; collaborators?: string[]; now?: () => Date } = {},
) {
  const standIn = createGitHubStandIn({
    warnOnViolation: false,
    ...(options.now ? { now: options.now } : {}),
  });
  const repo = standIn.addRepo({
    owner: 'acme',
    repo: 'payments',
    files: { 'README.md': '# payments\n', ...options.files },
    collaborators: options.collaborators ?? ['alice', 'bob'],
    hasDiscussions: true,
  });
  const installation = standIn.addInstallation({
    account: 'acme',
    accountType: 'Organization',
    repositories: ['acme/payments'],
  });
  return { standIn, repo, installation };
}

/** The `pull_request` `opened` payload of a pull request the stand-in opened (`addPull`) in acme/payments. */
export function pullRequestOpened(installationId: number, issue: IssueState): Json {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const payload = retarget(examplePayload('pull_request', 'opened'), {
    owner: 'acme',
    repo: 'payments',
    installationId,
  });
  payload['number'] = issue.number;
  Object.assign(payload['pull_request'], { number: issue.number, state: 'open', draft: false });
  Object.assign(payload['pull_request']['head'], { sha: pull.head.sha, ref: pull.head.ref });
  Object.assign(payload['pull_request']['base'], { ref: 'main' });
  return payload;
}

/** Points a payload's repository, owner and installation at the stand-in's. */
export function retarget(
  payload: Json,
  target: { owner: string; repo: string; installationId: number; defaultBranch?: string },
): Json {
  const repository = payload['repository'] as Json | undefined;
  if (repository) {
    repository['name'] = target.repo;
    repository['full_name'] = `${target.owner}/${target.repo}`;
    repository['owner'] = { ...repository['owner'], login: target.owner };
    repository['html_url'] = `https://github.com/${target.owner}/${target.repo}`;
    repository['default_branch'] = target.defaultBranch ?? 'main';
  }
  payload['installation'] = {
    id: target.installationId,
    node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uJHt0YXJnZXQuaW5zdGFsbGF0aW9uSWR9`,
  };
  return payload;
}

/**
 * Delivers a payload through `probot.receive`, as Probot's webhook middleware would, then waits
 * until the app's queue has run every job the delivery led to.
 */
export async function deliver(
  probot: Probot,
  name: string,
  payload: Json,
  id: string = randomUUID(),
): Promise<void> {
  await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
  await queues.get(probot)?.idle();
}
