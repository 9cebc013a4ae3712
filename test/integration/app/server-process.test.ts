import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubStandIn } from '../../support/github-stand-in.js';
import { sloppyPostmortemText } from './fixtures.js';
import { buildAppBundle } from './app-process.js';
import { examplePayload, retarget, testPrivateKey } from './harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'process-test-secret';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 15_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the app as a real server (probot run, loopback)', () => {
  const standIn = createGitHubStandIn({ warnOnViolation: false });
  const repo = standIn.addRepo({
    owner: 'acme',
    repo: 'payments',
    files: { '.github/postmortem-tracker.yml': 'check:\n  failOn: error\n' },
  });
  const installation = standIn.addInstallation({
    account: 'acme',
    accountType: 'Organization',
    repositories: ['acme/payments'],
  });
  const pull = standIn.addPull('acme', 'payments', {
    head: 'pm',
    files: { 'postmortems/2026-02-01-broken.md': sloppyPostmortemText(3) },
  });
  let server: { url: string; close(): Promise<void> };
  let child: ChildProcess;
  let webhookUrl = '';
  let output = '';

  beforeAll(async () => {
    server = await standIn.listen();
    const port = await freePort();
    webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
    // Built as `npm run build` would, then started the documented way: `probot run <app file>`.
    const bundle = await buildAppBundle('app-process-test');
    child = spawn(process.execPath, ['node_modules/probot/bin/probot.js', 'run', bundle], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        APP_ID: '1',
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET: SECRET,
        HOST: '127.0.0.1',
        PORT: String(port),
        GHE_HOST: new URL(server.url).host,
        GHE_PROTOCOL: 'http',
        LOG_LEVEL: 'warn',
        POSTMORTEM_TRACKER_SCHEDULER: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`app exited (${child.exitCode}):\n${output}`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
        } catch {
          return false;
        }
      },
      `the app to listen\n${output}`,
      25_000,
    );
  }, 40_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await server?.close();
  });

  function body(): string {
    const payload = retarget(examplePayload('pull_request', 'opened'), {
      owner: 'acme',
      repo: 'payments',
      installationId: installation.id,
    });
    payload['number'] = pull.number;
    Object.assign(payload['pull_request'], { number: pull.number, state: 'open' });
    Object.assign(payload['pull_request']['head'], { sha: pull.pull!.head.sha, ref: 'pm' });
    return JSON.stringify(payload);
  }

  function post(text: string, signature: string | null): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': randomUUID(),
    };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    return fetch(webhookUrl, { method: 'POST', headers, body: text });
  }

  it('rejects an unsigned delivery with 4xx and changes nothing', async () => {
    const before = standIn.requests.all.length;
    const response = await post(body(), null);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    expect(repo.checkRuns.size).toBe(0);
    expect(standIn.requests.all.length).toBe(before);
  });

  it('rejects a delivery signed with the wrong secret with 4xx and changes nothing', async () => {
    const text = body();
    const before = standIn.requests.all.length;
    const response = await post(
      text,
      `sha256=${createHmac('sha256', 'not-the-secret').update(text).digest('hex')}`,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    expect(repo.checkRuns.size).toBe(0);
    expect(standIn.requests.all.length).toBe(before);
  });

  it('accepts a delivery signed with the secret and creates the check run', async () => {
    const text = body();
    const response = await post(
      text,
      `sha256=${createHmac('sha256', SECRET).update(text).digest('hex')}`,
    );
    expect(response.status).toBe(200);
    await waitFor(() => repo.checkRuns.size === 1, `the check run\n${output}`);
    const run = [...repo.checkRuns.values()][0]!;
    expect(run.name).toBe('postmortem-tracker');
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.length).toBeGreaterThan(0);
    standIn.assertNoContractViolations();
  });
});
