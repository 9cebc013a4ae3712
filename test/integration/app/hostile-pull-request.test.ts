import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { buildAppBundle, startAppProcess, type AppProcess } from './app-process.js';
import { pullRequestOpened, testPrivateKey } from './harness.js';

const SECRET = 'hostile-secret';
const CONFIG = '.github/postmortem-tracker.yml';

/** The slow shapes known from issue 8: each took the parser or the config locator tens of seconds. */
function hostileFiles(): Record<string, string> {
  const keys = Array.from({ length: 40_000 }, (_, i) => `unknown_key_${i}: ${i}`).join('\n');
  return {
    'postmortems/2026-03-01-nested.md': `# Nested\n\n${'- '.repeat(12_000)}x\n`,
    'postmortems/2026-03-02-brackets.md': `# Brackets\n\n${'] '.repeat(50_000)}\n`,
    'postmortems/2026-03-03-comments.md': `# Comments\n\n${'<!--'.repeat(25_000)}\n`,
    [CONFIG]: `${keys}\n`,
  };
}

/** Polls `url` every 50 ms from a worker thread (its own event loop), until told to stop. */
function pollFromWorker(url: string): { stop(): Promise<Array<[number, number]>> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let stop = false;
    parentPort.on('message', () => { stop = true; });
    (async () => {
      const samples = [];
      while (!stop) {
        const t = performance.now();
        let status = 0;
        try { const r = await fetch(workerData.url); await r.arrayBuffer(); status = r.status; } catch {}
        samples.push([performance.now() - t, status]);
        await new Promise((r) => setTimeout(r, 50));
      }
      parentPort.postMessage(samples);
    })();`,
    { eval: true, workerData: { url } },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (samples: Array<[number, number]>) => {
          void worker.terminate();
          resolve(samples);
        });
        worker.postMessage('stop');
      }),
  };
}

const apps: AppProcess[] = [];
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
  for (const close of closers) await close();
});

describe('a fork pull request carrying the slow shapes (issue 9, finding 2)', () => {
  it('never blocks GET /health of the app process for a second while the app checks it', async () => {
    const standIn = createGitHubStandIn({ warnOnViolation: false });
    standIn.addRepo({
      owner: 'acme',
      repo: 'payments',
      files: { [CONFIG]: 'check:\n  failOn: error\n' },
      collaborators: ['alice'],
    });
    const installation = standIn.addInstallation({
      account: 'acme',
      accountType: 'Organization',
      repositories: ['acme/payments'],
    });
    const issue = standIn.addPull('acme', 'payments', {
      title: 'Totally normal post-mortems',
      head: 'contributor-pm',
      files: hostileFiles(),
    });
    const server = await standIn.listen();
    closers.push(() => server.close());
    // The app as operators run it (probot run, in-process queue); the stand-in's own work stays in
    // this process and the poller in a worker thread, so neither delays what is measured.
    const app = await startAppProcess(
      await buildAppBundle('app-hostile-test'),
      {
        NODE_ENV: 'production',
        APP_ID: '1',
        PRIVATE_KEY: testPrivateKey(),
        GHE_HOST: new URL(server.url).host,
        GHE_PROTOCOL: 'http',
        LOG_LEVEL: 'warn',
        POSTMORTEM_TRACKER_SCHEDULER: 'off',
        POSTMORTEM_TRACKER_METRICS_LOG_SECONDS: '0',
      },
      SECRET,
    );
    apps.push(app);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);

    const payload = pullRequestOpened(installation.id, issue);

    const poller = pollFromWorker(`${app.url}/health`);
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const { status, ms: answeredMs } = await app.deliver('pull_request', payload);
    expect(status).toBe(200);
    const runs = () => [...standIn.repo('acme', 'payments').checkRuns.values()];
    const deadline = Date.now() + 90_000;
    while (runs().length === 0 || runs()[0]!.status !== 'completed') {
      if (Date.now() > deadline) throw new Error(`no check run\n${app.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const checkedMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 300));
    const samples = await poller.stop();

    expect(runs()).toHaveLength(1);
    expect(runs()[0]!.conclusion).toBe('failure');
    const slowest = Math.max(...samples.map(([ms]) => ms));
    console.info(
      `hostile PR: webhook answered in ${answeredMs.toFixed(0)} ms, check run out after ${checkedMs.toFixed(0)} ms; ` +
        `/health polled ${samples.length} times, slowest ${slowest.toFixed(0)} ms`,
    );
    expect(samples.every(([, s]) => s === 200)).toBe(true);
    expect(samples.length).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1_000);
    expect(answeredMs).toBeLessThan(1_000);
    standIn.assertNoContractViolations();
  }, 150_000);
});
