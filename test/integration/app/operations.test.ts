import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Probot, Server } from 'probot';
import { pino } from 'pino';
import { AppEnvError, appOptionsFromEnv } from '../../../app/app-options-from-env.js';
import { createApp, type CreateAppOptions } from '../../../app/create-app.js';
import { createBullmqQueue } from '../../../app/queue/bullmq-queue.js';
import { createInProcessQueue } from '../../../app/queue/in-process-queue.js';
import { renderMetrics } from '../../../app/queue/ops-handler.js';
import type { WorkQueue } from '../../../app/queue/work-queue.js';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { buildAppBundle, startAppProcess } from './app-process.js';
import { fetchWithUrl, standInOctokit, testPrivateKey } from './harness.js';
import { freePort, redisAvailable, startRedis, type TestRedis } from './redis-server.js';

const servers: Server[] = [];
const queues: WorkQueue[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const queue of queues.splice(0)) await queue.close().catch(() => undefined);
});

/** The app behind Probot's own HTTP server, talking to the stand-in. */
async function serve(privateKey: string, options: CreateAppOptions = {}): Promise<string> {
  const standIn = createGitHubStandIn({ warnOnViolation: false });
  const port = await freePort();
  const server = new Server({
    host: '127.0.0.1',
    port,
    log: pino({ level: 'silent' }),
    Probot: Probot.defaults({
      appId: 1,
      privateKey,
      secret: 'ops-secret',
      log: pino({ level: 'silent' }),
      request: { fetch: fetchWithUrl(standIn) },
      Octokit: standInOctokit(standIn),
    }),
  });
  await server.load(createApp({ scheduler: false, metricsLogIntervalMs: 0, ...options }));
  await server.start();
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

describe('operating the app', () => {
  it('answers GET /health 200 when it can authenticate and reach its queue, and /metrics in Prometheus text', async () => {
    const queue = createInProcessQueue();
    queues.push(queue);
    await queue.enqueue({ kind: 'reconcile' }, { delayMs: 3_600_000 });
    const url = await serve(testPrivateKey(), { queue });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('# TYPE postmortem_tracker_queue_jobs gauge');
    expect(text).toContain('postmortem_tracker_queue_jobs{state="delayed",queue="in-process"} 1');
    expect(text).toContain('postmortem_tracker_queue_jobs{state="failed",queue="in-process"} 0');
  });

  it('fails GET /health with 503 when the private key is broken, where /ping still says PONG', async () => {
    const url = await serve(
      '-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n',
    );
    expect((await fetch(`${url}/ping`)).status).toBe(200);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as { status: string; problems: string[] };
    expect(body.status).toBe('failing');
    expect(body.problems.join('\n')).toMatch(/cannot authenticate with GitHub/);
  });

  it('renders every queue state as a gauge', () => {
    expect(
      renderMetrics({ waiting: 2, active: 1, delayed: 3, failed: 4, completed: 5 }, 'redis'),
    ).toBe(
      [
        '# HELP postmortem_tracker_queue_jobs Jobs in the work queue, by state.',
        '# TYPE postmortem_tracker_queue_jobs gauge',
        'postmortem_tracker_queue_jobs{state="waiting",queue="redis"} 2',
        'postmortem_tracker_queue_jobs{state="active",queue="redis"} 1',
        'postmortem_tracker_queue_jobs{state="delayed",queue="redis"} 3',
        'postmortem_tracker_queue_jobs{state="failed",queue="redis"} 4',
        'postmortem_tracker_queue_jobs{state="completed",queue="redis"} 5',
        '',
      ].join('\n'),
    );
  });

  it('refuses to run in production without a webhook secret (issue 9, finding 11)', () => {
    expect(() => appOptionsFromEnv({ NODE_ENV: 'production' })).toThrow(AppEnvError);
    expect(() => appOptionsFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET: '' })).toThrow(
      /WEBHOOK_SECRET/,
    );
    expect(
      appOptionsFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET: 's' }).queue,
    ).toBeUndefined();
    expect(() => appOptionsFromEnv({ POSTMORTEM_TRACKER_WRITES_PER_HOUR: 'lots' })).toThrow(
      /POSTMORTEM_TRACKER_WRITES_PER_HOUR="lots": expected a whole number/,
    );
  });
});

describe.skipIf(!redisAvailable)('operating the app on Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('uses the Redis queue with REDIS_URL, and fails GET /health with 503 once Redis is gone', async () => {
    const local = await startRedis();
    const options = appOptionsFromEnv({ REDIS_URL: local.url });
    expect(options.queue?.kind).toBe('redis');
    queues.push(options.queue!);
    const url = await serve(testPrivateKey(), options);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    await local.stop();
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { problems: string[] }).problems.join('\n')).toMatch(
      /cannot reach the redis queue/,
    );
  }, 30_000);

  it('counts a job that failed every attempt on /metrics', async () => {
    const queue = createBullmqQueue({
      url: redis.url,
      name: 'ops-metrics',
      retry: { attempts: 1 },
    });
    queues.push(queue);
    const url = await serve(testPrivateKey(), { queue, worker: false });
    queue.start(async () => {
      throw new Error('boom');
    });
    await queue.enqueue({
      kind: 'check',
      installationId: 1,
      owner: 'acme',
      repo: 'web',
      number: 1,
      headSha: 'abc1234',
    });
    await queue.idle();
    expect(await (await fetch(`${url}/metrics`)).text()).toContain(
      'postmortem_tracker_queue_jobs{state="failed",queue="redis"} 1',
    );
    expect((await queue.deadLetters()).map((d) => d.error)).toEqual(['boom']);
  }, 30_000);
});

describe('the app process (probot run)', () => {
  it('exits at start in production without WEBHOOK_SECRET, naming it', async () => {
    const bundle = await buildAppBundle('app-ops-test');
    const started = startAppProcess(
      bundle,
      { NODE_ENV: 'production', APP_ID: '1', PRIVATE_KEY: testPrivateKey(), LOG_LEVEL: 'warn' },
      '',
    );
    await expect(started).rejects.toThrow(/WEBHOOK_SECRET is empty/);
  }, 60_000);
});
