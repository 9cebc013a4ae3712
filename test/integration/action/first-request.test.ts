import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE24_BINARY } from '../../support/test-assets.js';
import {
  FAST_CONFIG,
  makeWorkspace,
  pushEvent,
  readOutputs,
  runnerEnv,
  standInRepo,
  stepFiles,
} from './action-harness.js';

const root = join(import.meta.dirname, '..', '..', '..');
const node24 = NODE24_BINARY;
const node = existsSync(node24) ? node24 : process.execPath;
const bundle = join(root, 'dist', 'index.js');
if (!existsSync(bundle)) console.warn(`[first-request.test] SKIPPED: no bundle at ${bundle}`);

/** A pass-through to `upstream` that notes when each request arrives. */
async function recordingProxy(upstream: string, arrivals: Array<{ path: string; at: number }>) {
  const proxy: Server = createServer((req, res) => {
    arrivals.push({ path: req.url ?? '', at: performance.now() });
    const out = request(
      `${upstream}${req.url ?? ''}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(out);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

describe.skipIf(!existsSync(bundle))('the Action’s first request, as the runner runs it', () => {
  it('leaves before the post-mortems are parsed, so its answer travels while they are', async () => {
    const gh = standInRepo();
    const server = await gh.listen();
    const arrivals: Array<{ path: string; at: number }> = [];
    const proxy = await recordingProxy(server.url, arrivals);
    // A file micromark needs seconds for, stopped at a 1.5 s budget: its parse holds the thread that long.
    const workspace = makeWorkspace({
      'postmortems/2026-03-02-slow.md': `# Slow\n\n${'] \n'.repeat(60_000)}`,
      '.github/postmortem-tracker.yml': `${FAST_CONFIG}limits:\n  parseTimeoutMs: 1500\n`,
    });
    const sha = 'a'.repeat(40);
    const files = stepFiles(pushEvent('refs/heads/main', sha));
    const started = performance.now();
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        node,
        [bundle],
        {
          env: {
            PATH: process.env['PATH'] ?? '',
            ...runnerEnv({
              inputs: { token: 'ghs_test', mode: 'sync', 'dry-run': 'false', 'max-writes': '50' },
              eventName: 'push',
              files,
              workspace,
              apiUrl: proxy.url,
              sha,
              ref: 'refs/heads/main',
            }),
          },
          timeout: 60_000,
        },
        (error, out) => resolve({ code: error ? 1 : 0, stdout: out }),
      );
    });
    const finished = performance.now();
    await proxy.close();
    await server.close();

    expect(code, stdout).toBe(0);
    expect(readOutputs(files.outputPath)).toMatchObject({ created: '0' });
    expect(stdout).toMatch(/2026-03-02-slow\.md is too complex to parse/);
    expect(finished - started).toBeGreaterThan(1_500);
    const first = arrivals[0]!;
    expect(first.path).toBe('/user');
    // Sent while the slow file was still being parsed, not after it.
    expect(finished - first.at).toBeGreaterThan(1_000);
  });
});
