import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/core/sync/marker.js';
import type { GitHubStandIn } from '../../support/github-stand-in.js';
import { buildAppBundle, slowProxy, startAppProcess, type AppProcess } from './app-process.js';
import { testPrivateKey } from './harness.js';
import { organisation, pushPayload, repoPostmortem, trackedIssues } from './queue-fixtures.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-server.js';

const SECRET = 'crash-test-secret';
const REPOS = ['api', 'billing', 'search', 'web'];
const PER_MINUTE = 20;
const POSTMORTEM = 'postmortems/2026-02-10-outage.md';

/** The most writes the stand-in accepted in any 60 seconds. */
function peakWritesPerMinute(standIn: GitHubStandIn): number {
  const times = standIn.requests
    .filter((r) => r.write && r.status < 400)
    .map((r) => Date.parse(r.at))
    .sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= 60_000) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

async function until(check: () => boolean, what: string, ms: number, log: () => string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(['redis', 'in-process'] as const)(
  'app processes (probot run) on the %s queue, every push delivered to each',
  (kind) => {
    // On Redis, enough work to still be running a minute later, when the budget of 20 a minute binds.
    const ITEMS = kind === 'redis' ? 5 : 2;
    const skip = kind === 'redis' && !redisAvailable;
    let redis: TestRedis | null = null;
    let bundle = '';
    const apps: AppProcess[] = [];
    const closers: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      if (skip) return;
      if (kind === 'redis') redis = await startRedis();
      bundle = await buildAppBundle(`app-crash-test-${kind}`);
    }, 60_000);

    afterAll(async () => {
      for (const app of apps) await app.stop();
      for (const close of closers) await close();
      await redis?.stop();
    });

    it.skipIf(skip)(
      kind === 'redis'
        ? 'one process killed with SIGKILL mid-run: the survivor finishes every repository with one issue per item, and the write budget holds'
        : 'one process finishes every repository with one issue per item, and the write budget holds',
      async () => {
        const { standIn, installationId } = organisation(REPOS, 0);
        const server = await standIn.listen();
        closers.push(() => server.close());
        // 25 ms per request, so that the first process is mid-run when it is killed.
        const proxy = await slowProxy(server.url, 25);
        closers.push(() => proxy.close());
        const env: Record<string, string> = {
          NODE_ENV: 'production',
          APP_ID: '1',
          PRIVATE_KEY: testPrivateKey(),
          GHE_HOST: new URL(proxy.url).host,
          GHE_PROTOCOL: 'http',
          LOG_LEVEL: process.env['APP_TEST_LOG_LEVEL'] ?? 'warn',
          POSTMORTEM_TRACKER_SCHEDULER: 'off',
          POSTMORTEM_TRACKER_WRITES_PER_MINUTE: String(PER_MINUTE),
          POSTMORTEM_TRACKER_LOCK_MS: '2000',
          POSTMORTEM_TRACKER_METRICS_LOG_SECONDS: '0',
          ...(redis ? { REDIS_URL: redis.url } : {}),
        };
        const count = kind === 'redis' ? 2 : 1;
        for (let i = 0; i < count; i++) apps.push(await startAppProcess(bundle, env, SECRET));
        const log = () => apps.map((a, i) => `--- app ${i}\n${a.output()}`).join('\n');

        const answers: number[] = [];
        for (const repo of REPOS) {
          const sha = standIn.commitFiles('acme', repo, {
            [POSTMORTEM]: repoPostmortem(repo, ITEMS),
          });
          // Every push reaches every process (a redelivery with its own id, as after a timeout).
          for (const app of apps) {
            const { status, ms } = await app.deliver(
              'push',
              pushPayload(installationId, repo, sha, [POSTMORTEM]),
            );
            expect(status).toBe(200);
            answers.push(ms);
          }
        }
        const total = () => REPOS.reduce((n, r) => n + trackedIssues(standIn, r).length, 0);
        if (kind === 'redis') {
          await until(() => total() >= 4, 'the first issues', 90_000, log);
          apps[0]!.child.kill('SIGKILL');
          await new Promise((r) => apps[0]!.child.once('exit', r));
        }
        await until(() => total() >= REPOS.length * ITEMS, 'every item tracked', 200_000, log);
        // Give a duplicate every chance to appear before counting.
        await new Promise((r) => setTimeout(r, 3_000));

        for (const repo of REPOS) {
          const issues = trackedIssues(standIn, repo);
          expect(issues, repo).toHaveLength(ITEMS);
          expect(new Set(issues.map((i) => parseMarker(i.body)?.id)).size).toBe(ITEMS);
          expect(issues.every((i) => i.state === 'open')).toBe(true);
        }
        expect(peakWritesPerMinute(standIn)).toBeLessThanOrEqual(PER_MINUTE);
        const survivor = apps.at(-1)!;
        expect(survivor.child.exitCode).toBeNull();
        const metrics = await (await fetch(`${survivor.url}/metrics`)).text();
        expect(metrics).toMatch(
          /postmortem_tracker_queue_jobs\{state="failed",queue="[a-z-]+"\} 0/,
        );
        console.info(
          `[${kind}] webhook answers: max ${Math.max(...answers).toFixed(0)} ms, median ${answers.sort((a, b) => a - b)[answers.length >> 1]!.toFixed(0)} ms; ` +
            `${standIn.requests.writes()} writes, peak ${peakWritesPerMinute(standIn)} per minute`,
        );
        expect(Math.max(...answers)).toBeLessThan(1_000);
        standIn.assertNoContractViolations();
      },
      300_000,
    );
  },
);
