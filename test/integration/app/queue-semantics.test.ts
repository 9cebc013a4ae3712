import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDigestMarker } from '../../../src/core/digest/digest-marker.js';
import { createTestProbot, queueOf } from './harness.js';
import {
  CONFIG,
  organisation,
  pushPayload,
  queueBackend,
  receive,
  repoPostmortem,
  trackedIssues,
  type QueueBackend,
} from './queue-fixtures.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-server.js';

const NOW = new Date('2026-03-02T09:30:00Z');
const TREES = { route: '/repos/{owner}/{repo}/git/trees/{tree_sha}' };
const POSTMORTEM = 'postmortems/2026-02-10-outage.md';

let redis: TestRedis | null = null;
beforeAll(async () => {
  if (redisAvailable) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe.each(['in-process', 'redis'] as const)('the work queue (%s)', (kind) => {
  const skip = kind === 'redis' && !redisAvailable;
  let backend: QueueBackend;
  afterEach(async () => {
    await backend?.close();
  });
  const setup = () => (backend = queueBackend(kind, redis?.url ?? null));

  it.skipIf(skip)(
    'finishes a capped sync by itself: six repositories × five items with maxWrites 4 end with all 30 tracked and no further webhook',
    async () => {
      setup();
      const repos = ['a', 'b', 'c', 'd', 'e', 'f'];
      const { standIn, installationId } = organisation(repos, 5, 'sync:\n  maxWrites: 4\n');
      const probot = await createTestProbot(standIn, { now: () => NOW, ...backend.process() });
      for (const repo of repos) {
        const sha = standIn.commitFiles('acme', repo, { [POSTMORTEM]: repoPostmortem(repo, 5) });
        await receive(
          probot,
          'push',
          pushPayload(installationId, repo, sha, [POSTMORTEM]),
          randomUUID(),
        );
      }
      await queueOf(probot).idle();
      for (const repo of repos) {
        const issues = trackedIssues(standIn, repo);
        expect(issues.filter((i) => i.state === 'open')).toHaveLength(5);
        expect(issues).toHaveLength(5);
      }
      // No webhook after the six pushes, yet every repository was synced at least twice.
      expect(standIn.requests.count(TREES)).toBeGreaterThanOrEqual(12);
      standIn.assertNoContractViolations();
    },
    60_000,
  );

  it.skipIf(skip)(
    'runs one sync per repository at a time: five quick pushes make at most two runs, the last at the newest commit',
    async () => {
      setup();
      const { standIn, installationId } = organisation(['web'], 3);
      const probots = [
        await createTestProbot(standIn, { now: () => NOW, ...backend.process() }),
        ...(kind === 'redis'
          ? [await createTestProbot(standIn, { now: () => NOW, ...backend.process() })]
          : []),
      ];
      const deliveries: Array<Promise<void>> = [];
      for (let n = 1; n <= 5; n++) {
        const sha = standIn.commitFiles('acme', 'web', {
          [POSTMORTEM]: repoPostmortem('web', 3 + n),
        });
        deliveries.push(
          receive(
            probots[n % probots.length]!,
            'push',
            pushPayload(installationId, 'web', sha, [POSTMORTEM]),
            randomUUID(),
          ),
        );
      }
      await Promise.all(deliveries);
      for (const probot of probots) await queueOf(probot).idle();
      const issues = trackedIssues(standIn, 'web');
      expect(issues).toHaveLength(8);
      expect(issues.every((i) => i.state === 'open')).toBe(true);
      expect(standIn.requests.count(TREES)).toBeLessThanOrEqual(2);
      standIn.assertNoContractViolations();
    },
    60_000,
  );

  it.skipIf(skip)(
    'tracks each item once when every push reaches two app processes',
    async () => {
      setup();
      const repos = ['api', 'billing', 'search', 'web'];
      const { standIn, installationId } = organisation(repos, 6);
      const probots = [
        await createTestProbot(standIn, { now: () => NOW, ...backend.process() }),
        await createTestProbot(standIn, { now: () => NOW, ...backend.process() }),
      ];
      const deliveries: Array<Promise<void>> = [];
      for (const repo of repos) {
        const sha = standIn.commitFiles('acme', repo, { [POSTMORTEM]: repoPostmortem(repo, 6) });
        for (const probot of probots)
          deliveries.push(
            receive(
              probot,
              'push',
              pushPayload(installationId, repo, sha, [POSTMORTEM]),
              randomUUID(),
            ),
          );
      }
      await Promise.all(deliveries);
      for (const probot of probots) await queueOf(probot).idle();
      for (const repo of repos) {
        const issues = trackedIssues(standIn, repo);
        expect(issues).toHaveLength(6);
        expect(new Set(issues.map((i) => parseMarker(i.body)?.id)).size).toBe(6);
      }
      standIn.assertNoContractViolations();
    },
    60_000,
  );

  it.skipIf(skip)(
    'retries a failing job with backoff and keeps it, with its last error, once every attempt failed',
    async () => {
      setup();
      const { standIn, installationId } = organisation(['web'], 2);
      const probot = await createTestProbot(standIn, {
        now: () => NOW,
        ...backend.process({ retry: { attempts: 3, backoffMs: 20 } }),
      });
      standIn.faults.add(
        { route: TREES.route, times: Number.POSITIVE_INFINITY },
        { status: 500, message: 'tree service down' },
      );
      const sha = standIn.commitFiles('acme', 'web', { [POSTMORTEM]: repoPostmortem('web', 2) });
      await receive(
        probot,
        'push',
        pushPayload(installationId, 'web', sha, [POSTMORTEM]),
        randomUUID(),
      );
      const queue = queueOf(probot);
      await queue.idle();
      expect(standIn.requests.count(TREES)).toBe(3);
      const dead = await queue.deadLetters();
      expect(dead).toHaveLength(1);
      expect(dead[0]!.job.kind).toBe('sync');
      expect(dead[0]!.attempts).toBe(3);
      expect(dead[0]!.error).toMatch(/tree service down|500/);
      expect((await queue.counts()).failed).toBe(1);
      // Its id stays taken while it is a dead letter, unless the caller asks to retry it.
      await queue.enqueue(dead[0]!.job);
      await queue.idle();
      expect(standIn.requests.count(TREES)).toBe(3);
      standIn.faults.clear();
      await queue.enqueue(dead[0]!.job, { retryFailed: true });
      await queue.idle();
      expect(standIn.requests.count(TREES)).toBe(4);
      expect(await queue.deadLetters()).toEqual([]);
      expect(trackedIssues(standIn, 'web')).toHaveLength(2);
    },
    60_000,
  );

  it.skipIf(skip)(
    'drops a replayed delivery id, also when the replay reaches another process',
    async () => {
      setup();
      const { standIn, installationId } = organisation(['web'], 2);
      const a = await createTestProbot(standIn, { now: () => NOW, ...backend.process() });
      const b =
        kind === 'redis'
          ? await createTestProbot(standIn, { now: () => NOW, ...backend.process() })
          : a;
      const sha = standIn.commitFiles('acme', 'web', { [POSTMORTEM]: repoPostmortem('web', 2) });
      const id = randomUUID();
      const payload = pushPayload(installationId, 'web', sha, [POSTMORTEM]);
      await receive(a, 'push', payload, id);
      await queueOf(a).idle();
      await receive(b, 'push', payload, id);
      await queueOf(b).idle();
      expect(standIn.requests.count(TREES)).toBe(1);
      expect(trackedIssues(standIn, 'web')).toHaveLength(2);
    },
    60_000,
  );

  it.skipIf(skip)(
    'posts one digest per repository and week when two processes plan at once, whatever lease label was planted',
    async () => {
      setup();
      const { standIn } = organisation(
        ['web', 'api'],
        1,
        'digest:\n  day: monday\n  hour: 9\n',
        () => NOW,
      );
      // Issue 9, finding 9: a lease label claiming the week until far in the future.
      standIn.addLabel('acme', 'web', {
        name: 'postmortem-tracker:digest-lease:2026-W10',
        description: 'claimed 2099-01-01T00:00:00.000Z',
      });
      const probots = [
        await createTestProbot(standIn, { now: () => NOW, ...backend.process() }),
        await createTestProbot(standIn, { now: () => NOW, ...backend.process() }),
      ];
      await Promise.all(probots.map((p) => queueOf(p).enqueue({ kind: 'plan-digests' })));
      for (const probot of probots) await queueOf(probot).idle();
      // A later hour: planned again, nothing more posted.
      await Promise.all(probots.map((p) => queueOf(p).enqueue({ kind: 'plan-digests' })));
      for (const probot of probots) await queueOf(probot).idle();
      for (const repo of ['web', 'api']) expect(digestWeeks(standIn, repo)).toEqual(['2026-W10']);
    },
    60_000,
  );

  it.skipIf(skip)(
    'heals a lost webhook with the reconcile walk',
    async () => {
      setup();
      const { standIn } = organisation(['web', 'api'], 3);
      standIn.addRepo({ owner: 'acme', repo: 'docs', files: { 'README.md': '# docs\n' } });
      const probot = await createTestProbot(standIn, { now: () => NOW, ...backend.process() });
      await queueOf(probot).enqueue({ kind: 'reconcile' });
      await queueOf(probot).idle();
      expect(trackedIssues(standIn, 'web')).toHaveLength(3);
      expect(trackedIssues(standIn, 'api')).toHaveLength(3);
      standIn.assertNoContractViolations();
    },
    60_000,
  );
});

import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';

function digestWeeks(standIn: GitHubStandIn, repo: string): string[] {
  const r = standIn.repo('acme', repo);
  const bodies = [
    ...[...r.discussions.values()].flatMap((d) => [d.body, ...d.comments.map((c) => c.body)]),
    ...[...r.comments.values()].map((c) => c.body),
    ...[...r.issues.values()].map((i) => i.body ?? ''),
  ];
  return bodies.flatMap((b) => {
    const m = parseDigestMarker(b);
    return m && m.part === 1 ? [m.week] : [];
  });
}

void CONFIG;
