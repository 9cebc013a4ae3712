/** Starts a throwaway `redis-server` on a loopback port for tests (nothing saved to disk). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running test Redis. */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const BINARY = process.env['REDIS_SERVER'] ?? 'redis-server';

/** Whether `redis-server` can be run here; tests that need it skip (with this message) when not. */
export const redisAvailable: boolean =
  spawnSync(BINARY, ['--version'], { stdio: 'ignore' }).status === 0;

/** Why the Redis tests are skipped, printed once when they are. */
export const REDIS_SKIP_MESSAGE = `redis-server not found (${BINARY}): the queue tests against Redis are SKIPPED; install it (apt-get install redis-server) or set REDIS_SERVER`;

if (!redisAvailable) console.warn(REDIS_SKIP_MESSAGE);

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
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

/** Starts `redis-server` on a random loopback port with a temporary directory, no persistence. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pmt-redis-'));
  const child: ChildProcess = spawn(
    BINARY,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 10_000;
  while (!/Ready to accept connections/i.test(output)) {
    if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
